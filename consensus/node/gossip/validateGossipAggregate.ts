// beacon_aggregate_and_proof gossip validation (phase0 p2p-interface.md "Global topics" >
// beacon_aggregate_and_proof), rules in the spec's order.
import { UintNum64 } from "../../../sdk/ssz/index.js";
import { getBeaconCommittee } from "../../state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../../state-transition/accessors/getCommitteeCountPerSlot.js";
import { getDomain } from "../../state-transition/accessors/getDomain.js";
import { getIndexedAttestation } from "../../state-transition/accessors/getIndexedAttestation.js";
import { bls } from "../../state-transition/crypto/bls.js";
import { computeEpochAtSlot } from "../../state-transition/misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../../state-transition/misc/computeSigningRoot.js";
import { isValidIndexedAttestation } from "../../state-transition/predicates/isValidIndexedAttestation.js";
import type { BeaconState, IndexedAttestation } from "../../types/index.js";
import { isAggregator } from "../../validator/isAggregator.js";
import type { SignedAggregateAndProofValue } from "../../validator/types.js";
import { toRootHex } from "../chain/rootHex.js";
import type { GossipContext } from "./gossipContext.js";
import { ignore, reject } from "./gossipValidationError.js";
import { checkPropagationRange, checkVotedBlock, countBits, targetStateOf } from "./validateGossipAttestation.js";

export function validateGossipAggregate(ctx: GossipContext, signed: SignedAggregateAndProofValue): IndexedAttestation {
  const { cfg, seen } = ctx;
  const { aggregatorIndex, aggregate, selectionProof } = signed.message;
  const data = aggregate.data;
  const epoch = computeEpochAtSlot(cfg, data.slot);
  let state: BeaconState;
  try {
    state = targetStateOf(ctx, aggregate);
  } catch (e) {
    checkPropagationRange(ctx, data.slot);
    if (data.target.epoch !== epoch) throw reject("BAD_TARGET_EPOCH", `target epoch ${data.target.epoch} != ${epoch}`);
    throw e;
  }
  // [REJECT] committee index within the committees of the slot
  const perSlot = getCommitteeCountPerSlot(cfg, state, data.target.epoch);
  if (data.index >= perSlot) throw reject("BAD_COMMITTEE_INDEX", `committee index ${data.index} >= ${perSlot}`);
  // [IGNORE] within the propagation range
  checkPropagationRange(ctx, data.slot);
  // [REJECT] epoch of the slot = target epoch
  if (data.target.epoch !== epoch) throw reject("BAD_TARGET_EPOCH", `target epoch ${data.target.epoch} != ${epoch}`);
  // [REJECT] bits length = committee size; [REJECT] at least one participant
  const committee = getBeaconCommittee(cfg, state, data.slot, data.index);
  if (aggregate.aggregationBits.bitLen !== committee.length) {
    throw reject(
      "WRONG_BITS_LENGTH",
      `${aggregate.aggregationBits.bitLen} bits for a committee of ${committee.length}`,
    );
  }
  if (countBits(aggregate.aggregationBits) === 0) throw reject("NO_PARTICIPANTS", "the aggregate has no participant");
  // [IGNORE] a valid aggregate with a superset of these bits was already seen for this data
  const dataRoot = toRootHex(cfg.types.AttestationData.hashTreeRoot(data));
  if (seen.isKnownSubset(dataRoot, aggregate.aggregationBits)) {
    throw ignore("AGGREGATE_KNOWN", "an aggregate with these participants (or more) was already seen");
  }
  // [IGNORE] first aggregate of this aggregator for the target epoch
  const key = `${data.target.epoch}:${aggregatorIndex}`;
  if (seen.aggregators.has(key)) {
    throw ignore("AGGREGATOR_ALREADY_KNOWN", `aggregator ${aggregatorIndex} already aggregated in this epoch`);
  }
  // [REJECT] the selection proof selects an aggregator; [REJECT] the aggregator is in the committee
  if (!isAggregator(cfg, committee.length, selectionProof)) {
    throw reject("INVALID_AGGREGATOR", `validator ${aggregatorIndex} is not selected as aggregator`);
  }
  if (!committee.includes(aggregatorIndex)) {
    throw reject("AGGREGATOR_NOT_IN_COMMITTEE", `validator ${aggregatorIndex} is not in committee ${data.index}`);
  }
  const pubkey = state.validators[aggregatorIndex]!.pubkey;
  // [REJECT] the selection proof is the aggregator's signature of the slot
  const proofRoot = computeSigningRoot(UintNum64, data.slot, getDomain(cfg, state, cfg.DOMAIN_SELECTION_PROOF, epoch));
  if (!bls.verify(pubkey, proofRoot, selectionProof)) throw reject("INVALID_SELECTION_PROOF", "bad selection proof");
  // [REJECT] the aggregator signed the AggregateAndProof
  const msgRoot = computeSigningRoot(
    cfg.types.AggregateAndProof,
    signed.message,
    getDomain(cfg, state, cfg.DOMAIN_AGGREGATE_AND_PROOF, epoch),
  );
  if (!bls.verify(pubkey, msgRoot, signed.signature)) throw reject("INVALID_AGGREGATOR_SIGNATURE", "bad signature");
  // [REJECT] the aggregate signature is valid
  const indexed = getIndexedAttestation(cfg, state, aggregate);
  if (!isValidIndexedAttestation(cfg, state, indexed)) throw reject("INVALID_SIGNATURE", "invalid aggregate signature");
  // block seen / valid / target ancestor / finalized ancestor
  checkVotedBlock(ctx, aggregate);
  seen.aggregators.set(key, data.target.epoch);
  seen.addAggregateBits(dataRoot, data.target.epoch, aggregate.aggregationBits);
  return indexed;
}
