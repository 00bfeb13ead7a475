// phase0 beacon-chain.md, "Epoch processing" > "Slashings", with the total active balance taken from the
// EpochParticipation instead of recomputed, and only its slashed validators visited (in index order, as the spec).
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import type { BeaconState } from "../../../types/index.js";
import { setListItem } from "../../caches/copyOnWrite.js";
import { slashingPenalty } from "../slashingPenalty.js";
import type { EpochParticipation } from "./epochParticipation.js";

export function processSlashingsFast(cfg: BeaconConfig, state: BeaconState, p: EpochParticipation): void {
  const penaltyEpoch = p.currentEpoch + Math.floor(cfg.EPOCHS_PER_SLASHINGS_VECTOR / 2);
  let slashingsSum: number | undefined;
  for (const index of p.slashedIndices) {
    const validator = state.validators[index];
    if (!validator.slashed || validator.withdrawableEpoch !== penaltyEpoch) continue;
    slashingsSum ??= state.slashings.reduce((sum, amount) => sum + amount, 0);
    const penalty = slashingPenalty(cfg, validator.effectiveBalance, slashingsSum, p.totalActiveBalance);
    // decrease_balance saturates at zero
    const balance = state.balances[index];
    setListItem(state, "balances", index, penalty > balance ? 0 : balance - penalty);
  }
}
