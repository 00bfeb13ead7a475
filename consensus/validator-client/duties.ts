// Duties from the beacon node (GET duties/proposer, POST duties/attester): fetched once per epoch, and again only
// when a head event says the chain they were computed from changed, i.e. its dependent root is not theirs
// (beacon-APIs: attester duties of epoch e depend on the block root at the last slot of epoch e-2, proposer duties of
// epoch e on the root at the last slot of e-1; the head event carries both for the head's epoch).
import type { Logger } from "pino";
import type { AttesterDutyJson, HeadEventJson, ProposerDutyJson } from "../../sdk/beacon-api/validatorApiTypes.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { isAggregator } from "../validator/isAggregator.js";
import type { SigningContext } from "../validator/signer.js";
import type { BeaconNodes } from "./beaconNodes.js";
import type { ValidatorMetrics } from "./metrics.js";
import type { ValidatorStore } from "./validatorStore.js";

export interface AttesterDuty {
  pubkeyHex: string;
  pubkey: Uint8Array;
  validatorIndex: number;
  committeeIndex: number;
  committeeLength: number;
  committeesAtSlot: number;
  validatorCommitteeIndex: number;
  slot: number;
  selectionProof: Uint8Array;
  isAggregator: boolean;
}

export interface ProposerDuty {
  pubkeyHex: string;
  validatorIndex: number;
  slot: number;
}

interface EpochDuties<T> {
  dependentRoot: string;
  duties: T[];
}

export class DutiesService {
  private readonly attester = new Map<number, EpochDuties<AttesterDuty>>();
  private readonly proposer = new Map<number, EpochDuties<ProposerDuty>>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** number of duty requests made (tests: duties are not re-fetched on every head) */
  requests = 0;

  constructor(
    private readonly cfg: BeaconConfig,
    private readonly nodes: BeaconNodes,
    private readonly store: ValidatorStore,
    private readonly ctx: () => SigningContext,
    private readonly opts: { logger?: Logger; metrics?: ValidatorMetrics } = {},
  ) {
    // a key added or removed changes who has duties: fetch again
    store.onChange(() => {
      this.attester.clear();
      this.proposer.clear();
    });
  }

  /** Looks up the validator index of every held key without one (POST states/head/validators). */
  async resolveIndices(): Promise<void> {
    const missing = this.store.all().filter((h) => h.index === null);
    if (missing.length === 0) return;
    const found = await this.nodes.call("states/head/validators", (api) =>
      api.getValidators(missing.map((h) => h.key.pubkeyHex)),
    );
    for (const v of found) this.store.setIndex(v.validator.pubkey.toLowerCase(), Number(v.index));
  }

  /** Makes sure the duties of `epoch` (proposer, attester) and of `epoch + 1` (attester) are known. */
  async pollEpoch(epoch: number): Promise<void> {
    await this.resolveIndices();
    await Promise.all([
      this.once(`p${epoch}`, () => this.fetchProposers(epoch)),
      this.ensureAttesters(epoch),
      this.ensureAttesters(epoch + 1),
    ]);
    for (const e of this.attester.keys()) if (e < epoch - 1) this.attester.delete(e);
    for (const e of this.proposer.keys()) if (e < epoch - 1) this.proposer.delete(e);
  }

  private ensureAttesters(epoch: number): Promise<void> {
    return this.once(`a${epoch}`, () => this.fetchAttesters(epoch));
  }

  /** one request at a time per epoch and kind; skipped when the duties are already known */
  private once(key: string, fetch: () => Promise<void>): Promise<void> {
    const known = key.startsWith("p")
      ? this.proposer.has(Number(key.slice(1)))
      : this.attester.has(Number(key.slice(1)));
    if (known) return Promise.resolve();
    let p = this.inflight.get(key);
    if (!p) {
      p = fetch().finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  private async fetchProposers(epoch: number): Promise<void> {
    this.requests++;
    const res = await this.nodes.call("duties/proposer", (api) => api.getProposerDuties(epoch));
    const duties: ProposerDuty[] = [];
    for (const d of res.data as ProposerDutyJson[]) {
      const pubkeyHex = d.pubkey.toLowerCase();
      if (!this.store.get(pubkeyHex)) continue;
      duties.push({ pubkeyHex, validatorIndex: Number(d.validator_index), slot: Number(d.slot) });
    }
    this.proposer.set(epoch, { dependentRoot: res.dependent_root, duties });
    if (duties.length > 0) this.opts.logger?.info({ epoch, slots: duties.map((d) => d.slot) }, "proposer duties");
  }

  private async fetchAttesters(epoch: number): Promise<void> {
    const indices = this.store.indices();
    if (indices.length === 0) return;
    this.requests++;
    const res = await this.nodes.call("duties/attester", (api) => api.getAttesterDuties(epoch, indices));
    const ctx = this.ctx();
    const duties: AttesterDuty[] = [];
    for (const d of res.data as AttesterDutyJson[]) {
      const pubkeyHex = d.pubkey.toLowerCase();
      const held = this.store.get(pubkeyHex);
      if (!held) continue;
      const slot = Number(d.slot);
      const committeeLength = Number(d.committee_length);
      // the selection proof is only published if this validator aggregates (and may sign)
      const selectionProof = this.store.signer.signSelectionProof(ctx, held.key.publicKey, slot);
      duties.push({
        pubkeyHex,
        pubkey: held.key.publicKey,
        validatorIndex: Number(d.validator_index),
        committeeIndex: Number(d.committee_index),
        committeeLength,
        committeesAtSlot: Number(d.committees_at_slot),
        validatorCommitteeIndex: Number(d.validator_committee_index),
        slot,
        selectionProof,
        isAggregator: isAggregator(this.cfg, committeeLength, selectionProof),
      });
    }
    this.attester.set(epoch, { dependentRoot: res.dependent_root, duties });
    // validator.md "Beacon committee subscriptions": tell the node which committees to listen to and aggregate
    if (duties.length > 0) {
      await this.nodes
        .call("beacon_committee_subscriptions", (api) =>
          api.prepareBeaconCommitteeSubnets(
            duties.map((d) => ({
              validator_index: String(d.validatorIndex),
              committee_index: String(d.committeeIndex),
              committees_at_slot: String(d.committeesAtSlot),
              slot: String(d.slot),
              is_aggregator: d.isAggregator,
            })),
          ),
        )
        .catch((e) => this.opts.logger?.warn({ err: (e as Error).message, epoch }, "committee subscriptions failed"));
    }
  }

  /**
   * A head event: duties whose dependent root differs from the head's are dropped and fetched again. For the head's
   * epoch e: attester duties of e depend on previous_duty_dependent_root, attester duties of e+1 and proposer duties
   * of e on current_duty_dependent_root.
   */
  onHead(head: HeadEventJson): void {
    const epoch = Math.floor(Number(head.slot) / this.cfg.SLOTS_PER_EPOCH);
    const check = (
      map: Map<number, EpochDuties<unknown>>,
      e: number,
      root: string,
      kind: string,
      refetch: () => Promise<void>,
    ) => {
      const known = map.get(e);
      if (!known || known.dependentRoot === root) return;
      map.delete(e);
      this.opts.metrics?.dutiesRefetched.inc({ kind });
      this.opts.logger?.info(
        { epoch: e, kind, was: known.dependentRoot, now: root },
        "dependent root changed: refetching duties",
      );
      refetch().catch((err) =>
        this.opts.logger?.warn({ err: (err as Error).message, epoch: e, kind }, "duty refetch failed"),
      );
    };
    check(this.attester, epoch, head.previous_duty_dependent_root, "attester", () => this.ensureAttesters(epoch));
    check(this.attester, epoch + 1, head.current_duty_dependent_root, "attester", () =>
      this.ensureAttesters(epoch + 1),
    );
    check(this.proposer, epoch, head.current_duty_dependent_root, "proposer", () =>
      this.once(`p${epoch}`, () => this.fetchProposers(epoch)),
    );
  }

  attesterDutiesAt(slot: number): AttesterDuty[] {
    return (this.attester.get(Math.floor(slot / this.cfg.SLOTS_PER_EPOCH))?.duties ?? []).filter(
      (d) => d.slot === slot,
    );
  }

  proposerDutiesAt(slot: number): ProposerDuty[] {
    return (this.proposer.get(Math.floor(slot / this.cfg.SLOTS_PER_EPOCH))?.duties ?? []).filter(
      (d) => d.slot === slot,
    );
  }

  /** the dependent roots the known duties were computed from (tests) */
  dependentRoots(): { attester: Map<number, string>; proposer: Map<number, string> } {
    return {
      attester: new Map([...this.attester].map(([e, d]) => [e, d.dependentRoot])),
      proposer: new Map([...this.proposer].map(([e, d]) => [e, d.dependentRoot])),
    };
  }
}
