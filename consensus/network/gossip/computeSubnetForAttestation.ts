import { ATTESTATION_SUBNET_COUNT } from "../constants.js";

/**
 * compute_subnet_for_attestation (phase0 validator.md "Broadcast attestation"): the attestation subnet of committee
 * `committeeIndex` at `slot`, given the epoch's committees per slot.
 */
export function computeSubnetForAttestation(
  committeesPerSlot: number,
  slotsPerEpoch: number,
  slot: number,
  committeeIndex: number,
): number {
  const slotsSinceEpochStart = slot % slotsPerEpoch;
  const committeesSinceEpochStart = committeesPerSlot * slotsSinceEpochStart;
  return (committeesSinceEpochStart + committeeIndex) % ATTESTATION_SUBNET_COUNT;
}
