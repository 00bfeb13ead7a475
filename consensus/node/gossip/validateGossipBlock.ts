// beacon_block gossip validation (phase0 p2p-interface.md "Global topics" > beacon_block), rules in the spec's
// order; each failure is an IGNORE or REJECT GossipValidationError. On success the (slot, proposer) is marked seen.
import { getBeaconProposerIndex } from "../../state-transition/accessors/getBeaconProposerIndex.js";
import { verifyBlockSignature } from "../../state-transition/block/verifyBlockSignature.js";
import { computeStartSlotAtEpoch } from "../../state-transition/misc/computeStartSlotAtEpoch.js";
import type { SignedBeaconBlock } from "../../types/index.js";
import { toRootHex } from "../chain/rootHex.js";
import { DISPARITY_SECONDS, type GossipContext, slotAt } from "./gossipContext.js";
import { ignore, reject } from "./gossipValidationError.js";

export function validateGossipBlock(ctx: GossipContext, signed: SignedBeaconBlock): void {
  const { cfg, chain, seen } = ctx;
  const block = signed.message;
  const fc = chain.forkChoice;
  // [IGNORE] not from a future slot (with MAXIMUM_GOSSIP_CLOCK_DISPARITY allowance)
  if (block.slot > slotAt(ctx, DISPARITY_SECONDS)) {
    throw ignore("FUTURE_SLOT", `block slot ${block.slot} is after the current slot ${slotAt(ctx)}`);
  }
  // [IGNORE] slot greater than the latest finalized slot
  const finalizedSlot = computeStartSlotAtEpoch(cfg, fc.finalizedCheckpoint.epoch);
  if (block.slot <= finalizedSlot) {
    throw ignore("WOULD_REVERT_FINALIZED_SLOT", `block slot ${block.slot} <= finalized slot ${finalizedSlot}`);
  }
  // [IGNORE] the first block with a valid signature for this (slot, proposer)
  const key = `${block.slot}:${block.proposerIndex}`;
  if (seen.blockProposers.has(key)) {
    throw ignore("REPEAT_PROPOSAL", `already saw a block of proposer ${block.proposerIndex} at slot ${block.slot}`);
  }
  // [REJECT] the proposer signature is valid (the proposer index must exist to have a key)
  const head = chain.headState();
  if (block.proposerIndex >= head.validators.length) {
    throw reject("PROPOSER_INDEX_OUT_OF_RANGE", `proposer index ${block.proposerIndex} is not a validator`);
  }
  let signatureValid = false;
  try {
    signatureValid = verifyBlockSignature(cfg, head, signed);
  } catch {
    // a signature that does not decode is invalid
  }
  if (!signatureValid) {
    throw reject("INVALID_PROPOSER_SIGNATURE", `block at slot ${block.slot} is not signed by its proposer`);
  }
  const parentRoot = toRootHex(block.parentRoot);
  // [REJECT] the parent passed validation (a block that failed it is known as invalid)
  if (seen.invalidBlocks.has(parentRoot)) {
    throw reject("INVALID_PARENT", `parent ${parentRoot} failed validation`);
  }
  // [IGNORE] the parent has been seen (the node fetches it by root)
  const parent = fc.protoArray.getNode(parentRoot);
  if (!parent) throw ignore("PARENT_UNKNOWN", `parent ${parentRoot} is not known`);
  // [REJECT] the block is later than its parent
  if (block.slot <= parent.slot) {
    throw reject("NOT_LATER_THAN_PARENT", `block slot ${block.slot} <= parent slot ${parent.slot}`);
  }
  // [REJECT] the current finalized checkpoint is an ancestor of the block
  if (fc.getCheckpointBlock(parentRoot, fc.finalizedCheckpoint.epoch) !== fc.finalizedCheckpoint.root) {
    throw reject("FINALIZED_NOT_ANCESTOR", "the finalized checkpoint is not an ancestor of the block");
  }
  // [REJECT] the block is proposed by the expected proposer (the parent state advanced to the block's slot)
  const pre = chain.blockStateAtSlot(parentRoot, block.slot);
  if (pre) {
    const expected = getBeaconProposerIndex(cfg, pre);
    if (expected !== block.proposerIndex) {
      throw reject("INCORRECT_PROPOSER", `proposer ${block.proposerIndex} is not the expected ${expected}`);
    }
  }
  seen.blockProposers.set(key, block.slot);
}
