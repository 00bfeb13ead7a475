import type { BeaconConfig } from "../../params/beaconConfig.js";
import { computeShuffledIndex } from "./computeShuffledIndex.js";

/**
 * compute_committee (phase0 beacon-chain.md, "Misc"): committee `index` of `count` over `indices` shuffled with
 * `seed`. Spec-exact per-index form; the committee accessors use the cached whole-list shuffle instead.
 */
export function computeCommittee(
  cfg: BeaconConfig,
  indices: ArrayLike<number>,
  seed: Uint8Array,
  index: number,
  count: number,
): number[] {
  const start = Math.floor((indices.length * index) / count);
  const end = Math.floor((indices.length * (index + 1)) / count);
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(indices[computeShuffledIndex(cfg, i, indices.length, seed)]);
  return out;
}
