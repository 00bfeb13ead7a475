import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getEpochShuffling } from "../caches/epochShuffling.js";
import { hash } from "../crypto/hash.js";
import { uintToBytes } from "../math/uintToBytes.js";
import { computeProposerIndex } from "../misc/computeProposerIndex.js";
import { getCurrentEpoch } from "./getCurrentEpoch.js";
import { getSeed } from "./getSeed.js";

/** get_beacon_proposer_index (phase0 beacon-chain.md, "Beacon state accessors"): cached per state and slot. */
export function getBeaconProposerIndex(cfg: BeaconConfig, state: BeaconState): number {
  const epoch = getCurrentEpoch(cfg, state);
  const shuffling = getEpochShuffling(cfg, state, epoch);
  const cached = shuffling.proposers.get(state.slot);
  if (cached !== undefined) return cached;
  const buf = new Uint8Array(40);
  buf.set(getSeed(cfg, state, epoch, cfg.DOMAIN_BEACON_PROPOSER), 0);
  buf.set(uintToBytes(state.slot, 8), 32);
  const proposer = computeProposerIndex(cfg, state, shuffling.activeIndices, hash(buf));
  shuffling.proposers.set(state.slot, proposer);
  return proposer;
}
