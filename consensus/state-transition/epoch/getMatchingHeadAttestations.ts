// phase0 beacon-chain.md, "Epoch processing" > "Helper functions": get_matching_head_attestations.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, PendingAttestation } from "../../types/index.js";
import { getBlockRootAtSlot } from "../accessors/getBlockRootAtSlot.js";
import { bytesEqual } from "./bytesEqual.js";
import { getMatchingTargetAttestations } from "./getMatchingTargetAttestations.js";

/** The target-matching attestations of `epoch` that also voted for the canonical block at their slot. */
export function getMatchingHeadAttestations(
  cfg: BeaconConfig,
  state: BeaconState,
  epoch: number,
): PendingAttestation[] {
  return getMatchingTargetAttestations(cfg, state, epoch).filter((a) =>
    bytesEqual(a.data.beaconBlockRoot, getBlockRootAtSlot(cfg, state, a.data.slot)),
  );
}
