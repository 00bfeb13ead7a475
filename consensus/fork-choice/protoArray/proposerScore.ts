// fork-choice.md (v1.4.0) `get_proposer_score`, the boost `get_weight` adds on the proposer-boost chain:
//   committee_weight = get_total_active_balance(justified_checkpoint_state) // SLOTS_PER_EPOCH
//   proposer_score = (committee_weight * PROPOSER_SCORE_BOOST) // 100
// (the same value as `calculate_committee_fraction(justified_checkpoint_state, PROPOSER_SCORE_BOOST)`)
// computed in exact integers (bigint: the total may pass 2^53 Gwei), then split into whole
// EFFECTIVE_BALANCE_INCREMENTs plus a Gwei remainder so it adds exactly to the increment-unit weights.
import { DEFAULT_PROPOSER_SCORE_BOOST } from "../constants.js";
import type { ForkChoiceConfig } from "../types.js";

export interface ProposerScore {
  /** The score in Gwei. */
  gwei: bigint;
  /** floor(gwei / EFFECTIVE_BALANCE_INCREMENT) */
  increments: number;
  /** gwei % EFFECTIVE_BALANCE_INCREMENT */
  remainderGwei: number;
}

export function computeProposerScore(cfg: ForkChoiceConfig, totalActiveBalance: bigint): ProposerScore {
  const committeeWeight = totalActiveBalance / BigInt(cfg.SLOTS_PER_EPOCH);
  const boost = BigInt(cfg.PROPOSER_SCORE_BOOST ?? DEFAULT_PROPOSER_SCORE_BOOST);
  const gwei = (committeeWeight * boost) / 100n;
  const increment = BigInt(cfg.EFFECTIVE_BALANCE_INCREMENT);
  return { gwei, increments: Number(gwei / increment), remainderGwei: Number(gwei % increment) };
}
