// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Components of attestation deltas":
// get_inclusion_delay_deltas.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getAttestingIndices } from "../accessors/getAttestingIndices.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import type { Deltas } from "./deltas.js";
import { zeroDeltas } from "./deltas.js";
import { getBaseReward } from "./getBaseReward.js";
import { getMatchingSourceAttestations } from "./getMatchingSourceAttestations.js";
import { getProposerReward } from "./getProposerReward.js";
import { getUnslashedAttestingIndices } from "./getUnslashedAttestingIndices.js";

/** Proposer and inclusion-delay micro-rewards, from each attester's earliest included attestation. No penalties. */
export function getInclusionDelayDeltas(cfg: BeaconConfig, state: BeaconState): Deltas {
  const deltas = zeroDeltas(state.validators.length);
  const matchingSourceAttestations = getMatchingSourceAttestations(cfg, state, getPreviousEpoch(cfg, state));
  for (const index of getUnslashedAttestingIndices(cfg, state, matchingSourceAttestations)) {
    // Python's min() keeps the first of equally small delays, in list order.
    let attestation: PendingAttestation | undefined;
    for (const a of matchingSourceAttestations) {
      if (!getAttestingIndices(cfg, state, a.data, a.aggregationBits).has(index)) continue;
      if (attestation === undefined || a.inclusionDelay < attestation.inclusionDelay) attestation = a;
    }
    if (attestation === undefined) continue; // unreachable: index came from one of these attestations
    deltas.rewards[attestation.proposerIndex] += getProposerReward(cfg, state, index);
    const maxAttesterReward = getBaseReward(cfg, state, index) - getProposerReward(cfg, state, index);
    deltas.rewards[index] += Math.floor(maxAttesterReward / attestation.inclusionDelay);
  }
  return deltas;
}
