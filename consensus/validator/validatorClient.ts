// The validator client (phase0 validator.md): for the keys it holds, at each slot's intervals it proposes (at the
// start, when one of its validators is the proposer), attests (at 1/3 of the slot) and aggregates (at 2/3, when the
// selection proof says so). It talks to a beacon node through `BeaconNodeLink` (in-process here).
import { BitArray } from "@chainsafe/ssz";
import type { Logger } from "pino";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getBeaconCommittee } from "../state-transition/accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../state-transition/accessors/getBeaconProposerIndex.js";
import { getBlockRootAtSlot } from "../state-transition/accessors/getBlockRootAtSlot.js";
import { getCommitteeCountPerSlot } from "../state-transition/accessors/getCommitteeCountPerSlot.js";
import { computeStartSlotAtEpoch } from "../state-transition/misc/computeStartSlotAtEpoch.js";
import type { Attestation, AttestationData, BeaconBlock, BeaconState, SignedBeaconBlock } from "../types/index.js";
import { isAggregator } from "./isAggregator.js";
import type { ValidatorSigner } from "./signer.js";
import { SlashingProtectionError } from "./slashing-protection/index.js";
import type { SignedAggregateAndProofValue } from "./types.js";

/** What the validator client needs from its beacon node. */
export interface BeaconNodeLink {
  readonly cfg: BeaconConfig;
  /** the head state advanced to `slot` */
  stateAtSlot(slot: number): BeaconState;
  headRoot(): Uint8Array;
  /** a block for `slot` on the head, or on `parentRoot` (0x hex) when given */
  produceBlock(slot: number, randaoReveal: Uint8Array, graffiti?: Uint8Array, parentRoot?: string): BeaconBlock;
  publishBlock(block: SignedBeaconBlock): void;
  /** throws (and gossips nothing) when the node rejects the attestation */
  publishAttestation(attestation: Attestation): void;
  /** throws (and gossips nothing) when the node rejects the aggregate */
  publishAggregate(aggregate: SignedAggregateAndProofValue): void;
  /** best aggregate the node has for this data (for aggregators) */
  getAggregate(data: AttestationData): Attestation | null;
}

/** Deliberate faults for the devnet's slashing scenario: these validators sign without slashing protection. */
export interface Misbehaviour {
  /** validator indices that propose two different blocks at their slot */
  equivocatingProposers?: Set<number>;
  /** validator indices that sign two different attestations for the same target */
  doubleVoters?: Set<number>;
}

export interface DutyStats {
  proposed: number;
  attested: number;
  aggregated: number;
  refused: number;
  missed: number;
}

export class ValidatorClient {
  readonly stats: DutyStats = { proposed: 0, attested: 0, aggregated: 0, refused: 0, missed: 0 };
  /** while false the client does nothing (simulates a validator that is offline) */
  online = true;
  private readonly indexOf = new Map<string, number>();
  private readonly pending = new Map<number, { pubkey: Uint8Array; data: AttestationData; committeeSize: number }[]>();
  private readonly cfg: BeaconConfig;

  constructor(
    private readonly link: BeaconNodeLink,
    private readonly signer: ValidatorSigner,
    private readonly opts: { logger?: Logger; misbehaviour?: Misbehaviour; graffiti?: Uint8Array } = {},
  ) {
    this.cfg = link.cfg;
  }

  /** Our validators' indices in `state` (keys whose deposit is not processed yet are simply absent). */
  private ourIndices(state: BeaconState): Map<number, Uint8Array> {
    if (this.indexOf.size < this.signer.pubkeys.length) {
      const wanted = new Set(this.signer.pubkeys.map((p) => Buffer.from(p).toString("hex")));
      for (let i = 0; i < state.validators.length; i++) {
        const hex = Buffer.from(state.validators[i]!.pubkey).toString("hex");
        if (wanted.has(hex)) this.indexOf.set(hex, i);
      }
    }
    const out = new Map<number, Uint8Array>();
    for (const pk of this.signer.pubkeys) {
      const i = this.indexOf.get(Buffer.from(pk).toString("hex"));
      if (i !== undefined) out.set(i, pk);
    }
    return out;
  }

  async onInterval(slot: number, interval: number): Promise<void> {
    if (!this.online) return;
    try {
      if (interval === 0) this.propose(slot);
      else if (interval === 1) this.attest(slot);
      else this.aggregate(slot);
    } catch (e) {
      this.stats.missed++;
      this.opts.logger?.warn({ err: e, slot, interval }, "validator duty failed");
    }
  }

  /** Block proposal: if one of ours is get_beacon_proposer_index at `slot`. */
  propose(slot: number): void {
    if (slot === 0) return;
    const state = this.link.stateAtSlot(slot);
    const proposer = getBeaconProposerIndex(this.cfg, state);
    const pubkey = this.ourIndices(state).get(proposer);
    if (!pubkey) return;
    const epoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
    const reveal = this.signer.signRandao(state, pubkey, epoch);
    const block = this.link.produceBlock(slot, reveal, this.opts.graffiti);
    try {
      const signature = this.signer.signBlock(state, pubkey, block);
      this.link.publishBlock({ message: block, signature });
      this.stats.proposed++;
      this.opts.logger?.debug({ slot, proposer }, "proposed block");
    } catch (e) {
      if (!(e instanceof SlashingProtectionError)) throw e;
      this.stats.refused++;
      this.opts.logger?.error({ slot, proposer, code: e.code }, "slashing protection refused a proposal");
      return;
    }
    if (this.opts.misbehaviour?.equivocatingProposers?.has(proposer)) {
      // a second, different block for the same slot, signed around slashing protection
      const parent = `0x${Buffer.from(block.parentRoot).toString("hex")}`;
      const graffiti = new TextEncoder().encode("equivocation".padEnd(32, "!"));
      const other = this.link.produceBlock(slot, reveal, graffiti, parent);
      const signature = this.signer.signUnprotected(
        state,
        pubkey,
        this.cfg.types.BeaconBlock,
        other,
        this.cfg.DOMAIN_BEACON_PROPOSER,
        epoch,
      );
      this.link.publishBlock({ message: other, signature });
      this.opts.logger?.warn({ slot, proposer }, "misbehaviour: equivocating proposal published");
    }
  }

  /** Attesting: each of our validators in a committee of `slot` votes for the head (validator.md "Attesting"). */
  attest(slot: number): void {
    const state = this.link.stateAtSlot(slot);
    const ours = this.ourIndices(state);
    if (ours.size === 0) return;
    const epoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
    const head = this.link.headRoot();
    const startSlot = computeStartSlotAtEpoch(this.cfg, epoch);
    const targetRoot = startSlot === slot ? head : getBlockRootAtSlot(this.cfg, state, startSlot);
    const duties: { pubkey: Uint8Array; data: AttestationData; committeeSize: number }[] = [];
    const signed: Attestation[] = [];
    const count = getCommitteeCountPerSlot(this.cfg, state, epoch);
    // one slashing-protection commit for the slot's votes; nothing is published before it is durable
    this.signer.batch(() => {
      for (let index = 0; index < count; index++) {
        const committee = getBeaconCommittee(this.cfg, state, slot, index);
        committee.forEach((validatorIndex, position) => {
          const pubkey = ours.get(validatorIndex);
          if (!pubkey) return;
          const data: AttestationData = {
            slot,
            index,
            beaconBlockRoot: head,
            source: state.currentJustifiedCheckpoint,
            target: { epoch, root: targetRoot },
          };
          const bits = BitArray.fromSingleBit(committee.length, position);
          try {
            signed.push({ aggregationBits: bits, data, signature: this.signer.signAttestation(state, pubkey, data) });
            duties.push({ pubkey, data, committeeSize: committee.length });
          } catch (e) {
            if (!(e instanceof SlashingProtectionError)) throw e;
            this.stats.refused++;
            this.opts.logger?.error(
              { slot, validatorIndex, code: e.code },
              "slashing protection refused an attestation",
            );
            return;
          }
          if (this.opts.misbehaviour?.doubleVoters?.has(validatorIndex)) {
            const other: AttestationData = { ...data, beaconBlockRoot: new Uint8Array(32).fill(0xde) };
            const signature = this.signer.signUnprotected(
              state,
              pubkey,
              this.cfg.types.AttestationData,
              other,
              this.cfg.DOMAIN_BEACON_ATTESTER,
              epoch,
            );
            signed.push({ aggregationBits: bits, data: other, signature });
            this.opts.logger?.warn({ slot, validatorIndex }, "misbehaviour: double vote published");
          }
        });
      }
    });
    for (const att of signed) {
      try {
        this.link.publishAttestation(att); // the node throws for a vote it rejects; the others still go out
      } catch (e) {
        this.opts.logger?.warn({ err: e, slot, index: att.data.index }, "node rejected an attestation");
      }
    }
    this.stats.attested += duties.length;
    this.pending.set(slot, duties);
    for (const s of this.pending.keys()) if (s < slot - 1) this.pending.delete(s);
  }

  /** Aggregation: where our slot signature selects us, publish the best aggregate of our committee's vote. */
  aggregate(slot: number): void {
    const duties = this.pending.get(slot) ?? [];
    if (duties.length === 0) return;
    const state = this.link.stateAtSlot(slot);
    const ours = this.ourIndices(state);
    const done = new Set<string>();
    for (const duty of duties) {
      const key = `${duty.data.index}`;
      if (done.has(key)) continue;
      const proof = this.signer.signSelectionProof(state, duty.pubkey, slot);
      if (!isAggregator(this.cfg, duty.committeeSize, proof)) continue;
      const aggregate = this.link.getAggregate(duty.data);
      if (!aggregate) continue;
      let aggregatorIndex = -1;
      for (const [i, pk] of ours) if (pk === duty.pubkey) aggregatorIndex = i;
      const message = { aggregatorIndex, aggregate, selectionProof: proof };
      const signature = this.signer.signAggregateAndProof(state, duty.pubkey, message);
      this.link.publishAggregate({ message, signature });
      this.stats.aggregated++;
      done.add(key);
    }
  }
}
