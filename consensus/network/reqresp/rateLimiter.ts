// Per-peer inbound quotas for req/resp (a bad or greedy peer cannot make the node serve without bound). The spec
// leaves limits to clients; these follow Lodestar's (network/reqresp/rateLimit.ts) except blocks, which allow 4x
// MAX_REQUEST_BLOCKS per 10 s so a node can range-sync from few peers quickly.
import { MAX_REQUEST_BLOCKS } from "../constants.js";
import type { ReqRespMethod } from "./protocols.js";

export interface Quota {
  units: number;
  windowMs: number;
}

export const INBOUND_QUOTAS: Record<ReqRespMethod, Quota> = {
  status: { units: 5, windowMs: 15_000 },
  goodbye: { units: 1, windowMs: 10_000 },
  ping: { units: 2, windowMs: 10_000 },
  metadata: { units: 2, windowMs: 5_000 },
  beacon_blocks_by_range: { units: 4 * MAX_REQUEST_BLOCKS, windowMs: 10_000 },
  beacon_blocks_by_root: { units: 4 * MAX_REQUEST_BLOCKS, windowMs: 10_000 },
};

/** Sliding-window counters per (peer, method). */
export class RateLimiter {
  private readonly used = new Map<string, { at: number; units: number }[]>();

  constructor(
    private readonly quotas: Record<ReqRespMethod, Quota> = INBOUND_QUOTAS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `units` from the peer's quota for `method`; false (nothing taken) when that would exceed it. */
  allow(peer: string, method: ReqRespMethod, units: number): boolean {
    const quota = this.quotas[method];
    const key = `${peer}/${method}`;
    const t = this.now();
    const list = (this.used.get(key) ?? []).filter((u) => t - u.at < quota.windowMs);
    const total = list.reduce((s, u) => s + u.units, 0);
    if (total + units > quota.units) {
      this.used.set(key, list);
      return false;
    }
    list.push({ at: t, units });
    this.used.set(key, list);
    return true;
  }

  forget(peer: string): void {
    for (const key of this.used.keys()) if (key.startsWith(`${peer}/`)) this.used.delete(key);
  }
}
