import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { Attestation, BeaconState, IndexedAttestation } from "../../types/index.js";
import { getAttestingIndices } from "./getAttestingIndices.js";

/** get_indexed_attestation (phase0 beacon-chain.md, "Beacon state accessors"): attesters sorted ascending. */
export function getIndexedAttestation(
  cfg: BeaconConfig,
  state: BeaconState,
  attestation: Attestation,
): IndexedAttestation {
  const attestingIndices = [...getAttestingIndices(cfg, state, attestation.data, attestation.aggregationBits)].sort(
    (a, b) => a - b,
  );
  return { attestingIndices, data: attestation.data, signature: attestation.signature };
}
