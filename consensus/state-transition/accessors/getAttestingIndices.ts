import type { BitArray } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { AttestationData, BeaconState } from "../../types/index.js";
import { getBeaconCommittee } from "./getBeaconCommittee.js";

/**
 * get_attesting_indices (phase0 beacon-chain.md, "Beacon state accessors"): the committee members whose bit is set.
 * The bitfield length must equal the committee size (checked by process_attestation before).
 */
export function getAttestingIndices(
  cfg: BeaconConfig,
  state: BeaconState,
  data: AttestationData,
  bits: BitArray,
): Set<number> {
  const committee = getBeaconCommittee(cfg, state, data.slot, data.index);
  const out = new Set<number>();
  for (let i = 0; i < committee.length; i++) if (bits.get(i)) out.add(committee[i]);
  return out;
}
