import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getBeaconProposerIndex } from "../accessors/getBeaconProposerIndex.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { setListItem, writableValidator } from "../caches/copyOnWrite.js";
import { decreaseBalance } from "./decreaseBalance.js";
import { increaseBalance } from "./increaseBalance.js";
import { initiateValidatorExit } from "./initiateValidatorExit.js";

/**
 * slash_validator (phase0 beacon-chain.md, "Beacon state mutators"): forced exit, withdrawable only after
 * EPOCHS_PER_SLASHINGS_VECTOR epochs, the effective balance recorded for the correlation penalty, an immediate
 * penalty of effective_balance / MIN_SLASHING_PENALTY_QUOTIENT, and the whistleblower/proposer rewards.
 */
export function slashValidator(
  cfg: BeaconConfig,
  state: BeaconState,
  slashedIndex: number,
  whistleblowerIndex?: number,
): void {
  const epoch = getCurrentEpoch(cfg, state);
  initiateValidatorExit(cfg, state, slashedIndex);
  const validator = writableValidator(state, slashedIndex);
  validator.slashed = true;
  validator.withdrawableEpoch = Math.max(validator.withdrawableEpoch, epoch + cfg.EPOCHS_PER_SLASHINGS_VECTOR);
  const slashingsIndex = epoch % cfg.EPOCHS_PER_SLASHINGS_VECTOR;
  setListItem(state, "slashings", slashingsIndex, state.slashings[slashingsIndex] + validator.effectiveBalance);
  decreaseBalance(cfg, state, slashedIndex, Math.floor(validator.effectiveBalance / cfg.MIN_SLASHING_PENALTY_QUOTIENT));

  const proposerIndex = getBeaconProposerIndex(cfg, state);
  const whistleblower = whistleblowerIndex ?? proposerIndex;
  const whistleblowerReward = Math.floor(validator.effectiveBalance / cfg.WHISTLEBLOWER_REWARD_QUOTIENT);
  const proposerReward = Math.floor(whistleblowerReward / cfg.PROPOSER_REWARD_QUOTIENT);
  increaseBalance(cfg, state, proposerIndex, proposerReward);
  increaseBalance(cfg, state, whistleblower, whistleblowerReward - proposerReward);
}
