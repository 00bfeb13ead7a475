// Validator status as defined by the beacon-APIs ("Validator status specification", ethereum/beacon-APIs
// validator-flow), computed from the validator record and the epoch of the state it is read from. BTC20 adds
// `deposit_pending` for keys seen on the deposit contract but not yet in the state (see activationQueue.ts).
import type { BeaconValidatorStatus } from "../../sdk/beacon-api/validatorStatuses.js";
import type { ValidatorRecord } from "./chainView.js";

export { VALIDATOR_STATUSES } from "../../sdk/beacon-api/validatorStatuses.js";

export type ValidatorStatus = BeaconValidatorStatus;
export type ExtendedValidatorStatus = ValidatorStatus | "deposit_pending";

/** The coarse groups the `status` query filter also accepts. */
export const STATUS_GROUPS: Record<string, readonly ValidatorStatus[]> = {
  pending: ["pending_initialized", "pending_queued"],
  active: ["active_ongoing", "active_exiting", "active_slashed"],
  exited: ["exited_unslashed", "exited_slashed"],
  withdrawal: ["withdrawal_possible", "withdrawal_done"],
};

export function getValidatorStatus(v: ValidatorRecord, currentEpoch: number): ValidatorStatus {
  if (currentEpoch < v.activationEpoch) {
    // Not active yet: waiting for a full balance (no eligibility epoch) or in the activation queue.
    return v.activationEligibilityEpoch === Number.POSITIVE_INFINITY ? "pending_initialized" : "pending_queued";
  }
  if (currentEpoch < v.exitEpoch) {
    if (v.exitEpoch === Number.POSITIVE_INFINITY) return "active_ongoing";
    return v.slashed ? "active_slashed" : "active_exiting";
  }
  if (currentEpoch < v.withdrawableEpoch) {
    return v.slashed ? "exited_slashed" : "exited_unslashed";
  }
  return v.effectiveBalance !== 0 ? "withdrawal_possible" : "withdrawal_done";
}
