// Building a block on a state (validator.md "Block proposal", without the signing): the node's proposer fills in the
// body it collected; the rules are applied on a clone to find the proposer, the parent root and the post-state root.
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getBeaconProposerIndex } from "../state-transition/accessors/getBeaconProposerIndex.js";
import { processBlock } from "../state-transition/block/processBlock.js";
import { cloneBeaconState } from "../state-transition/caches/cloneBeaconState.js";
import { hashBeaconState } from "../state-transition/caches/stateRoot.js";
import { processSlots } from "../state-transition/slot/processSlots.js";
import type { BeaconBlock, BeaconBlockBody, BeaconState } from "../types/index.js";

/** The body of the block to produce; missing operation lists are empty, a missing eth1 vote repeats the state's. */
export interface BlockContents {
  randaoReveal: Uint8Array;
  eth1Data?: BeaconBlockBody["eth1Data"];
  graffiti?: Uint8Array;
  proposerSlashings?: BeaconBlockBody["proposerSlashings"];
  attesterSlashings?: BeaconBlockBody["attesterSlashings"];
  attestations?: BeaconBlockBody["attestations"];
  deposits?: BeaconBlockBody["deposits"];
  voluntaryExits?: BeaconBlockBody["voluntaryExits"];
}

export interface ProducedBlock {
  /** The unsigned block, state root filled in. */
  block: BeaconBlock;
  /** The state after the block (what stateTransition will return for it). */
  postState: BeaconState;
}

/**
 * Produces the unsigned block for `slot` on `state` (which is not modified). Throws BlockProcessingError if the
 * contents break a rule (e.g. a stale attestation), exactly as importing the block would. `verifySignatures` (default
 * true) also checks the RANDAO reveal and the operations' signatures.
 */
export function produceBlock(
  cfg: BeaconConfig,
  state: BeaconState,
  slot: number,
  contents: BlockContents,
  verifySignatures = true,
): ProducedBlock {
  const { types } = cfg;
  const post = cloneBeaconState(cfg, state);
  if (post.slot < slot) processSlots(cfg, post, slot);
  const block: BeaconBlock = {
    slot,
    proposerIndex: getBeaconProposerIndex(cfg, post),
    parentRoot: types.BeaconBlockHeader.hashTreeRoot(post.latestBlockHeader),
    stateRoot: new Uint8Array(32),
    body: {
      randaoReveal: contents.randaoReveal,
      eth1Data: contents.eth1Data ?? types.Eth1Data.clone(post.eth1Data),
      graffiti: contents.graffiti ?? new Uint8Array(32),
      proposerSlashings: contents.proposerSlashings ?? [],
      attesterSlashings: contents.attesterSlashings ?? [],
      attestations: contents.attestations ?? [],
      deposits: contents.deposits ?? [],
      voluntaryExits: contents.voluntaryExits ?? [],
    },
  };
  processBlock(cfg, post, block, verifySignatures);
  block.stateRoot = hashBeaconState(cfg, post);
  return { block, postState: post };
}
