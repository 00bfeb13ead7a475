// btc20-validator's duty loop (phase0 validator.md), over the Beacon API only: at the start of each slot it proposes
// when one of its validators is the proposer; it attests at 1/3 of the slot, or earlier as soon as the node's head
// event for the slot arrives; at 2/3 its selected aggregators publish aggregates. Duties come from DutiesService.
// Every block and attestation is signed through slashing protection, and only for keys doppelganger protection has
// cleared; nothing is published before its slashing-protection record is committed.

import { BitArray } from "@chainsafe/ssz";
import type { Logger } from "pino";
import type { HeadEventJson } from "../../sdk/beacon-api/validatorApiTypes.js";
import type { Attestation, AttestationData } from "../types/index.js";
import type { SigningContext, ValidatorSigner } from "../validator/signer.js";
import { SlashingProtectionError } from "../validator/slashing-protection/index.js";
import type { BeaconNodes } from "./beaconNodes.js";
import type { ChainInfo } from "./chainInfo.js";
import { ValidatorClock } from "./clock.js";
import type { DoppelgangerService } from "./doppelganger.js";
import { DutiesService } from "./duties.js";
import type { Duty, ValidatorMetrics } from "./metrics.js";
import type { ValidatorStore } from "./validatorStore.js";

export interface ValidatorServiceOptions {
  nodes: BeaconNodes;
  info: ChainInfo;
  store: ValidatorStore;
  metrics: ValidatorMetrics;
  logger: Logger;
  /** 32 bytes */
  graffiti: Uint8Array;
  doppelganger?: DoppelgangerService | null;
}

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

export class ValidatorService {
  readonly clock: ValidatorClock;
  readonly duties: DutiesService;
  private readonly signer: ValidatorSigner;
  private readonly abort = new AbortController();
  /** head slot seen on the event stream, with waiters for "a head at slot >= s" */
  private headSlot = -1;
  private headWaiters: { slot: number; resolve: () => void }[] = [];
  /** attestation data per slot and committee, for the aggregation at 2/3 */
  private readonly attested = new Map<number, Map<number, AttestationData>>();
  private lastPolledEpoch = -1;
  private healthCheck: Promise<number> | null = null;

  constructor(private readonly o: ValidatorServiceOptions) {
    const { cfg } = o.info;
    this.clock = new ValidatorClock(o.info.genesisTime, cfg.SECONDS_PER_SLOT, cfg.SLOTS_PER_EPOCH);
    this.signer = o.store.signer;
    this.duties = new DutiesService(cfg, o.nodes, o.store, () => this.ctx(), { logger: o.logger, metrics: o.metrics });
    o.store.onChange(() => {
      this.lastPolledEpoch = -1;
    });
  }

  /** the signing context of `slot`: the chain's fork and genesis validators root */
  ctx(slot = this.clock.currentSlot()): SigningContext {
    return { fork: this.o.info.fork, genesisValidatorsRoot: this.o.info.genesisValidatorsRoot, slot };
  }

  start(): void {
    this.clock.start((slot) => {
      this.onSlot(slot).catch((e) => this.o.logger.error({ err: e, slot }, "slot processing failed"));
    });
    void this.followHeads();
    // duties of the current epoch right away (the first slot tick may be seconds away)
    void this.pollDuties(this.clock.currentEpoch());
  }

  stop(): void {
    this.abort.abort();
    this.clock.stop();
    for (const w of this.headWaiters) w.resolve();
    this.headWaiters = [];
  }

  /** SSE head events from the first healthy node; reconnects (to whichever node is first then) when the stream ends. */
  private async followHeads(): Promise<void> {
    while (!this.abort.signal.aborted) {
      const api = this.o.nodes.primary();
      const streamAbort = new AbortController();
      const onStop = () => streamAbort.abort();
      this.abort.signal.addEventListener("abort", onStop, { once: true });
      // switch streams when another node became primary (fallback or recovery)
      const watch = setInterval(() => {
        if (this.o.nodes.primary() !== api) streamAbort.abort();
      }, 1000);
      try {
        await api.streamEvents(
          ["head"],
          (e) => {
            if (e.event === "head") this.onHead(JSON.parse(e.data) as HeadEventJson);
          },
          streamAbort.signal,
        );
      } catch (e) {
        this.o.logger.debug({ err: (e as Error).message }, "head event stream failed");
      } finally {
        clearInterval(watch);
        this.abort.signal.removeEventListener("abort", onStop);
      }
      if (!this.abort.signal.aborted) await new Promise((r) => setTimeout(r, 500));
    }
  }

  private onHead(head: HeadEventJson): void {
    const slot = Number(head.slot);
    this.duties.onHead(head);
    if (slot > this.headSlot) this.headSlot = slot;
    this.headWaiters = this.headWaiters.filter((w) => {
      if (w.slot > this.headSlot) return true;
      w.resolve();
      return false;
    });
  }

  private headAtLeast(slot: number): Promise<void> {
    if (this.headSlot >= slot) return Promise.resolve();
    return new Promise((resolve) => this.headWaiters.push({ slot, resolve }));
  }

  private async pollDuties(epoch: number): Promise<void> {
    try {
      await this.duties.pollEpoch(epoch);
      this.lastPolledEpoch = epoch;
    } catch (e) {
      this.o.logger.warn({ err: (e as Error).message, epoch }, "fetching duties failed; retrying next slot");
    }
  }

  async onSlot(slot: number): Promise<void> {
    const epoch = this.clock.epochOf(slot);
    // the health check runs beside the duties: a hung node must not hold up the proposal
    if (!this.healthCheck) {
      this.healthCheck = this.o.nodes.checkHealth().finally(() => {
        this.healthCheck = null;
      });
    }
    if (slot % this.o.info.cfg.SLOTS_PER_EPOCH === 0 && this.o.doppelganger) {
      await this.duties.resolveIndices().catch(() => {});
      await this.o.doppelganger.onEpoch(epoch);
    }
    if (this.lastPolledEpoch !== epoch) await this.pollDuties(epoch);
    for (const s of this.attested.keys()) if (s < slot - 2) this.attested.delete(s);

    await this.propose(slot);
    await Promise.race([this.clock.sleepUntil(slot, 1 / 3, this.abort.signal), this.headAtLeast(slot)]);
    if (this.abort.signal.aborted) return;
    await this.attest(slot);
    await this.clock.sleepUntil(slot, 2 / 3, this.abort.signal);
    if (this.abort.signal.aborted) return;
    await this.aggregate(slot);
  }

  private timed<T>(kind: string, fn: () => T): T {
    const end = this.o.metrics.signingSeconds.startTimer({ kind });
    try {
      return fn();
    } finally {
      end();
    }
  }

  private refused(duty: Duty, e: unknown, fields: Record<string, unknown>): boolean {
    if (!(e instanceof SlashingProtectionError)) return false;
    this.o.metrics.slashingProtectionRefusals.inc({ duty });
    this.o.logger.error({ ...fields, code: e.code, reason: e.message }, `slashing protection refused a ${duty}`);
    return true;
  }

  /** validator.md "Block proposal" */
  async propose(slot: number): Promise<void> {
    const { cfg } = this.o.info;
    // slot 0 is the genesis block
    for (const duty of slot === 0 ? [] : this.duties.proposerDutiesAt(slot)) {
      if (!this.o.store.canSign(duty.pubkeyHex)) continue;
      const held = this.o.store.get(duty.pubkeyHex)!;
      const end = this.o.metrics.dutySeconds.startTimer({ duty: "proposal" });
      const ctx = this.ctx(slot);
      try {
        const reveal = this.timed("randao", () =>
          this.signer.signRandao(ctx, held.key.publicKey, this.clock.epochOf(slot)),
        );
        const produced = await this.o.nodes.call("produce block", (api) =>
          api.produceBlock(slot, hex(reveal), hex(this.o.graffiti)),
        );
        if (produced.version !== "phase0")
          throw new Error(`the node produced a ${produced.version} block; only phase0 is supported`);
        if (!this.o.store.canSign(duty.pubkeyHex)) continue; // deleted while the node built the block
        const block = cfg.types.BeaconBlock.fromJson(produced.data);
        if (block.slot !== slot || block.proposerIndex !== duty.validatorIndex) {
          throw new Error(
            `the node produced a block for slot ${block.slot} proposer ${block.proposerIndex}, not ${slot}/${duty.validatorIndex}`,
          );
        }
        let signature: Uint8Array;
        try {
          signature = this.timed("block", () => this.signer.signBlock(ctx, held.key.publicKey, block));
        } catch (e) {
          if (this.refused("proposal", e, { slot, validator: duty.validatorIndex })) continue;
          throw e;
        }
        const signed = cfg.types.SignedBeaconBlock.toJson({ message: block, signature }) as Record<string, unknown>;
        await this.o.nodes.call("publish block", (api) => api.publishBlock(signed, "phase0"));
        this.o.metrics.dutiesPerformed.inc({ duty: "proposal" });
        this.o.logger.info(
          { slot, validator: duty.validatorIndex, root: hex(cfg.types.BeaconBlock.hashTreeRoot(block)) },
          "proposed block",
        );
      } catch (e) {
        this.o.metrics.dutiesMissed.inc({ duty: "proposal" });
        this.o.logger.warn(
          { slot, validator: duty.validatorIndex, err: (e as Error).message },
          "block proposal failed",
        );
      } finally {
        end();
      }
    }
  }

  /** validator.md "Attesting": one attestation_data per committee, every vote signed in one protection commit. */
  async attest(slot: number): Promise<void> {
    const { cfg } = this.o.info;
    const duties = this.duties.attesterDutiesAt(slot).filter((d) => this.o.store.canSign(d.pubkeyHex));
    if (duties.length === 0) return;
    const end = this.o.metrics.dutySeconds.startTimer({ duty: "attestation" });
    const committees = [...new Set(duties.map((d) => d.committeeIndex))];
    const dataByCommittee = new Map<number, AttestationData>();
    await Promise.all(
      committees.map(async (ci) => {
        try {
          const json = await this.o.nodes.call("attestation_data", (api) => api.getAttestationData(slot, ci));
          const data = cfg.types.AttestationData.fromJson(json);
          if (data.slot !== slot || data.index !== ci)
            throw new Error(`attestation_data is for ${data.slot}/${data.index}`);
          dataByCommittee.set(ci, data);
        } catch (e) {
          this.o.logger.warn({ slot, committee: ci, err: (e as Error).message }, "attestation_data failed");
        }
      }),
    );
    const ctx = this.ctx(slot);
    const signed: Attestation[] = [];
    const done = new Map<number, AttestationData>();
    this.signer.batch(() => {
      for (const d of duties) {
        // deleted (Keymanager) while the data was fetched: not signed, and the others' votes still go out
        if (!this.o.store.canSign(d.pubkeyHex)) continue;
        const data = dataByCommittee.get(d.committeeIndex);
        if (!data) {
          this.o.metrics.dutiesMissed.inc({ duty: "attestation" });
          continue;
        }
        try {
          const signature = this.timed("attestation", () => this.signer.signAttestation(ctx, d.pubkey, data));
          signed.push({
            aggregationBits: BitArray.fromSingleBit(d.committeeLength, d.validatorCommitteeIndex),
            data,
            signature,
          });
          done.set(d.committeeIndex, data);
        } catch (e) {
          if (!this.refused("attestation", e, { slot, validator: d.validatorIndex })) throw e;
        }
      }
    });
    this.attested.set(slot, done);
    if (signed.length === 0) {
      end();
      return;
    }
    try {
      await this.o.nodes.call("publish attestations", (api) =>
        api.submitAttestations(signed.map((a) => cfg.types.Attestation.toJson(a) as Record<string, unknown>)),
      );
      this.o.metrics.dutiesPerformed.inc({ duty: "attestation" }, signed.length);
      this.o.logger.debug({ slot, count: signed.length }, "published attestations");
    } catch (e) {
      this.o.metrics.dutiesMissed.inc({ duty: "attestation" }, signed.length);
      this.o.logger.warn({ slot, count: signed.length, err: (e as Error).message }, "publishing attestations failed");
    } finally {
      end();
    }
  }

  /** validator.md "Attestation aggregation": selected aggregators publish the node's best aggregate. */
  async aggregate(slot: number): Promise<void> {
    const { cfg } = this.o.info;
    const duties = this.duties
      .attesterDutiesAt(slot)
      .filter(
        (d) => d.isAggregator && this.o.store.canSign(d.pubkeyHex) && this.attested.get(slot)?.has(d.committeeIndex),
      );
    if (duties.length === 0) return;
    const end = this.o.metrics.dutySeconds.startTimer({ duty: "aggregate" });
    const ctx = this.ctx(slot);
    // one aggregate per committee (its aggregators share the attestation data), fetched concurrently
    const committees = [...new Set(duties.map((d) => d.committeeIndex))];
    const aggregates = new Map<number, Attestation | null>();
    await Promise.all(
      committees.map(async (ci) => {
        const data = this.attested.get(slot)!.get(ci)!;
        const root = hex(cfg.types.AttestationData.hashTreeRoot(data));
        try {
          const json = await this.o.nodes.call("aggregate_attestation", (api) =>
            api.getAggregateAttestation(slot, root),
          );
          aggregates.set(ci, json ? cfg.types.Attestation.fromJson(json) : null);
        } catch (e) {
          this.o.logger.warn({ slot, committee: ci, err: (e as Error).message }, "aggregate_attestation failed");
        }
      }),
    );
    const out: Record<string, unknown>[] = [];
    for (const d of duties) {
      if (!this.o.store.canSign(d.pubkeyHex)) continue; // deleted while the aggregate was fetched
      const aggregate = aggregates.get(d.committeeIndex);
      if (!aggregate) {
        this.o.metrics.dutiesMissed.inc({ duty: "aggregate" });
        this.o.logger.debug({ slot, committee: d.committeeIndex }, "no aggregate for our attestation data");
        continue;
      }
      const message = { aggregatorIndex: d.validatorIndex, aggregate, selectionProof: d.selectionProof };
      const signature = this.timed("aggregate", () => this.signer.signAggregateAndProof(ctx, d.pubkey, message));
      out.push(cfg.types.SignedAggregateAndProof.toJson({ message, signature }) as Record<string, unknown>);
    }
    if (out.length > 0) {
      try {
        await this.o.nodes.call("publish aggregates", (api) => api.publishAggregateAndProofs(out));
        this.o.metrics.dutiesPerformed.inc({ duty: "aggregate" }, out.length);
      } catch (e) {
        this.o.metrics.dutiesMissed.inc({ duty: "aggregate" }, out.length);
        this.o.logger.warn({ slot, err: (e as Error).message }, "publishing aggregates failed");
      }
    }
    end();
  }
}
