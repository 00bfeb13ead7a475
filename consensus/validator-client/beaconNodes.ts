// Several beacon nodes, used in the order given (--beacon-nodes a,b,...): each call goes to the first healthy node
// and, when that node fails (no answer, 5xx, a route it does not serve), to the next one. A health check (GET
// /eth/v1/node/syncing) runs every slot and puts a node that came back first in line again. A 400 is an answer about
// the request, not a node failure: it is not retried elsewhere.
import type { Logger } from "pino";
import { BeaconApiError } from "../../sdk/beacon-api/errors.js";
import { ValidatorApiClient } from "../../sdk/beacon-api/validatorApi.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import type { ValidatorMetrics } from "./metrics.js";

export class BeaconNodesError extends CodedError<"ALL_BEACON_NODES_FAILED" | "NO_BEACON_NODES"> {
  override readonly name = "BeaconNodesError";
}

/** How far behind (slots) a node may be and still count as healthy. */
const MAX_SYNC_DISTANCE = 8;

interface NodeEntry {
  api: ValidatorApiClient;
  healthy: boolean;
}

const isRequestError = (e: unknown) =>
  e instanceof BeaconApiError &&
  e.code === "HTTP_ERROR" &&
  e.status !== undefined &&
  e.status >= 400 &&
  e.status < 500 &&
  e.status !== 404 &&
  e.status !== 405 &&
  e.status !== 408 &&
  e.status !== 429;

/** Redacts credentials in a URL before it goes to logs or metric labels. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = "***";
      u.password = "";
    }
    return u.toString().replace(/\/$/, "");
  } catch {
    return "(invalid url)";
  }
}

export class BeaconNodes {
  private readonly nodes: NodeEntry[];

  constructor(
    urls: readonly string[],
    private readonly opts: { timeoutMs: number; logger?: Logger; metrics?: ValidatorMetrics },
  ) {
    if (urls.length === 0) throw new BeaconNodesError("NO_BEACON_NODES", "give at least one --beacon-nodes URL");
    this.nodes = urls.map((baseUrl) => ({
      api: new ValidatorApiClient({ baseUrl, timeoutMs: opts.timeoutMs }),
      healthy: true,
    }));
  }

  /** per-request timeout of every node (one slot once the config is known) */
  setTimeoutMs(ms: number): void {
    for (const n of this.nodes) n.api.opts.timeoutMs = ms;
  }

  get urls(): string[] {
    return this.nodes.map((n) => n.api.baseUrl);
  }

  /** The nodes to try, in order: healthy ones first (in the given order), then the others as a last resort. */
  private order(): NodeEntry[] {
    return [...this.nodes.filter((n) => n.healthy), ...this.nodes.filter((n) => !n.healthy)];
  }

  /** The node calls go to now. */
  primary(): ValidatorApiClient {
    return this.order()[0]!.api;
  }

  private setHealth(n: NodeEntry, healthy: boolean, err?: unknown): void {
    const url = redactUrl(n.api.baseUrl);
    this.opts.metrics?.beaconNodeHealthy.set({ node: url }, healthy ? 1 : 0);
    if (n.healthy === healthy) return;
    n.healthy = healthy;
    if (healthy) this.opts.logger?.info({ node: url }, "beacon node is healthy again");
    else this.opts.logger?.warn({ node: url, err: (err as Error)?.message }, "beacon node failed; falling back");
  }

  /** Runs `fn` on the first node that answers; throws the last error if every node failed. */
  async call<T>(what: string, fn: (api: ValidatorApiClient) => Promise<T>): Promise<T> {
    let last: unknown;
    for (const n of this.order()) {
      try {
        const out = await fn(n.api);
        if (!n.healthy) this.setHealth(n, true);
        return out;
      } catch (e) {
        if (isRequestError(e)) throw e;
        last = e;
        this.opts.metrics?.beaconNodeErrors.inc({ node: redactUrl(n.api.baseUrl) });
        this.opts.logger?.debug(
          { node: redactUrl(n.api.baseUrl), what, err: (e as Error).message },
          "beacon node call failed",
        );
        this.setHealth(n, false, e);
      }
    }
    throw new BeaconNodesError(
      "ALL_BEACON_NODES_FAILED",
      `${what}: no beacon node answered (${this.nodes.length} tried); last error: ${(last as Error)?.message}`,
    );
  }

  /** Health check of every node (GET /eth/v1/node/syncing); returns how many are healthy. */
  async checkHealth(): Promise<number> {
    await Promise.all(
      this.nodes.map(async (n) => {
        try {
          const s = await n.api.getSyncing();
          this.setHealth(n, Number(s.sync_distance) <= MAX_SYNC_DISTANCE);
        } catch (e) {
          this.opts.metrics?.beaconNodeErrors.inc({ node: redactUrl(n.api.baseUrl) });
          this.setHealth(n, false, e);
        }
      }),
    );
    return this.nodes.filter((n) => n.healthy).length;
  }
}
