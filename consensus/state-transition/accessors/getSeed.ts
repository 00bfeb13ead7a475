import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { hash } from "../crypto/hash.js";
import { uintToBytes } from "../math/uintToBytes.js";
import { getRandaoMix } from "./getRandaoMix.js";

/** get_seed (phase0 beacon-chain.md, "Beacon state accessors"). */
export function getSeed(cfg: BeaconConfig, state: BeaconState, epoch: number, domainType: Uint8Array): Uint8Array {
  const mix = getRandaoMix(cfg, state, epoch + cfg.EPOCHS_PER_HISTORICAL_VECTOR - cfg.MIN_SEED_LOOKAHEAD - 1);
  const buf = new Uint8Array(4 + 8 + 32);
  buf.set(domainType, 0);
  buf.set(uintToBytes(epoch, 8), 4);
  buf.set(mix, 12);
  return hash(buf);
}
