// Signing roots a proposer signs (phase0 validator.md "Signature", "Randao reveal"), computed with the domain of the
// state the block is built on.
import { UintNum64 } from "../../sdk/ssz/index.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getDomain } from "../state-transition/accessors/getDomain.js";
import { computeEpochAtSlot } from "../state-transition/misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../state-transition/misc/computeSigningRoot.js";
import type { BeaconBlock, BeaconState } from "../types/index.js";

/** get_block_signature's signing root: the block under DOMAIN_BEACON_PROPOSER of the block's epoch. */
export function computeBlockSigningRoot(cfg: BeaconConfig, state: BeaconState, block: BeaconBlock): Uint8Array {
  const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_PROPOSER, computeEpochAtSlot(cfg, block.slot));
  return computeSigningRoot(cfg.types.BeaconBlock, block, domain);
}

/** get_epoch_signature's signing root: the epoch of `slot` under DOMAIN_RANDAO. */
export function computeRandaoSigningRoot(cfg: BeaconConfig, state: BeaconState, slot: number): Uint8Array {
  const epoch = computeEpochAtSlot(cfg, slot);
  return computeSigningRoot(UintNum64, epoch, getDomain(cfg, state, cfg.DOMAIN_RANDAO, epoch));
}
