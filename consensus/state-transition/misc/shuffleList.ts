import type { BeaconConfig } from "../../params/beaconConfig.js";
import { hash } from "../crypto/hash.js";
import { bytesToUint64 } from "../math/bytesToUint64.js";

/**
 * Whole-list form of compute_shuffled_index (not a spec function; the spec's "shuffling" test vectors check it):
 * returns `out` with out[i] = indices[compute_shuffled_index(i, n, seed)], i.e. what compute_committee reads.
 * Each round of compute_shuffled_index is an involution (pairs i <-> flip(i) swapped or not), so applying the rounds'
 * swaps to the list in reverse order composes them in O(n) per round, one hash per 256 positions instead of per index.
 */
export function shuffleList(cfg: BeaconConfig, indices: ArrayLike<number>, seed: Uint8Array): Uint32Array {
  const n = indices.length;
  const out = Uint32Array.from(indices as ArrayLike<number>);
  if (n <= 1) return out;
  const buf = new Uint8Array(32 + 1 + 4);
  buf.set(seed, 0);
  const view = new DataView(buf.buffer);
  for (let round = cfg.SHUFFLE_ROUND_COUNT - 1; round >= 0; round--) {
    buf[32] = round;
    const pivot = Number(bytesToUint64(hash(buf.subarray(0, 33))) % BigInt(n));
    let cachedBlock = -1;
    let source: Uint8Array = new Uint8Array(32);
    // Each pair {i, flip} with i < flip is visited once, from its smaller member; the bit comes from max = flip.
    for (let i = 0; i < n; i++) {
      const flip = i <= pivot ? pivot - i : pivot + n - i;
      if (i >= flip) continue;
      const block = flip >>> 8;
      if (block !== cachedBlock) {
        view.setUint32(33, block, true);
        source = hash(buf);
        cachedBlock = block;
      }
      if ((source[(flip & 0xff) >>> 3] >> (flip & 7)) & 1) {
        const t = out[i];
        out[i] = out[flip];
        out[flip] = t;
      }
    }
  }
  return out;
}
