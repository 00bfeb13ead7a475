// phase0 beacon-chain.md, "Epoch processing" > "Helper functions": get_attesting_balance.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getTotalBalance } from "../accessors/getTotalBalance.js";
import { getUnslashedAttestingIndices } from "./getUnslashedAttestingIndices.js";

/** Effective balance of the unslashed attesters of `attestations` (at least EFFECTIVE_BALANCE_INCREMENT). */
export function getAttestingBalance(
  cfg: BeaconConfig,
  state: BeaconState,
  attestations: readonly PendingAttestation[],
): number {
  return getTotalBalance(cfg, state, getUnslashedAttestingIndices(cfg, state, attestations));
}
