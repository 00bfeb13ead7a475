// random (tests/formats/random/, v1.1.x on): randomized block sequences, in the format of sanity/blocks.
import type { SpecCase, SpecRunner } from "../types.js";
import { runBlocksCase } from "./blocksCase.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    runBlocksCase(c);
  },
};
