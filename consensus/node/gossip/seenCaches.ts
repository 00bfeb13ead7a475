// The "seen" state gossip validation keeps per topic (p2p-interface.md: "the first ... received", the Seen
// dataclass): block proposers by slot, attesters and aggregators by target epoch, aggregate bits by data root,
// exits and slashings by validator, and blocks that failed validation. Pruned by epoch so they stay bounded.
import type { BitArray } from "@chainsafe/ssz";

export class SeenCaches {
  /** `${slot}:${proposerIndex}` of blocks with a valid proposer signature */
  readonly blockProposers = new Map<string, number>();
  /** `${targetEpoch}:${validatorIndex}` of unaggregated attestations */
  readonly attesters = new Map<string, number>();
  /** `${targetEpoch}:${aggregatorIndex}` */
  readonly aggregators = new Map<string, number>();
  /** data root -> aggregation bits of valid aggregates seen (a subset of one of them is ignored) */
  readonly aggregateBits = new Map<string, { epoch: number; bits: BitArray[] }>();
  readonly exits = new Set<number>();
  readonly proposerSlashings = new Set<number>();
  readonly attesterSlashed = new Set<number>();
  /** roots of blocks that failed validation or the state transition */
  readonly invalidBlocks = new Set<string>();

  /** Drops entries for epochs before `epoch` (blocks by slot: before its first slot). */
  prune(epoch: number, slotsPerEpoch: number): void {
    const minSlot = epoch * slotsPerEpoch;
    for (const [k, slot] of this.blockProposers) if (slot < minSlot) this.blockProposers.delete(k);
    for (const [k, e] of this.attesters) if (e < epoch) this.attesters.delete(k);
    for (const [k, e] of this.aggregators) if (e < epoch) this.aggregators.delete(k);
    for (const [k, v] of this.aggregateBits) if (v.epoch < epoch) this.aggregateBits.delete(k);
    if (this.invalidBlocks.size > 10_000) this.invalidBlocks.clear();
  }

  /** True if `bits` is a subset of (or equal to) bits already seen for `dataRoot`. */
  isKnownSubset(dataRoot: string, bits: BitArray): boolean {
    const seen = this.aggregateBits.get(dataRoot);
    if (!seen) return false;
    return seen.bits.some((s) => isSubset(bits, s));
  }

  addAggregateBits(dataRoot: string, epoch: number, bits: BitArray): void {
    const entry = this.aggregateBits.get(dataRoot) ?? { epoch, bits: [] };
    entry.bits.push(bits);
    this.aggregateBits.set(dataRoot, entry);
  }
}

function isSubset(a: BitArray, b: BitArray): boolean {
  if (a.bitLen !== b.bitLen) return false;
  for (let i = 0; i < a.uint8Array.length; i++) if ((a.uint8Array[i]! & ~b.uint8Array[i]!) !== 0) return false;
  return true;
}
