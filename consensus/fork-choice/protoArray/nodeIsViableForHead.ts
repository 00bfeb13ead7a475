// The leaf test of fork-choice.md (v1.3.0) `filter_block_tree`, with `get_voting_source` and
// `is_previous_epoch_justified` inlined: may a childless block be the head under the store's checkpoints?
// (In the spec a block with children is viable exactly when one of its children's branches is; the proto-array
// applies this test to leaves only and propagates the answer to parents, see ProtoArray.findHead.)
import { GENESIS_EPOCH } from "../constants.js";

export interface ViabilityContext {
  /** compute_epoch_at_slot(get_current_slot(store)) */
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
  /** finalized_checkpoint.root == get_ancestor(store, root, compute_start_slot_at_epoch(finalized_checkpoint.epoch)) */
  descendsFromFinalizedAtFinalizedSlot: boolean;
}

export function nodeIsViableForHead(ctx: ViabilityContext, leaf: LeafCheckpoints): boolean {
  // get_voting_source: blocks from a prior epoch vote with their pulled-up (unrealized) justification
  const votingSourceEpoch = ctx.currentEpoch > leaf.blockEpoch ? leaf.unrealizedJustifiedEpoch : leaf.justifiedEpoch;

  let correctJustified = ctx.justifiedEpoch === GENESIS_EPOCH || votingSourceEpoch === ctx.justifiedEpoch;
  // is_previous_epoch_justified: then a pulled-up block whose voting source is at most two epochs old still counts
  if (!correctJustified && ctx.justifiedEpoch + 1 === ctx.currentEpoch) {
    correctJustified = leaf.unrealizedJustifiedEpoch >= ctx.justifiedEpoch && votingSourceEpoch + 2 >= ctx.currentEpoch;
  }

  const correctFinalized = ctx.finalizedEpoch === GENESIS_EPOCH || leaf.descendsFromFinalizedAtFinalizedSlot;
  return correctJustified && correctFinalized;
}
