// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Components of attestation deltas":
// get_target_deltas.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import type { Deltas } from "./deltas.js";
import { getAttestationComponentDeltas } from "./getAttestationComponentDeltas.js";
import { getMatchingTargetAttestations } from "./getMatchingTargetAttestations.js";

/** Attester micro-rewards/penalties for the target vote of the previous epoch. */
export function getTargetDeltas(cfg: BeaconConfig, state: BeaconState): Deltas {
  const attestations = getMatchingTargetAttestations(cfg, state, getPreviousEpoch(cfg, state));
  return getAttestationComponentDeltas(cfg, state, attestations);
}
