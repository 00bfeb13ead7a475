import type { BeaconConfig } from "../../params/beaconConfig.js";
import { hash } from "../crypto/hash.js";
import { bytesToUint64 } from "../math/bytesToUint64.js";

/**
 * compute_shuffled_index (phase0 beacon-chain.md, "Misc"): the position `index` moves to under the swap-or-not
 * shuffle of `indexCount` items with `seed`. For whole lists use shuffleList (same result, far fewer hashes).
 */
export function computeShuffledIndex(cfg: BeaconConfig, index: number, indexCount: number, seed: Uint8Array): number {
  if (!(index < indexCount)) throw new RangeError(`index ${index} must be below index count ${indexCount}`);
  const buf = new Uint8Array(32 + 1 + 4);
  buf.set(seed, 0);
  const view = new DataView(buf.buffer);
  for (let round = 0; round < cfg.SHUFFLE_ROUND_COUNT; round++) {
    buf[32] = round;
    const pivot = Number(bytesToUint64(hash(buf.subarray(0, 33))) % BigInt(indexCount));
    const flip = (pivot + indexCount - index) % indexCount;
    const position = Math.max(index, flip);
    view.setUint32(33, Math.floor(position / 256), true);
    const source = hash(buf);
    const byte = source[Math.floor((position % 256) / 8)];
    const bit = (byte >> (position % 8)) % 2;
    if (bit === 1) index = flip;
  }
  return index;
}
