// The validator statuses of the Beacon API ("Validator status specification", ethereum/beacon-APIs
// validator-flow), in lifecycle order. Shared by the SDK's client and the node's API (consensus/api).

export const VALIDATOR_STATUSES = [
  "pending_initialized",
  "pending_queued",
  "active_ongoing",
  "active_exiting",
  "active_slashed",
  "exited_unslashed",
  "exited_slashed",
  "withdrawal_possible",
  "withdrawal_done",
] as const;

/** One of the Beacon API's statuses (without BTC20's `deposit_pending`). */
export type BeaconValidatorStatus = (typeof VALIDATOR_STATUSES)[number];
