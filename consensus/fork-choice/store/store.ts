// The spec's `Store` (fork-choice.md v1.4.0) over real blocks and states: the fork-choice core (checkpoints, time,
// proposer boost, block timeliness, latest messages, equivocating indices, the block tree) plus the blocks, their
// post-states and the checkpoint states that the handlers in this folder read. Pure data, no I/O.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlock, BeaconState } from "../../types/index.js";
import type { ForkChoice } from "../forkChoice.js";
import type { Checkpoint, RootHex } from "../types.js";

export interface ForkChoiceStoreOptions {
  /** Check BLS signatures of blocks and attestations (default true; false only for trusted or test input). */
  verifySignatures?: boolean;
  /**
   * Drop blocks, post-states and checkpoint states that no longer descend from the finalized block (default true).
   * Attestations whose target block state was dropped are then refused (ATTESTATION_TARGET_STATE_PRUNED), where the
   * spec, which keeps every state, would let them replace a latest message with a vote that weighs on no viable
   * branch. With false every state is kept and the handlers follow the spec in every case.
   */
  pruneAtFinality?: boolean;
}

export interface ForkChoiceStore {
  readonly cfg: BeaconConfig;
  readonly options: ForkChoiceStoreOptions;
  /**
   * time, genesis_time, the checkpoints, proposer_boost_root, block_timeliness, latest_messages,
   * equivocating_indices, the tree
   */
  readonly forkChoice: ForkChoice;
  /** store.blocks */
  readonly blocks: Map<RootHex, BeaconBlock>;
  /** store.block_states */
  readonly blockStates: Map<RootHex, BeaconState>;
  /** store.checkpoint_states, keyed by checkpointKey */
  readonly checkpointStates: Map<string, BeaconState>;
}

export function checkpointKey(checkpoint: Checkpoint): string {
  return `${checkpoint.epoch}:${checkpoint.root}`;
}
