import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { Attestation, BeaconState, IndexedAttestation } from "../../types/index.js";
import { getBeaconCommittee } from "./getBeaconCommittee.js";

/**
 * get_indexed_attestation (phase0 beacon-chain.md, "Beacon state accessors"): attesters sorted ascending. The
 * attesting indices are get_attesting_indices' set (the committee members whose bit is set; a committee has no
 * duplicates), gathered into a typed array and sorted natively instead of through a Set. The bitfield length must equal
 * the committee size (checked by process_attestation before).
 */
export function getIndexedAttestation(
  cfg: BeaconConfig,
  state: BeaconState,
  attestation: Attestation,
): IndexedAttestation {
  const committee = getBeaconCommittee(cfg, state, attestation.data.slot, attestation.data.index);
  const bits = attestation.aggregationBits;
  const set = new Uint32Array(committee.length);
  let n = 0;
  for (let i = 0; i < committee.length; i++) if (bits.get(i)) set[n++] = committee[i];
  const sorted = set.subarray(0, n).sort();
  const attestingIndices = new Array<number>(n);
  for (let i = 0; i < n; i++) attestingIndices[i] = sorted[i];
  return { attestingIndices, data: attestation.data, signature: attestation.signature };
}
