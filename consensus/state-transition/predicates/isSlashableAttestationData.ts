import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { AttestationData } from "../../types/index.js";

/** is_slashable_attestation_data (phase0 beacon-chain.md, "Predicates"): a double vote or a surround vote. */
export function isSlashableAttestationData(cfg: BeaconConfig, data1: AttestationData, data2: AttestationData): boolean {
  const doubleVote = !cfg.types.AttestationData.equals(data1, data2) && data1.target.epoch === data2.target.epoch;
  const surroundVote = data1.source.epoch < data2.source.epoch && data2.target.epoch < data1.target.epoch;
  return doubleVote || surroundVote;
}
