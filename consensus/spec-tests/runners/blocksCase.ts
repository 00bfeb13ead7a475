// A "blocks" case (sanity/blocks, finality): pre.ssz, meta.yaml blocks_count, blocks_<i>.ssz, optional post.ssz.
// Not a runner module itself (no runner folder has this name).
import { stateTransition } from "../../state-transition/stateTransition.js";
import { assertSszEqual } from "../assert.js";
import { exists, readSsz, readYaml, shouldVerifySignatures } from "../caseFiles.js";
import { checkedTransition } from "../engineCopy.js";
import { SpecAssertionError, type SpecCase } from "../types.js";

export function runBlocksCase(c: SpecCase): void {
  const { types } = c.cfg;
  let state = readSsz(c, "pre", types.BeaconState);
  const { blocks_count } = readYaml<{ blocks_count: number }>(c, "meta");
  const verifySignatures = shouldVerifySignatures(c);
  const expectValid = exists(c, "post");
  for (let i = 0; i < blocks_count; i++) {
    const block = readSsz(c, `blocks_${i}`, types.SignedBeaconBlock);
    try {
      const pre = state;
      state = checkedTransition(c.cfg, pre, () => stateTransition(c.cfg, pre, block, true, { verifySignatures }));
    } catch (e) {
      if (expectValid) throw e;
      return;
    }
  }
  if (!expectValid) throw new SpecAssertionError(`expected one of the ${blocks_count} blocks to be rejected`);
  assertSszEqual(types.BeaconState, state, readSsz(c, "post", types.BeaconState), "post state");
}
