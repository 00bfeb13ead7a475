// What get_weight (fork-choice.md v1.4.0) reads from store.checkpoint_states[store.justified_checkpoint]: the
// effective balance of every validator active in the state's current epoch and not slashed, and
// get_total_active_balance (which counts slashed validators too), as the fork-choice core takes them.

import type { BeaconConfig } from "../../params/beaconConfig.js";
import { getCurrentEpoch } from "../../state-transition/accessors/getCurrentEpoch.js";
import { isActiveValidator } from "../../state-transition/predicates/isActiveValidator.js";
import type { BeaconState } from "../../types/index.js";
import { ForkChoiceError } from "../errors.js";
import type { JustifiedBalances } from "../types.js";

export function getJustifiedBalances(cfg: BeaconConfig, state: BeaconState): JustifiedBalances {
  const epoch = getCurrentEpoch(cfg, state);
  const increment = cfg.EFFECTIVE_BALANCE_INCREMENT;
  const increments = new Uint32Array(state.validators.length);
  // whole increments sum exactly in a double; the Gwei total is rebuilt as a bigint
  let activeIncrements = 0;
  for (let i = 0; i < state.validators.length; i++) {
    const validator = state.validators[i];
    if (!isActiveValidator(validator, epoch)) continue;
    if (validator.effectiveBalance % increment !== 0) {
      throw new ForkChoiceError(
        "INVALID_EFFECTIVE_BALANCE",
        `validator ${i} has effective balance ${validator.effectiveBalance}, expected a multiple of ${increment}`,
      );
    }
    const units = validator.effectiveBalance / increment;
    activeIncrements += units;
    if (!validator.slashed) increments[i] = units;
  }
  const total = BigInt(activeIncrements) * BigInt(increment);
  const minimum = BigInt(increment);
  return { effectiveBalanceIncrements: increments, totalActiveBalance: total > minimum ? total : minimum };
}
