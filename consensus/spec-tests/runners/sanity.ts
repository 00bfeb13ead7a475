// sanity (tests/formats/sanity/): `slots` advances pre.ssz by slots.yaml slots; `blocks` applies blocks_<i>.ssz with
// state_transition (signatures and state roots checked). Without post.ssz some block must be rejected.
import { processSlots } from "../../state-transition/slot/processSlots.js";
import { assertSszEqual } from "../assert.js";
import { readSsz, readUint64 } from "../caseFiles.js";
import { onEngineCopy } from "../engineCopy.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";
import { runBlocksCase } from "./blocksCase.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    if (c.handler === "blocks") {
      runBlocksCase(c);
      return;
    }
    if (c.handler === "slots") {
      const { types } = c.cfg;
      const pre = readSsz(c, "pre", types.BeaconState);
      const slots = readUint64(c, "slots");
      const state = onEngineCopy(c.cfg, pre, (s) => processSlots(c.cfg, s, s.slot + slots));
      assertSszEqual(types.BeaconState, state, readSsz(c, "post", types.BeaconState), "post state");
      return;
    }
    throw new SpecAssertionError(`unknown sanity handler ${c.handler}`);
  },
};
