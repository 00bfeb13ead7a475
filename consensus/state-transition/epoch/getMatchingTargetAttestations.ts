// phase0 beacon-chain.md, "Epoch processing" > "Helper functions": get_matching_target_attestations.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getBlockRoot } from "../accessors/getBlockRoot.js";
import { bytesEqual } from "./bytesEqual.js";
import { getMatchingSourceAttestations } from "./getMatchingSourceAttestations.js";

/** The attestations of `epoch` whose target is the epoch's boundary block. */
export function getMatchingTargetAttestations(
  cfg: BeaconConfig,
  state: BeaconState,
  epoch: number,
): PendingAttestation[] {
  const attestations = getMatchingSourceAttestations(cfg, state, epoch);
  // As in the spec's list comprehension, the block root is only looked up when there is an attestation to compare
  if (attestations.length === 0) return [];
  const targetRoot = getBlockRoot(cfg, state, epoch);
  return attestations.filter((a) => bytesEqual(a.data.target.root, targetRoot));
}
