// phase0 beacon-chain.md (v0.12.3 / v1.0.0), "Epoch processing" > "Final updates": process_final_updates.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getRandaoMix } from "../accessors/getRandaoMix.js";
import { pushListItem, setListItem, writableValidator } from "../caches/copyOnWrite.js";

/**
 * Resets eth1 votes at a voting-period boundary, updates effective balances with hysteresis, clears the next slashings
 * slot, carries the RANDAO mix forward, accumulates historical roots, and rotates the pending attestations.
 * `effectiveBalances`: the registry's effective balances if the caller already read them (the fast path's
 * EpochParticipation), so the loop reads no validator object but the ones it updates.
 */
export function processFinalUpdates(
  cfg: BeaconConfig,
  state: BeaconState,
  effectiveBalances?: ArrayLike<number>,
): void {
  const currentEpoch = getCurrentEpoch(cfg, state);
  const nextEpoch = currentEpoch + 1;
  // Reset eth1 data votes
  if (nextEpoch % cfg.EPOCHS_PER_ETH1_VOTING_PERIOD === 0) state.eth1DataVotes = [];
  // Update effective balances with hysteresis
  const hysteresisIncrement = Math.floor(cfg.EFFECTIVE_BALANCE_INCREMENT / cfg.HYSTERESIS_QUOTIENT);
  const downwardThreshold = hysteresisIncrement * cfg.HYSTERESIS_DOWNWARD_MULTIPLIER;
  const upwardThreshold = hysteresisIncrement * cfg.HYSTERESIS_UPWARD_MULTIPLIER;
  const balances = state.balances;
  for (let index = 0; index < state.validators.length; index++) {
    const balance = balances[index];
    const effectiveBalance = effectiveBalances ? effectiveBalances[index] : state.validators[index].effectiveBalance;
    if (balance + downwardThreshold < effectiveBalance || effectiveBalance + upwardThreshold < balance) {
      writableValidator(state, index).effectiveBalance = Math.min(
        balance - (balance % cfg.EFFECTIVE_BALANCE_INCREMENT),
        cfg.MAX_EFFECTIVE_BALANCE,
      );
    }
  }
  // Reset slashings
  setListItem(state, "slashings", nextEpoch % cfg.EPOCHS_PER_SLASHINGS_VECTOR, 0);
  // Set randao mix
  setListItem(
    state,
    "randaoMixes",
    nextEpoch % cfg.EPOCHS_PER_HISTORICAL_VECTOR,
    getRandaoMix(cfg, state, currentEpoch),
  );
  // Set historical root accumulator
  if (nextEpoch % Math.floor(cfg.SLOTS_PER_HISTORICAL_ROOT / cfg.SLOTS_PER_EPOCH) === 0) {
    const historicalBatch = { blockRoots: state.blockRoots, stateRoots: state.stateRoots };
    pushListItem(state, "historicalRoots", cfg.types.HistoricalBatch.hashTreeRoot(historicalBatch));
  }
  // Rotate current/previous epoch attestations
  state.previousEpochAttestations = state.currentEpochAttestations;
  state.currentEpochAttestations = [];
}
