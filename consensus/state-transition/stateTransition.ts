import type { BeaconConfig } from "../params/beaconConfig.js";
import type { BeaconState, SignedBeaconBlock } from "../types/index.js";
import { getBlockSignatureSets } from "./block/getBlockSignatureSets.js";
import { getDepositSignatureSets } from "./block/getDepositSignatureSets.js";
import { processBlock } from "./block/processBlock.js";
import { toHex } from "./block/toHex.js";
import { verifyBlockSignature } from "./block/verifyBlockSignature.js";
import { cloneBeaconState } from "./caches/cloneBeaconState.js";
import { hashBeaconState } from "./caches/stateRoot.js";
import { type AggregateSignatureSet, verifyAggregateSignatureSets } from "./crypto/verifyAggregateSignatureSets.js";
import { check } from "./errors.js";
import { processSlots } from "./slot/processSlots.js";

/** Options of stateTransition beyond the spec's `validate_result`. */
export interface StateTransitionOptions {
  /** Check BLS signatures (block, RANDAO, operations). Default true; false only for trusted or test input. */
  verifySignatures?: boolean;
  /**
   * Deferred checks (a chain segment verified in one batch): when given, the block's signature sets are appended here
   * instead of being verified, and the post-state is trusted only once they all verify. A block too malformed to name
   * its signers still has each signature checked here. Ignored when `verifySignatures` is false.
   */
  signatureSets?: AggregateSignatureSet[];
  /** The block's hash tree root, when the caller has computed it (its signing root is then not hashed again). */
  blockRoot?: Uint8Array;
}

/**
 * Which signature checks are left after the batches: the block's signatures in one (or handed to the caller's batch
 * with `options.signatureSets`; if the batch fails, each is checked where the spec checks it, which names the failing rule), its
 * deposits' proofs-of-possession in another, checked now (if it fails, process_deposit checks each: an invalid one
 * skips its deposit, not the block).
 */
function signaturesLeftAfterBatch(
  cfg: BeaconConfig,
  state: BeaconState,
  signedBlock: SignedBeaconBlock,
  includeBlockSignature: boolean,
  options: StateTransitionOptions,
): { each: boolean; deposits: boolean } {
  const deferTo = options.signatureSets;
  let sets: AggregateSignatureSet[];
  try {
    sets = getBlockSignatureSets(cfg, state, signedBlock, includeBlockSignature, options.blockRoot);
  } catch {
    return { each: true, deposits: true };
  }
  if (deferTo) {
    for (const set of sets) deferTo.push(set);
  } else if (!verifyAggregateSignatureSets(sets)) {
    return { each: true, deposits: true };
  }
  const deposits = getDepositSignatureSets(cfg, signedBlock.message.body);
  return { each: false, deposits: deposits.length > 0 && !verifyAggregateSignatureSets(deposits) };
}

/**
 * state_transition (phase0 beacon-chain.md, "Beacon chain state transition function"): advances a clone of `state` to
 * the block's slot, checks the proposer's signature (when `validateResult`), applies the block and checks the block's
 * state root (when `validateResult`). Returns the post-state; `state` itself is never modified, also on failure
 * (BlockProcessingError, whose `code` names the rule).
 */
export function stateTransition(
  cfg: BeaconConfig,
  state: BeaconState,
  signedBlock: SignedBeaconBlock,
  validateResult = true,
  options: StateTransitionOptions = {},
): BeaconState {
  const verifySignatures = options.verifySignatures ?? true;
  const block = signedBlock.message;
  const post = cloneBeaconState(cfg, state); // O(1), copy-on-write: `state` never changes
  processSlots(cfg, post, block.slot);
  const left = verifySignatures
    ? signaturesLeftAfterBatch(cfg, post, signedBlock, validateResult, options)
    : { each: false, deposits: false };
  const checkEach = left.each;
  if (validateResult && checkEach) {
    check(
      verifyBlockSignature(cfg, post, signedBlock),
      "INVALID_BLOCK_SIGNATURE",
      () => `block of slot ${block.slot} is not signed by its proposer ${block.proposerIndex}`,
    );
  }
  processBlock(cfg, post, block, checkEach, left.deposits);
  if (validateResult) {
    const root = hashBeaconState(cfg, post);
    check(
      Buffer.from(root).equals(Buffer.from(block.stateRoot)),
      "INVALID_STATE_ROOT",
      () => `block state root ${toHex(block.stateRoot)} differs from the computed post-state root ${toHex(root)}`,
    );
  }
  return post;
}
