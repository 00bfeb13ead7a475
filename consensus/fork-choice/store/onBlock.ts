// fork-choice.md (v1.4.0) on_block: the checks against the store (parent known, not from the future, after the
// finalized slot, descending from the finalized block), the state transition with its result checked, then the
// store updates (block, post-state, block timeliness, proposer boost for the first timely block of the slot,
// checkpoints, pulled-up tip). A failing call leaves the store as it was.
import { BlockProcessingError } from "../../state-transition/errors.js";
import { stateTransition } from "../../state-transition/stateTransition.js";
import type { SignedBeaconBlock } from "../../types/index.js";
import { ForkChoiceError } from "../errors.js";
import { computeUnrealizedCheckpoints } from "./computePulledUpTip.js";
import { checkpointHex, rootHex } from "./rootHex.js";
import type { ForkChoiceStore } from "./store.js";

export function onBlock(store: ForkChoiceStore, signedBlock: SignedBeaconBlock): void {
  const { cfg, forkChoice } = store;
  const block = signedBlock.message;
  const parentRoot = rootHex(block.parentRoot);
  forkChoice.validateBlock(parentRoot, block.slot);
  const preState = store.blockStates.get(parentRoot);
  if (preState === undefined) {
    throw new ForkChoiceError("UNKNOWN_PARENT", `the post-state of parent ${parentRoot} is not kept`);
  }

  let state: typeof preState;
  try {
    state = stateTransition(cfg, preState, signedBlock, true, { verifySignatures: store.options.verifySignatures });
  } catch (e) {
    if (e instanceof BlockProcessingError) {
      throw new ForkChoiceError(
        "INVALID_BLOCK",
        `block at slot ${block.slot} failed the state transition: ${e.message}`,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
  const blockRoot = rootHex(cfg.types.BeaconBlock.hashTreeRoot(block));
  const unrealized = computeUnrealizedCheckpoints(cfg, state);

  forkChoice.onBlock({
    root: blockRoot,
    parentRoot,
    slot: block.slot,
    justifiedCheckpoint: checkpointHex(state.currentJustifiedCheckpoint),
    finalizedCheckpoint: checkpointHex(state.finalizedCheckpoint),
    ...unrealized,
  });
  store.blocks.set(blockRoot, block);
  store.blockStates.set(blockRoot, state);
}
