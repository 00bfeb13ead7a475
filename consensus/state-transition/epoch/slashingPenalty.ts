// The penalty formula of phase0 process_slashings ("Epoch processing" > "Slashings"), shared with the fast path.
import type { BeaconConfig } from "../../params/beaconConfig.js";

/**
 * effective_balance // increment * min(sum(slashings) * PROPORTIONAL_SLASHING_MULTIPLIER, total_balance)
 * // total_balance * increment, in bigint: the numerator exceeds 2**53 for large registries.
 */
export function slashingPenalty(
  cfg: BeaconConfig,
  effectiveBalance: number,
  slashingsSum: number,
  totalBalance: number,
): number {
  const increment = BigInt(cfg.EFFECTIVE_BALANCE_INCREMENT);
  const total = BigInt(totalBalance);
  const adjusted = BigInt(slashingsSum) * BigInt(cfg.PROPORTIONAL_SLASHING_MULTIPLIER);
  const penaltyNumerator = (BigInt(effectiveBalance) / increment) * (adjusted < total ? adjusted : total);
  return Number((penaltyNumerator / total) * increment);
}
