import type { BeaconConfig } from "../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getValidatorChurnLimit } from "../accessors/getValidatorChurnLimit.js";
import { writableValidator } from "../caches/copyOnWrite.js";
import { getExitQueue, recordExit } from "../caches/exitQueue.js";
import { computeActivationExitEpoch } from "../misc/computeActivationExitEpoch.js";

/**
 * initiate_validator_exit (phase0 beacon-chain.md, "Beacon state mutators"): queues the exit behind the others,
 * at most get_validator_churn_limit exits per epoch. The spec's max over the registry's exit epochs and count of
 * validators in the latest one are kept per state (caches/exitQueue.ts) instead of two scans per exit.
 */
export function initiateValidatorExit(cfg: BeaconConfig, state: BeaconState, index: number): void {
  if (state.validators[index].exitEpoch !== FAR_FUTURE_EPOCH) return;
  const queue = getExitQueue(state);
  let exitQueueEpoch = Math.max(queue.epoch, computeActivationExitEpoch(cfg, getCurrentEpoch(cfg, state)));
  const exitQueueChurn = exitQueueEpoch === queue.epoch ? queue.churn : 0;
  if (exitQueueChurn >= getValidatorChurnLimit(cfg, state)) exitQueueEpoch += 1;
  const validator = writableValidator(state, index);
  validator.exitEpoch = exitQueueEpoch;
  validator.withdrawableEpoch = exitQueueEpoch + cfg.MIN_VALIDATOR_WITHDRAWABILITY_DELAY;
  recordExit(state, exitQueueEpoch);
}
