// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Helpers": get_proposer_reward.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getBaseReward } from "./getBaseReward.js";

/** What the proposer that included `attestingIndex`'s attestation earns for it. */
export function getProposerReward(cfg: BeaconConfig, state: BeaconState, attestingIndex: number): number {
  return Math.floor(getBaseReward(cfg, state, attestingIndex) / cfg.PROPOSER_REWARD_QUOTIENT);
}
