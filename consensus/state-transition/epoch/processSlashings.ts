// phase0 beacon-chain.md, "Epoch processing" > "Slashings": process_slashings.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getTotalActiveBalance } from "../accessors/getTotalActiveBalance.js";
import { decreaseBalance } from "../mutators/decreaseBalance.js";
import { slashingPenalty } from "./slashingPenalty.js";

/** Halfway through their forced exit, slashed validators pay the correlation penalty. */
export function processSlashings(cfg: BeaconConfig, state: BeaconState): void {
  const epoch = getCurrentEpoch(cfg, state);
  const totalBalance = getTotalActiveBalance(cfg, state);
  const slashingsSum = state.slashings.reduce((sum, amount) => sum + amount, 0);
  state.validators.forEach((validator, index) => {
    if (validator.slashed && epoch + Math.floor(cfg.EPOCHS_PER_SLASHINGS_VECTOR / 2) === validator.withdrawableEpoch) {
      decreaseBalance(cfg, state, index, slashingPenalty(cfg, validator.effectiveBalance, slashingsSum, totalBalance));
    }
  });
}
