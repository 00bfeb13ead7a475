// Prometheus metrics with the names consensus clients use, read from the ChainView at scrape time.
import { Counter, Gauge, Registry } from "prom-client";
import type { ChainView } from "./chainView.js";
import { getValidatorStatus, VALIDATOR_STATUSES } from "./validatorStatus.js";

export interface NodeMetrics {
  registry: Registry;
  /** blocks imported by the chain service */
  blocksImported: Counter;
  /** duties performed by the validator client, by duty and outcome */
  validatorDuties: Counter<"duty" | "result">;
}

export function createMetrics(view: ChainView): NodeMetrics {
  const registry = new Registry();
  const head = () => view.getState({ kind: "head" })?.state ?? null;
  const spe = view.config.SLOTS_PER_EPOCH;

  new Gauge({
    name: "beacon_head_slot",
    help: "Slot of the head block",
    registers: [registry],
    collect() {
      this.set(head()?.slot ?? 0);
    },
  });
  new Gauge({
    name: "beacon_clock_slot",
    help: "Current slot of the slot clock",
    registers: [registry],
    collect() {
      this.set(view.currentSlot());
    },
  });
  new Gauge({
    name: "beacon_finalized_epoch",
    help: "Finalized epoch of the head state",
    registers: [registry],
    collect() {
      this.set(head()?.finalizedCheckpoint.epoch ?? 0);
    },
  });
  new Gauge({
    name: "beacon_current_justified_epoch",
    help: "Current justified epoch of the head state",
    registers: [registry],
    collect() {
      this.set(head()?.currentJustifiedCheckpoint.epoch ?? 0);
    },
  });
  new Gauge({
    name: "beacon_previous_justified_epoch",
    help: "Previous justified epoch of the head state",
    registers: [registry],
    collect() {
      this.set(head()?.previousJustifiedCheckpoint.epoch ?? 0);
    },
  });
  new Gauge({
    name: "beacon_current_validators",
    help: "Validators in the head state by Beacon API status",
    labelNames: ["status"],
    registers: [registry],
    collect() {
      const s = head();
      const counts = new Map<string, number>(VALIDATOR_STATUSES.map((st) => [st, 0]));
      if (s) {
        const epoch = Math.floor(s.slot / spe);
        for (let i = 0; i < s.validators.length; i++) {
          const st = getValidatorStatus(s.validators[i]!, epoch);
          counts.set(st, counts.get(st)! + 1);
        }
      }
      counts.set("deposit_pending", view.pendingDeposits().length);
      for (const [status, n] of counts) this.set({ status }, n);
    },
  });
  new Gauge({
    name: "btc20_follower_lag_blocks",
    help: "Execution blocks between the endpoint's head and the block the follower has processed",
    registers: [registry],
    collect() {
      const f = view.followerStatus();
      this.set(f ? Math.max(0, f.headBlock - f.followedBlock) : 0);
    },
  });
  new Gauge({
    name: "btc20_follower_deposits_processed",
    help: "Deposits the follower has read from the deposit contract",
    registers: [registry],
    collect() {
      this.set(view.followerStatus()?.depositsProcessed ?? 0);
    },
  });
  new Gauge({
    name: "beacon_processed_deposits_total",
    help: "eth1_deposit_index of the head state (deposits processed into the registry)",
    registers: [registry],
    collect() {
      this.set(head()?.eth1DepositIndex ?? 0);
    },
  });
  const blocksImported = new Counter({
    name: "beacon_blocks_imported_total",
    help: "Blocks imported by the chain service",
    registers: [registry],
  });
  const validatorDuties = new Counter({
    name: "validator_duties_total",
    help: "Duties performed by the validator client",
    labelNames: ["duty", "result"] as const,
    registers: [registry],
  });
  return { registry, blocksImported, validatorDuties };
}
