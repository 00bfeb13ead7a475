// finality (tests/formats/finality/): same format as sanity/blocks.
import type { SpecCase, SpecRunner } from "../types.js";
import { runBlocksCase } from "./blocksCase.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    runBlocksCase(c);
  },
};
