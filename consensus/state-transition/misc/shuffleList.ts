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
  for (let round = cfg.SHUFFLE_ROUND_COUNT - 1; round >= 0; round--) {
    buf[32] = round;
    const pivot = Number(bytesToUint64(hash(buf.subarray(0, 33))) % BigInt(n));
    // flip = (pivot + n - i) % n pairs i with pivot - i (for i <= pivot) and with pivot + n - i (above pivot)
    swapMirroredPairs(out, buf, 0, pivot);
    swapMirroredPairs(out, buf, pivot + 1, pivot + n);
  }
  return out;
}

/**
 * One round's swaps for the pairs {i, sum - i} with from <= i < sum - i, each visited once: the swap bit is the one of
 * the larger member, position sum - i (hash(seed + round + uint_to_bytes4(position / 256)), bit position % 256).
 */
function swapMirroredPairs(out: Uint32Array, buf: Uint8Array, from: number, sum: number): void {
  let i = from;
  let flip = sum - from;
  while (i < flip) {
    // the hash of the 256 positions of flip's block serves every pair whose larger member is in it
    const block = Math.floor(flip / 256);
    buf[33] = block & 0xff;
    buf[34] = (block >>> 8) & 0xff;
    buf[35] = (block >>> 16) & 0xff;
    buf[36] = (block >>> 24) & 0xff;
    const source = hash(buf);
    const blockStart = block * 256;
    for (; i < flip && flip >= blockStart; i++, flip--) {
      // swap out[i] and out[flip] iff the bit is set, without a branch (the bits are random: a branch mispredicts
      // half the time)
      const mask = -((source[(flip & 0xff) >>> 3] >> (flip & 7)) & 1);
      const a = out[i];
      const b = out[flip];
      const x = (a ^ b) & mask;
      out[i] = a ^ x;
      out[flip] = b ^ x;
    }
  }
}
