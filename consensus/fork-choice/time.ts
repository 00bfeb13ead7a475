// fork-choice.md (v1.4.0) time helpers: get_slots_since_genesis, get_current_slot, get_current_store_epoch,
// compute_slots_since_epoch_start.
// compute_epoch_at_slot / compute_start_slot_at_epoch are one-line divisions repeated here so the fork-choice core
// runs without the state transition (beacon-chain.md "Misc").
import { GENESIS_SLOT } from "./constants.js";
import type { ForkChoiceConfig } from "./types.js";

export function computeEpochAtSlot(cfg: ForkChoiceConfig, slot: number): number {
  return Math.floor(slot / cfg.SLOTS_PER_EPOCH);
}

export function computeStartSlotAtEpoch(cfg: ForkChoiceConfig, epoch: number): number {
  return epoch * cfg.SLOTS_PER_EPOCH;
}

/** get_slots_since_genesis */
export function getSlotsSinceGenesis(cfg: ForkChoiceConfig, time: number, genesisTime: number): number {
  return Math.floor((time - genesisTime) / cfg.SECONDS_PER_SLOT);
}

/** get_current_slot */
export function getCurrentSlot(cfg: ForkChoiceConfig, time: number, genesisTime: number): number {
  return GENESIS_SLOT + getSlotsSinceGenesis(cfg, time, genesisTime);
}

/** get_current_store_epoch */
export function getCurrentStoreEpoch(cfg: ForkChoiceConfig, time: number, genesisTime: number): number {
  return computeEpochAtSlot(cfg, getCurrentSlot(cfg, time, genesisTime));
}

/** compute_slots_since_epoch_start */
export function computeSlotsSinceEpochStart(cfg: ForkChoiceConfig, slot: number): number {
  return slot - computeStartSlotAtEpoch(cfg, computeEpochAtSlot(cfg, slot));
}
