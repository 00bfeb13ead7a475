// phase0 beacon-chain.md, "Epoch processing" > "Helper functions": get_unslashed_attesting_indices.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getAttestingIndices } from "../accessors/getAttestingIndices.js";

/** Union of the attesters of `attestations`, without slashed validators. */
export function getUnslashedAttestingIndices(
  cfg: BeaconConfig,
  state: BeaconState,
  attestations: readonly PendingAttestation[],
): Set<number> {
  const output = new Set<number>();
  for (const a of attestations) {
    for (const index of getAttestingIndices(cfg, state, a.data, a.aggregationBits)) {
      if (!state.validators[index].slashed) output.add(index);
    }
  }
  return output;
}
