import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { hash } from "../crypto/hash.js";
import { computeShuffledIndex } from "./computeShuffledIndex.js";

/**
 * compute_proposer_index (phase0 beacon-chain.md, "Misc"): samples candidates from the shuffled `indices` and accepts
 * one with probability effective_balance / MAX_EFFECTIVE_BALANCE.
 */
export function computeProposerIndex(
  cfg: BeaconConfig,
  state: BeaconState,
  indices: ArrayLike<number>,
  seed: Uint8Array,
): number {
  if (indices.length === 0) throw new RangeError("computeProposerIndex: no active validators");
  const MAX_RANDOM_BYTE = 255;
  const total = indices.length;
  const buf = new Uint8Array(40);
  buf.set(seed, 0);
  const view = new DataView(buf.buffer);
  let cachedBlock = -1;
  let randomBytes: Uint8Array = new Uint8Array(32);
  for (let i = 0; ; i++) {
    const candidate = indices[computeShuffledIndex(cfg, i % total, total, seed)];
    const block = Math.floor(i / 32);
    if (block !== cachedBlock) {
      view.setBigUint64(32, BigInt(block), true);
      randomBytes = hash(buf);
      cachedBlock = block;
    }
    const randomByte = randomBytes[i % 32];
    const effectiveBalance = state.validators[candidate].effectiveBalance;
    if (effectiveBalance * MAX_RANDOM_BYTE >= cfg.MAX_EFFECTIVE_BALANCE * randomByte) return candidate;
  }
}
