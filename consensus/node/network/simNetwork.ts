// An in-process gossip network for several nodes in one process: every message published by one node reaches every
// other node after a latency (base + deterministic jitter). Partitions split nodes into groups; a message across
// groups is held and delivered when the partition heals (as if the nodes synced the missed blocks and votes).
import type { Scheduler } from "../clock/scheduler.js";

export type Topic = "block" | "attestation" | "aggregate" | "proposer_slashing" | "attester_slashing";
export type GossipHandler = (topic: Topic, message: unknown, from: string) => void | Promise<void>;

export interface SimNetworkOptions {
  /** one-way latency in seconds */
  latency?: number;
  /** extra uniformly distributed delay in seconds, from a seeded generator */
  jitter?: number;
  seed?: number;
}

export class SimNetwork {
  private readonly peers = new Map<string, GossipHandler>();
  private groupOf = new Map<string, number>();
  private held: { to: string; from: string; topic: Topic; message: unknown }[] = [];
  private rng: () => number;
  delivered = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly opts: SimNetworkOptions = {},
  ) {
    let s = (opts.seed ?? 1) >>> 0 || 1;
    // xorshift32: reproducible jitter
    this.rng = () => {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s / 2 ** 32;
    };
  }

  join(peerId: string, handler: GossipHandler): void {
    this.peers.set(peerId, handler);
  }

  /** Splits the peers into groups that cannot reach each other; peers not named form group 0. */
  partition(groups: string[][]): void {
    this.groupOf = new Map();
    groups.forEach((g, i) => {
      for (const p of g) this.groupOf.set(p, i + 1);
    });
  }

  /** Ends the partition and delivers what was held back. */
  heal(): void {
    this.groupOf = new Map();
    const held = this.held;
    this.held = [];
    for (const h of held) this.deliver(h.to, h.from, h.topic, h.message);
  }

  get partitioned(): boolean {
    return this.groupOf.size > 0;
  }

  publish(from: string, topic: Topic, message: unknown): void {
    for (const to of this.peers.keys()) {
      if (to === from) continue;
      if ((this.groupOf.get(to) ?? 0) !== (this.groupOf.get(from) ?? 0)) {
        this.held.push({ to, from, topic, message });
        continue;
      }
      this.deliver(to, from, topic, message);
    }
  }

  private deliver(to: string, from: string, topic: Topic, message: unknown): void {
    const delay = (this.opts.latency ?? 0) + (this.opts.jitter ?? 0) * this.rng();
    this.scheduler.after(delay, async () => {
      this.delivered++;
      await this.peers.get(to)?.(topic, message, from);
    });
  }
}
