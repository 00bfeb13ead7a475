// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties", computed from an EpochParticipation in one
// pass over the registry. Must give exactly what processRewardsAndPenalties (the spec-literal path) gives.
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import { BASE_REWARDS_PER_EPOCH, GENESIS_EPOCH } from "../../../params/constants.js";
import type { BeaconState } from "../../../types/index.js";
import { writableList } from "../../caches/copyOnWrite.js";
import { integerSquareroot } from "../../math/integerSquareroot.js";
import { floorMulDiv } from "../floorMulDiv.js";
import { baseRewardOf } from "../getBaseReward.js";
import {
  type EpochParticipation,
  FLAG_ELIGIBLE,
  FLAG_PREV_HEAD,
  FLAG_PREV_SOURCE,
  FLAG_PREV_TARGET,
  FLAG_SLASHED,
} from "./epochParticipation.js";

/** Per-validator rewards and penalties (the sum of get_attestation_deltas), as gwei in float64 (exact integers). */
export function getAttestationDeltasFast(
  cfg: BeaconConfig,
  state: BeaconState,
  p: EpochParticipation,
): { rewards: Float64Array; penalties: Float64Array } {
  const n = state.validators.length;
  const rewards = new Float64Array(n);
  const penalties = new Float64Array(n);
  const increment = cfg.EFFECTIVE_BALANCE_INCREMENT;
  const sqrtTotal = integerSquareroot(p.totalActiveBalance);
  const totalIncrements = Math.floor(p.totalActiveBalance / increment);
  const sourceIncrements = Math.floor(p.prevSourceBalance / increment);
  const targetIncrements = Math.floor(p.prevTargetBalance / increment);
  const headIncrements = Math.floor(p.prevHeadBalance / increment);
  // is_in_inactivity_leak / get_finality_delay read the finalized checkpoint as justification left it
  const finalityDelay = p.previousEpoch - state.finalizedCheckpoint.epoch;
  const inLeak = finalityDelay > cfg.MIN_EPOCHS_TO_INACTIVITY_PENALTY;

  for (let i = 0; i < n; i++) {
    const f = p.flags[i];
    const unslashed = (f & FLAG_SLASHED) === 0;
    const effectiveBalance = state.validators[i].effectiveBalance;
    const baseReward = baseRewardOf(cfg, effectiveBalance, sqrtTotal);
    const proposerReward = Math.floor(baseReward / cfg.PROPOSER_REWARD_QUOTIENT);

    // get_inclusion_delay_deltas: every unslashed source attester, eligible or not
    if (unslashed && f & FLAG_PREV_SOURCE) {
      rewards[p.inclusionProposer[i]] += proposerReward;
      rewards[i] += Math.floor((baseReward - proposerReward) / p.inclusionDelay[i]);
    }
    if ((f & FLAG_ELIGIBLE) === 0) continue;

    // get_source_deltas, get_target_deltas, get_head_deltas (get_attestation_component_deltas)
    rewards[i] += componentReward(
      f,
      unslashed,
      FLAG_PREV_SOURCE,
      baseReward,
      inLeak,
      sourceIncrements,
      totalIncrements,
    );
    rewards[i] += componentReward(
      f,
      unslashed,
      FLAG_PREV_TARGET,
      baseReward,
      inLeak,
      targetIncrements,
      totalIncrements,
    );
    rewards[i] += componentReward(f, unslashed, FLAG_PREV_HEAD, baseReward, inLeak, headIncrements, totalIncrements);
    if (!(unslashed && f & FLAG_PREV_SOURCE)) penalties[i] += baseReward;
    if (!(unslashed && f & FLAG_PREV_TARGET)) penalties[i] += baseReward;
    if (!(unslashed && f & FLAG_PREV_HEAD)) penalties[i] += baseReward;

    // get_inactivity_penalty_deltas
    if (inLeak) {
      penalties[i] += BASE_REWARDS_PER_EPOCH * baseReward - proposerReward;
      if (!(unslashed && f & FLAG_PREV_TARGET)) {
        penalties[i] += floorMulDiv(effectiveBalance, finalityDelay, cfg.INACTIVITY_PENALTY_QUOTIENT);
      }
    }
  }
  return { rewards, penalties };
}

/** The reward of get_attestation_component_deltas for one component (0 for a non-attester, who is penalized). */
function componentReward(
  flags: number,
  unslashed: boolean,
  flag: number,
  baseReward: number,
  inLeak: boolean,
  attestingIncrements: number,
  totalIncrements: number,
): number {
  if (!unslashed || (flags & flag) === 0) return 0;
  // In a leak the full base reward is paid (and cancelled by the inactivity penalty)
  return inLeak ? baseReward : floorMulDiv(baseReward, attestingIncrements, totalIncrements);
}

/** process_rewards_and_penalties: apply the deltas (increase, then saturating decrease) to every balance. */
export function processRewardsAndPenaltiesFast(cfg: BeaconConfig, state: BeaconState, p: EpochParticipation): void {
  if (p.currentEpoch === GENESIS_EPOCH) return;
  const { rewards, penalties } = getAttestationDeltasFast(cfg, state, p);
  const balances = writableList(state, "balances");
  for (let i = 0; i < balances.length; i++) {
    const increased = balances[i] + rewards[i];
    balances[i] = penalties[i] > increased ? 0 : increased - penalties[i];
  }
}
