import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { computeStartSlotAtEpoch } from "../misc/computeStartSlotAtEpoch.js";
import { getBlockRootAtSlot } from "./getBlockRootAtSlot.js";

/** get_block_root (phase0 beacon-chain.md, "Beacon state accessors"): the block root at the start of `epoch`. */
export function getBlockRoot(cfg: BeaconConfig, state: BeaconState, epoch: number): Uint8Array {
  return getBlockRootAtSlot(cfg, state, computeStartSlotAtEpoch(cfg, epoch));
}
