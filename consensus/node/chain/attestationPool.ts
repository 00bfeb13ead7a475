// Attestations seen on gossip, merged per AttestationData into aggregates (validator.md "Aggregation"), kept until
// they are too old to be included in a block (slot + SLOTS_PER_EPOCH, phase0 process_attestation).
import { BitArray } from "@chainsafe/ssz";
import { bls } from "../../../sdk/crypto/bls/index.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { Attestation, BeaconState } from "../../types/index.js";
import { toRootHex } from "./rootHex.js";

interface Entry {
  attestation: Attestation;
  /** signatures merged into `attestation`, by committee position, so overlapping aggregates are never double counted */
  covered: BitArray;
}

export class AttestationPool {
  /** by slot, then data root hex: the aggregates of that data (disjoint sets of signers) */
  private readonly bySlot = new Map<number, Map<string, Entry[]>>();

  constructor(private readonly cfg: BeaconConfig) {}

  /** Adds an attestation, merging it into an aggregate with no overlapping signer when there is one. */
  add(att: Attestation): void {
    const dataRoot = toRootHex(this.cfg.types.AttestationData.hashTreeRoot(att.data));
    let slotMap = this.bySlot.get(att.data.slot);
    if (!slotMap) {
      slotMap = new Map();
      this.bySlot.set(att.data.slot, slotMap);
    }
    const entries = slotMap.get(dataRoot) ?? [];
    slotMap.set(dataRoot, entries);
    for (const e of entries) {
      if (isSubset(att.aggregationBits, e.covered)) return; // nothing new
      if (!intersects(att.aggregationBits, e.covered)) {
        e.covered = union(e.covered, att.aggregationBits);
        e.attestation = {
          data: e.attestation.data,
          aggregationBits: e.covered,
          signature: bls.aggregateSignatures([e.attestation.signature, att.signature]),
        };
        return;
      }
    }
    entries.push({ attestation: att, covered: att.aggregationBits.clone() });
  }

  /** The best aggregate for a committee at a slot (for aggregators): the one with most signers of that data. */
  getAggregate(slot: number, dataRoot: string): Attestation | null {
    const entries = this.bySlot.get(slot)?.get(dataRoot) ?? [];
    let best: Entry | null = null;
    for (const e of entries)
      if (!best || e.covered.getTrueBitIndexes().length > best.covered.getTrueBitIndexes().length) best = e;
    return best?.attestation ?? null;
  }

  /**
   * Attestations a block at `state.slot` can include (inclusion window, source matching the state's justified
   * checkpoint as process_attestation requires), leaving out signers the state already counts; most new signers first.
   */
  getForBlock(state: BeaconState): Attestation[] {
    const slot = state.slot;
    const currentEpoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
    const included = includedBits(this.cfg, state);
    const candidates: { att: Attestation; fresh: number }[] = [];
    for (const [attSlot, byData] of this.bySlot) {
      if (!(attSlot + this.cfg.MIN_ATTESTATION_INCLUSION_DELAY <= slot && slot <= attSlot + this.cfg.SLOTS_PER_EPOCH)) {
        continue;
      }
      for (const [dataRoot, entries] of byData) {
        const first = entries[0]!.attestation.data;
        const source =
          first.target.epoch === currentEpoch ? state.currentJustifiedCheckpoint : state.previousJustifiedCheckpoint;
        if (first.source.epoch !== source.epoch || toRootHex(first.source.root) !== toRootHex(source.root)) continue;
        const seen = included.get(dataRoot);
        for (const e of entries) {
          const fresh = seen
            ? e.covered.getTrueBitIndexes().filter((i) => !seen.get(i)).length
            : e.covered.getTrueBitIndexes().length;
          if (fresh > 0) candidates.push({ att: e.attestation, fresh });
        }
      }
    }
    candidates.sort((a, b) => b.fresh - a.fresh);
    return candidates.slice(0, this.cfg.MAX_ATTESTATIONS).map((c) => c.att);
  }

  /** Every pooled aggregate (the Beacon API's pool/attestations). */
  all(): Attestation[] {
    const out: Attestation[] = [];
    for (const byData of this.bySlot.values())
      for (const entries of byData.values()) for (const e of entries) out.push(e.attestation);
    return out;
  }

  /** Forgets attestations that can no longer be included. */
  prune(currentSlot: number): void {
    for (const slot of this.bySlot.keys()) if (slot + this.cfg.SLOTS_PER_EPOCH < currentSlot) this.bySlot.delete(slot);
  }
}

/** Signers the state already holds per attestation data (from its pending attestations). */
function includedBits(cfg: BeaconConfig, state: BeaconState): Map<string, BitArray> {
  const out = new Map<string, BitArray>();
  for (const p of [...state.previousEpochAttestations, ...state.currentEpochAttestations]) {
    const key = toRootHex(cfg.types.AttestationData.hashTreeRoot(p.data));
    const prev = out.get(key);
    out.set(key, prev ? union(prev, p.aggregationBits) : p.aggregationBits);
  }
  return out;
}

function intersects(a: BitArray, b: BitArray): boolean {
  const n = Math.min(a.uint8Array.length, b.uint8Array.length);
  for (let i = 0; i < n; i++) if ((a.uint8Array[i]! & b.uint8Array[i]!) !== 0) return true;
  return false;
}

function isSubset(a: BitArray, b: BitArray): boolean {
  for (let i = 0; i < a.uint8Array.length; i++) if ((a.uint8Array[i]! & ~(b.uint8Array[i] ?? 0)) !== 0) return false;
  return true;
}

function union(a: BitArray, b: BitArray): BitArray {
  const bytes = new Uint8Array(a.uint8Array.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = a.uint8Array[i]! | (b.uint8Array[i] ?? 0);
  return new BitArray(bytes, a.bitLen);
}
