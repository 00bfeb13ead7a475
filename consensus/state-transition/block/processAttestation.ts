import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { Attestation, BeaconState } from "../../types/index.js";
import { getBeaconCommittee } from "../accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../accessors/getBeaconProposerIndex.js";
import { getCommitteeCountPerSlot } from "../accessors/getCommitteeCountPerSlot.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getIndexedAttestation } from "../accessors/getIndexedAttestation.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";
import { pushListItem } from "../caches/copyOnWrite.js";
import { check } from "../errors.js";
import { computeEpochAtSlot } from "../misc/computeEpochAtSlot.js";
import { isValidIndexedAttestation } from "../predicates/isValidIndexedAttestation.js";

/**
 * process_attestation (phase0 beacon-chain.md, "Attestations"): checks the attestation's epoch, slot window,
 * committee, source checkpoint and aggregate signature, then records it as a PendingAttestation for epoch processing.
 */
export function processAttestation(
  cfg: BeaconConfig,
  state: BeaconState,
  attestation: Attestation,
  verifySignatures = true,
): void {
  const { types } = cfg;
  const data = attestation.data;
  const currentEpoch = getCurrentEpoch(cfg, state);
  const previousEpoch = getPreviousEpoch(cfg, state);
  check(
    data.target.epoch === previousEpoch || data.target.epoch === currentEpoch,
    "INVALID_ATTESTATION_TARGET_EPOCH",
    () =>
      `target epoch ${data.target.epoch} must be the previous (${previousEpoch}) or current (${currentEpoch}) epoch`,
  );
  check(
    data.target.epoch === computeEpochAtSlot(cfg, data.slot),
    "INVALID_ATTESTATION_TARGET",
    () => `target epoch ${data.target.epoch} must be the epoch of the attestation slot ${data.slot}`,
  );
  check(
    data.slot + cfg.MIN_ATTESTATION_INCLUSION_DELAY <= state.slot,
    "INVALID_ATTESTATION_INCLUSION_DELAY",
    () => `attestation of slot ${data.slot} included at slot ${state.slot}, before the minimum inclusion delay`,
  );
  check(
    state.slot <= data.slot + cfg.SLOTS_PER_EPOCH,
    "INVALID_ATTESTATION_SLOT",
    () => `attestation of slot ${data.slot} included at slot ${state.slot}, more than an epoch late`,
  );
  const committeeCount = getCommitteeCountPerSlot(cfg, state, data.target.epoch);
  check(
    data.index < committeeCount,
    "INVALID_ATTESTATION_COMMITTEE_INDEX",
    () => `committee index ${data.index} must be below the committee count ${committeeCount}`,
  );
  const committee = getBeaconCommittee(cfg, state, data.slot, data.index);
  check(
    attestation.aggregationBits.bitLen === committee.length,
    "INVALID_ATTESTATION_AGGREGATION_BITS",
    () =>
      `aggregation bits have length ${attestation.aggregationBits.bitLen}, the committee has ${committee.length} members`,
  );
  const isCurrent = data.target.epoch === currentEpoch;
  const justified = isCurrent ? state.currentJustifiedCheckpoint : state.previousJustifiedCheckpoint;
  check(
    types.Checkpoint.equals(data.source, justified),
    "INVALID_ATTESTATION_SOURCE",
    () =>
      `source checkpoint (epoch ${data.source.epoch}) must be the ${isCurrent ? "current" : "previous"} justified checkpoint (epoch ${justified.epoch})`,
  );
  check(
    isValidIndexedAttestation(cfg, state, getIndexedAttestation(cfg, state, attestation), verifySignatures),
    "INVALID_ATTESTATION_SIGNATURE",
    () => "the aggregate signature does not verify for the attesting committee members",
  );
  const pending = {
    aggregationBits: attestation.aggregationBits.clone(),
    data: types.AttestationData.clone(data),
    inclusionDelay: state.slot - data.slot,
    proposerIndex: getBeaconProposerIndex(cfg, state),
  };
  pushListItem(state, isCurrent ? "currentEpochAttestations" : "previousEpochAttestations", pending);
}
