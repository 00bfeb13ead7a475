import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";

/**
 * get_total_balance (phase0 beacon-chain.md, "Beacon state accessors"): sum of effective balances, at least
 * EFFECTIVE_BALANCE_INCREMENT. Summed as whole increments plus remainders (effective balances are multiples of the
 * increment, so remainders are 0 on any real chain): the result is exact in a double far beyond 2**53 gwei
 * (BTC20 stakes reach 1e18 gwei at 1M validators).
 */
export function getTotalBalance(cfg: BeaconConfig, state: BeaconState, indices: Iterable<number>): number {
  const inc = cfg.EFFECTIVE_BALANCE_INCREMENT;
  let increments = 0;
  let remainder = 0;
  for (const i of indices) {
    const eb = state.validators[i].effectiveBalance;
    const whole = Math.floor(eb / inc);
    increments += whole;
    remainder += eb - whole * inc;
  }
  return Math.max(inc, increments * inc + remainder);
}
