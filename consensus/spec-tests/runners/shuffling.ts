// shuffling/core/shuffle (tests/formats/shuffling/): mapping[i] == compute_shuffled_index(i, count, seed); the
// whole-list shuffle used for committees must give the same list, and so must the native one that
// caches/epochShuffling.ts runs off the main thread (@chainsafe/swap-or-not-shuffle: its async variant runs the same
// code on libuv's thread pool).
import { unshuffleList } from "@chainsafe/swap-or-not-shuffle";
import { computeShuffledIndex } from "../../state-transition/misc/computeShuffledIndex.js";
import { shuffleList } from "../../state-transition/misc/shuffleList.js";
import { assertEqual } from "../assert.js";
import { readYaml } from "../caseFiles.js";
import type { SpecCase, SpecRunner } from "../types.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const { seed, count, mapping } = readYaml<{ seed: string; count: number; mapping: number[] }>(c, "mapping");
    const seedBytes = Uint8Array.from(Buffer.from(seed.slice(2), "hex"));
    assertEqual(mapping.length, count, "mapping length");
    for (let i = 0; i < count; i++) {
      assertEqual(computeShuffledIndex(c.cfg, i, count, seedBytes), mapping[i], `compute_shuffled_index(${i})`);
    }
    const identity = Array.from({ length: count }, (_, i) => i);
    const shuffled = shuffleList(c.cfg, identity, seedBytes);
    for (let i = 0; i < count; i++) assertEqual(shuffled[i], mapping[i], `shuffleList[${i}]`);
    const native = unshuffleList(Uint32Array.from(identity), seedBytes, c.cfg.SHUFFLE_ROUND_COUNT);
    for (let i = 0; i < count; i++) assertEqual(native[i], mapping[i], `native unshuffleList[${i}]`);
  },
};
