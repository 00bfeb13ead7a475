// The leaf test of fork-choice.md (v1.4.0) `filter_block_tree`, with `get_voting_source` and
// `get_checkpoint_block` inlined: may a childless block be the head under the store's checkpoints?
// (In the spec a block with children is viable exactly when one of its children's branches is; the proto-array
// applies this test to leaves only and propagates the answer to parents, see ProtoArray.findHead.)
// Since v1.4.0 a leaf whose voting source is at most two epochs old is viable whatever the store's justified
// checkpoint; v1.3.0 allowed that only while the previous epoch was justified and the leaf's unrealized
// justification had caught up with the store's.
import { GENESIS_EPOCH } from "../constants.js";

export interface ViabilityContext {
  /** get_current_store_epoch(store) */
  currentEpoch: number;
  justifiedEpoch: number;
  finalizedEpoch: number;
}

export interface LeafCheckpoints {
  /** compute_epoch_at_slot(block.slot) */
  blockEpoch: number;
  /** block_states[root].current_justified_checkpoint.epoch */
  justifiedEpoch: number;
  /** unrealized_justifications[root].epoch */
  unrealizedJustifiedEpoch: number;
  /** finalized_checkpoint.root == get_checkpoint_block(store, root, finalized_checkpoint.epoch) */
  descendsFromFinalizedCheckpointBlock: boolean;
}

export function nodeIsViableForHead(ctx: ViabilityContext, leaf: LeafCheckpoints): boolean {
  // get_voting_source: blocks from a prior epoch vote with their pulled-up (unrealized) justification
  const votingSourceEpoch = ctx.currentEpoch > leaf.blockEpoch ? leaf.unrealizedJustifiedEpoch : leaf.justifiedEpoch;

  const correctJustified =
    ctx.justifiedEpoch === GENESIS_EPOCH ||
    votingSourceEpoch === ctx.justifiedEpoch ||
    votingSourceEpoch + 2 >= ctx.currentEpoch;

  const correctFinalized = ctx.finalizedEpoch === GENESIS_EPOCH || leaf.descendsFromFinalizedCheckpointBlock;
  return correctJustified && correctFinalized;
}
