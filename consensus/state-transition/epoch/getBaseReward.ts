// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Helpers": get_base_reward.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { BASE_REWARDS_PER_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getTotalActiveBalance } from "../accessors/getTotalActiveBalance.js";
import { integerSquareroot } from "../math/integerSquareroot.js";

/** The per-component reward of validator `index` for an epoch of perfect participation. */
export function getBaseReward(cfg: BeaconConfig, state: BeaconState, index: number): number {
  const totalBalance = getTotalActiveBalance(cfg, state);
  return baseRewardOf(cfg, state.validators[index].effectiveBalance, integerSquareroot(totalBalance));
}

/** get_base_reward with the square root of the total active balance already computed (used by the fast path). */
export function baseRewardOf(cfg: BeaconConfig, effectiveBalance: number, sqrtTotalActiveBalance: number): number {
  return Math.floor(
    Math.floor((effectiveBalance * cfg.BASE_REWARD_FACTOR) / sqrtTotalActiveBalance) / BASE_REWARDS_PER_EPOCH,
  );
}
