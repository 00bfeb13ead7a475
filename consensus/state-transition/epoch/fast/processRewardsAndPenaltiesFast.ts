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

  // Everything below but the inclusion delay depends on the effective balance only, which most validators share:
  // recomputed when it changes from one validator to the next.
  let eb = -1;
  let baseReward = 0;
  let proposerReward = 0;
  let sourceReward = 0;
  let targetReward = 0;
  let headReward = 0;
  let inactivityPenalty = 0;
  for (let i = 0; i < n; i++) {
    const effectiveBalance = p.effectiveBalance[i];
    if (effectiveBalance !== eb) {
      eb = effectiveBalance;
      baseReward = baseRewardOf(cfg, eb, sqrtTotal);
      proposerReward = Math.floor(baseReward / cfg.PROPOSER_REWARD_QUOTIENT);
      // get_attestation_component_deltas: in a leak the full base reward (cancelled by the inactivity penalty)
      sourceReward = inLeak ? baseReward : floorMulDiv(baseReward, sourceIncrements, totalIncrements);
      targetReward = inLeak ? baseReward : floorMulDiv(baseReward, targetIncrements, totalIncrements);
      headReward = inLeak ? baseReward : floorMulDiv(baseReward, headIncrements, totalIncrements);
      inactivityPenalty = inLeak ? floorMulDiv(eb, finalityDelay, cfg.INACTIVITY_PENALTY_QUOTIENT) : 0;
    }
    const f = p.flags[i];
    const unslashed = (f & FLAG_SLASHED) === 0;
    const source = unslashed && (f & FLAG_PREV_SOURCE) !== 0;
    const target = unslashed && (f & FLAG_PREV_TARGET) !== 0;
    const head = unslashed && (f & FLAG_PREV_HEAD) !== 0;

    // get_inclusion_delay_deltas: every unslashed source attester, eligible or not
    if (source) {
      rewards[p.inclusionProposer[i]] += proposerReward;
      rewards[i] += Math.floor((baseReward - proposerReward) / p.inclusionDelay[i]);
    }
    if ((f & FLAG_ELIGIBLE) === 0) continue;

    // get_source_deltas, get_target_deltas, get_head_deltas (get_attestation_component_deltas)
    if (source) rewards[i] += sourceReward;
    else penalties[i] += baseReward;
    if (target) rewards[i] += targetReward;
    else penalties[i] += baseReward;
    if (head) rewards[i] += headReward;
    else penalties[i] += baseReward;

    // get_inactivity_penalty_deltas
    if (inLeak) {
      penalties[i] += BASE_REWARDS_PER_EPOCH * baseReward - proposerReward;
      if (!target) penalties[i] += inactivityPenalty;
    }
  }
  return { rewards, penalties };
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
