// beacon_attestation_{subnet_id} gossip validation (phase0 p2p-interface.md "Attestation subnets"), rules in the
// spec's order. Committees come from the target checkpoint state; when the target's block is unknown the rules
// that need its shuffling cannot be judged, so the message is IGNOREd (the spec lets a client queue it) after the
// rules that need no state.
import type { BitArray } from "@chainsafe/ssz";
import { ATTESTATION_PROPAGATION_SLOT_RANGE } from "../../network/constants.js";
import { computeSubnetForAttestation } from "../../network/gossip/computeSubnetForAttestation.js";
import { getBeaconCommittee } from "../../state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../../state-transition/accessors/getCommitteeCountPerSlot.js";
import { getIndexedAttestation } from "../../state-transition/accessors/getIndexedAttestation.js";
import { computeEpochAtSlot } from "../../state-transition/misc/computeEpochAtSlot.js";
import { isValidIndexedAttestation } from "../../state-transition/predicates/isValidIndexedAttestation.js";
import type { Attestation, BeaconState, IndexedAttestation } from "../../types/index.js";
import { toRootHex } from "../chain/rootHex.js";
import { DISPARITY_SECONDS, type GossipContext, slotAt } from "./gossipContext.js";
import { ignore, reject } from "./gossipValidationError.js";

/** [IGNORE] within ATTESTATION_PROPAGATION_SLOT_RANGE of the current slot (with clock disparity allowances). */
export function checkPropagationRange(ctx: GossipContext, slot: number): void {
  const latest = slotAt(ctx, DISPARITY_SECONDS);
  const earliest = slotAt(ctx, -DISPARITY_SECONDS);
  if (slot > latest) throw ignore("FUTURE_SLOT", `attestation slot ${slot} is after the current slot ${latest}`);
  if (slot + ATTESTATION_PROPAGATION_SLOT_RANGE < earliest) {
    throw ignore("PAST_SLOT", `attestation slot ${slot} is older than ${ATTESTATION_PROPAGATION_SLOT_RANGE} slots`);
  }
}

/**
 * The LMD vote's block and the target/finality checks shared with aggregates: [IGNORE] block seen, [REJECT] block
 * valid, [REJECT] target is the block's checkpoint ancestor, [IGNORE] finalized is an ancestor of the block.
 */
export function checkVotedBlock(ctx: GossipContext, att: Attestation): void {
  const fc = ctx.chain.forkChoice;
  const blockRoot = toRootHex(att.data.beaconBlockRoot);
  if (ctx.seen.invalidBlocks.has(blockRoot)) throw reject("INVALID_BLOCK", `voted block ${blockRoot} is invalid`);
  if (!fc.hasBlock(blockRoot)) throw ignore("UNKNOWN_BLOCK", `voted block ${blockRoot} is not known`);
  const target = toRootHex(att.data.target.root);
  if (fc.getCheckpointBlock(blockRoot, att.data.target.epoch) !== target) {
    throw reject("TARGET_NOT_ANCESTOR", `target ${target} is not the checkpoint ancestor of the voted block`);
  }
  if (fc.getCheckpointBlock(blockRoot, fc.finalizedCheckpoint.epoch) !== fc.finalizedCheckpoint.root) {
    throw ignore("FINALIZED_NOT_ANCESTOR", "the finalized checkpoint is not an ancestor of the voted block");
  }
}

/** The target checkpoint state, or the IGNORE/REJECT the spec gives when the voted block is unknown or off-chain. */
export function targetStateOf(ctx: GossipContext, att: Attestation): BeaconState {
  const state = ctx.chain.targetState({ epoch: att.data.target.epoch, root: toRootHex(att.data.target.root) });
  if (state) return state;
  checkVotedBlock(ctx, att);
  throw ignore("UNKNOWN_TARGET", "the target checkpoint state is not available");
}

export function countBits(bits: BitArray): number {
  let n = 0;
  for (let i = 0; i < bits.bitLen; i++) if (bits.get(i)) n++;
  return n;
}

/** Validates an unaggregated attestation on `subnet`; returns its indexed form (signature verified). */
export function validateGossipAttestation(ctx: GossipContext, att: Attestation, subnet: number): IndexedAttestation {
  const { cfg, seen } = ctx;
  const data = att.data;
  const epoch = computeEpochAtSlot(cfg, data.slot);
  let state: BeaconState | null = null;
  const stateless = (): void => {
    checkPropagationRange(ctx, data.slot);
    if (data.target.epoch !== epoch) throw reject("BAD_TARGET_EPOCH", `target epoch ${data.target.epoch} != ${epoch}`);
    if (countBits(att.aggregationBits) !== 1) throw reject("NOT_EXACTLY_ONE_BIT", "exactly one bit must be set");
  };
  try {
    state = targetStateOf(ctx, att);
  } catch (e) {
    stateless();
    throw e;
  }
  // [REJECT] committee index within the committees of the slot
  const perSlot = getCommitteeCountPerSlot(cfg, state, data.target.epoch);
  if (data.index >= perSlot) throw reject("BAD_COMMITTEE_INDEX", `committee index ${data.index} >= ${perSlot}`);
  // [REJECT] sent on the right subnet
  const expected = computeSubnetForAttestation(perSlot, cfg.SLOTS_PER_EPOCH, data.slot, data.index);
  if (expected !== subnet) throw reject("WRONG_SUBNET", `attestation belongs to subnet ${expected}, not ${subnet}`);
  // [IGNORE] propagation range; [REJECT] epoch of slot = target epoch; [REJECT] exactly one bit
  stateless();
  // [REJECT] bits length = committee size
  const committee = getBeaconCommittee(cfg, state, data.slot, data.index);
  if (att.aggregationBits.bitLen !== committee.length) {
    throw reject("WRONG_BITS_LENGTH", `${att.aggregationBits.bitLen} bits for a committee of ${committee.length}`);
  }
  // [IGNORE] first attestation of this validator for the target epoch
  const validator = committee[att.aggregationBits.getTrueBitIndexes()[0]!]!;
  const key = `${data.target.epoch}:${validator}`;
  if (seen.attesters.has(key)) {
    throw ignore("PRIOR_ATTESTATION_KNOWN", `validator ${validator} already attested in epoch ${data.target.epoch}`);
  }
  // [REJECT] the signature is valid
  const indexed = getIndexedAttestation(cfg, state, att);
  if (!isValidIndexedAttestation(cfg, state, indexed))
    throw reject("INVALID_SIGNATURE", "invalid attestation signature");
  // block seen / valid / target ancestor / finalized ancestor
  checkVotedBlock(ctx, att);
  seen.attesters.set(key, data.target.epoch);
  return indexed;
}

/** The indexed form of `att` if its signature is valid on its target state (slashing detection of repeats). */
export function indexedIfSigned(ctx: GossipContext, att: Attestation): IndexedAttestation | null {
  try {
    const state = ctx.chain.targetState({ epoch: att.data.target.epoch, root: toRootHex(att.data.target.root) });
    if (!state) return null;
    const indexed = getIndexedAttestation(ctx.cfg, state, att);
    return isValidIndexedAttestation(ctx.cfg, state, indexed) ? indexed : null;
  } catch {
    return null;
  }
}
