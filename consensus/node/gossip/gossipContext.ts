// What gossip validation reads: the chain (states, fork choice), the seen caches and the wall clock.
import { MAXIMUM_GOSSIP_CLOCK_DISPARITY_MS } from "../../network/constants.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { ChainService } from "../chain/chainService.js";
import type { SeenCaches } from "./seenCaches.js";

export interface GossipContext {
  cfg: BeaconConfig;
  chain: ChainService;
  seen: SeenCaches;
  /** unix time in seconds (the slot clock's) */
  now(): number;
}

/** The current slot at `now + offset` seconds (MAXIMUM_GOSSIP_CLOCK_DISPARITY allowances). */
export function slotAt(ctx: GossipContext, offsetSeconds = 0): number {
  const genesis = ctx.chain.genesisState.genesisTime;
  const t = ctx.now() + offsetSeconds - genesis;
  return t < 0 ? 0 : Math.floor(t / ctx.cfg.SECONDS_PER_SLOT);
}

export const DISPARITY_SECONDS = MAXIMUM_GOSSIP_CLOCK_DISPARITY_MS / 1000;
