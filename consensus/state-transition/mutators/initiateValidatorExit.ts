import type { BeaconConfig } from "../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getValidatorChurnLimit } from "../accessors/getValidatorChurnLimit.js";
import { writableValidator } from "../caches/copyOnWrite.js";
import { computeActivationExitEpoch } from "../misc/computeActivationExitEpoch.js";

/**
 * initiate_validator_exit (phase0 beacon-chain.md, "Beacon state mutators"): queues the exit behind the others,
 * at most get_validator_churn_limit exits per epoch.
 */
export function initiateValidatorExit(cfg: BeaconConfig, state: BeaconState, index: number): void {
  if (state.validators[index].exitEpoch !== FAR_FUTURE_EPOCH) return;
  let exitQueueEpoch = computeActivationExitEpoch(cfg, getCurrentEpoch(cfg, state));
  for (const v of state.validators) {
    if (v.exitEpoch !== FAR_FUTURE_EPOCH && v.exitEpoch > exitQueueEpoch) exitQueueEpoch = v.exitEpoch;
  }
  let exitQueueChurn = 0;
  for (const v of state.validators) if (v.exitEpoch === exitQueueEpoch) exitQueueChurn++;
  if (exitQueueChurn >= getValidatorChurnLimit(cfg, state)) exitQueueEpoch += 1;
  const validator = writableValidator(state, index);
  validator.exitEpoch = exitQueueEpoch;
  validator.withdrawableEpoch = exitQueueEpoch + cfg.MIN_VALIDATOR_WITHDRAWABILITY_DELAY;
}
