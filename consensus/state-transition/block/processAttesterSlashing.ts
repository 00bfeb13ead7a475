import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { AttesterSlashing, BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { check } from "../errors.js";
import { slashValidator } from "../mutators/slashValidator.js";
import { isSlashableAttestationData } from "../predicates/isSlashableAttestationData.js";
import { isSlashableValidator } from "../predicates/isSlashableValidator.js";
import { isValidIndexedAttestation } from "../predicates/isValidIndexedAttestation.js";

/**
 * process_attester_slashing (phase0 beacon-chain.md, "Attester slashings"): two conflicting valid attestations;
 * every slashable validator in both is slashed, and at least one must be.
 */
export function processAttesterSlashing(
  cfg: BeaconConfig,
  state: BeaconState,
  attesterSlashing: AttesterSlashing,
  verifySignatures = true,
): void {
  const { attestation1, attestation2 } = attesterSlashing;
  check(
    isSlashableAttestationData(cfg, attestation1.data, attestation2.data),
    "ATTESTER_SLASHING_NOT_SLASHABLE_DATA",
    () => "the two attestations are neither a double vote nor a surround vote",
  );
  check(
    isValidIndexedAttestation(cfg, state, attestation1, verifySignatures),
    "ATTESTER_SLASHING_INVALID_ATTESTATION_1",
    () => "attestation 1 is not a valid indexed attestation (indices unsorted, empty, unknown or bad signature)",
  );
  check(
    isValidIndexedAttestation(cfg, state, attestation2, verifySignatures),
    "ATTESTER_SLASHING_INVALID_ATTESTATION_2",
    () => "attestation 2 is not a valid indexed attestation (indices unsorted, empty, unknown or bad signature)",
  );
  const inSecond = new Set(attestation2.attestingIndices);
  const both = attestation1.attestingIndices.filter((i) => inSecond.has(i)).sort((a, b) => a - b);
  const epoch = getCurrentEpoch(cfg, state);
  let slashedAny = false;
  for (const index of both) {
    if (isSlashableValidator(state.validators[index], epoch)) {
      slashValidator(cfg, state, index);
      slashedAny = true;
    }
  }
  check(slashedAny, "ATTESTER_SLASHING_NO_SLASHABLE_VALIDATOR", () => "no validator in both attestations is slashable");
}
