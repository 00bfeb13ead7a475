// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Components of attestation deltas":
// get_source_deltas.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import type { Deltas } from "./deltas.js";
import { getAttestationComponentDeltas } from "./getAttestationComponentDeltas.js";
import { getMatchingSourceAttestations } from "./getMatchingSourceAttestations.js";

/** Attester micro-rewards/penalties for the source vote of the previous epoch. */
export function getSourceDeltas(cfg: BeaconConfig, state: BeaconState): Deltas {
  const attestations = getMatchingSourceAttestations(cfg, state, getPreviousEpoch(cfg, state));
  return getAttestationComponentDeltas(cfg, state, attestations);
}
