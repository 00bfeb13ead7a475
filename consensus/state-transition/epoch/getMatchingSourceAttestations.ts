// phase0 beacon-chain.md, "Epoch processing" > "Helper functions": get_matching_source_attestations.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import { EpochProcessingError } from "./epochProcessingError.js";

/** The pending attestations recorded for `epoch`, which must be the previous or the current epoch. */
export function getMatchingSourceAttestations(
  cfg: BeaconConfig,
  state: BeaconState,
  epoch: number,
): PendingAttestation[] {
  const currentEpoch = getCurrentEpoch(cfg, state);
  const previousEpoch = getPreviousEpoch(cfg, state);
  if (epoch !== previousEpoch && epoch !== currentEpoch) {
    throw new EpochProcessingError(
      "EPOCH_OUT_OF_RANGE",
      `epoch ${epoch} is neither the previous (${previousEpoch}) nor the current (${currentEpoch}) epoch`,
    );
  }
  return epoch === currentEpoch ? state.currentEpochAttestations : state.previousEpochAttestations;
}
