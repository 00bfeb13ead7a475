// An in-process network for several nodes in one process: every gossip message published by one node reaches every
// other node subscribed to the topic after a latency (base + deterministic jitter), as SSZ bytes through the same
// validators the libp2p network uses. Req/resp calls the other endpoint's handler directly. Partitions split nodes
// into groups; a gossip message across groups is held and delivered when the partition heals (as if the nodes
// synced the missed blocks and votes), and requests across groups fail.
import { NetworkError } from "../../network/errors.js";
import { type GossipTopic, topicLabel } from "../../network/gossip/topics.js";
import type {
  GossipValidationResult,
  GossipValidatorFn,
  Network,
  PeerAction,
  PeerEvent,
  PeerIdStr,
  PeerInfo,
  ReqRespHandler,
  ReqRespMethod,
} from "../../network/network.js";
import { ReqRespServerError } from "../../network/network.js";
import type { Scheduler } from "../clock/scheduler.js";

export interface SimNetworkOptions {
  /** one-way latency in seconds */
  latency?: number;
  /** extra uniformly distributed delay in seconds, from a seeded generator */
  jitter?: number;
  seed?: number;
}

const PEER_ACTION_SCORE: Record<PeerAction, number> = { fatal: -100, high: -10, mid: -5, low: -1 };

export class SimNetwork {
  private readonly endpoints = new Map<string, SimEndpoint>();
  private groupOf = new Map<string, number>();
  private held: { to: string; from: string; topic: GossipTopic; ssz: Uint8Array }[] = [];
  private rng: () => number;
  delivered = 0;
  /** validation verdicts of delivered messages */
  readonly verdicts: Record<GossipValidationResult, number> = { ACCEPT: 0, IGNORE: 0, REJECT: 0 };

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

  /** The Network of node `peerId` on this simulated network. */
  connect(peerId: string): SimEndpoint {
    const ep = new SimEndpoint(this, peerId);
    for (const other of this.endpoints.values()) {
      other.emit({ type: "connected", peerId, direction: "inbound" });
    }
    this.endpoints.set(peerId, ep);
    return ep;
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
    for (const h of held) this.deliver(h.to, h.from, h.topic, h.ssz);
  }

  get partitioned(): boolean {
    return this.groupOf.size > 0;
  }

  reachable(a: string, b: string): boolean {
    return (this.groupOf.get(a) ?? 0) === (this.groupOf.get(b) ?? 0);
  }

  peersOf(id: string): string[] {
    return [...this.endpoints.keys()].filter((p) => p !== id);
  }

  endpoint(id: string): SimEndpoint | undefined {
    return this.endpoints.get(id);
  }

  gossip(from: string, topic: GossipTopic, ssz: Uint8Array): void {
    for (const to of this.endpoints.keys()) {
      if (to === from) continue;
      if (!this.reachable(to, from)) {
        this.held.push({ to, from, topic, ssz });
        continue;
      }
      this.deliver(to, from, topic, ssz);
    }
  }

  private deliver(to: string, from: string, topic: GossipTopic, ssz: Uint8Array): void {
    const delay = (this.opts.latency ?? 0) + (this.opts.jitter ?? 0) * this.rng();
    this.scheduler.after(delay, async () => {
      const validator = this.endpoints.get(to)?.validatorFor(topic);
      if (!validator) return;
      this.delivered++;
      const verdict = await validator(ssz, from, topic);
      this.verdicts[verdict]++;
      if (verdict === "REJECT") this.endpoints.get(to)?.reportPeer(from, "low", `rejected ${topicLabel(topic)}`);
    });
  }
}

/** One node's view of a SimNetwork. */
export class SimEndpoint implements Network {
  private readonly validators = new Map<string, GossipValidatorFn>();
  private readonly handlers = new Map<ReqRespMethod, ReqRespHandler>();
  private readonly listeners = new Set<(e: PeerEvent) => void>();
  private readonly scores = new Map<string, number>();

  constructor(
    private readonly net: SimNetwork,
    readonly peerId: PeerIdStr,
  ) {}

  async publish(topic: GossipTopic, ssz: Uint8Array): Promise<void> {
    this.net.gossip(this.peerId, topic, ssz);
  }

  subscribe(topic: GossipTopic, validator: GossipValidatorFn): void {
    this.validators.set(topicLabel(topic), validator);
  }

  validatorFor(topic: GossipTopic): GossipValidatorFn | undefined {
    return this.validators.get(topicLabel(topic));
  }

  handle(method: ReqRespMethod, handler: ReqRespHandler): void {
    this.handlers.set(method, handler);
  }

  async request(peer: PeerIdStr, method: ReqRespMethod, body: Uint8Array): Promise<Uint8Array[]> {
    const target = this.net.endpoint(peer);
    if (!target || !this.net.reachable(this.peerId, peer)) {
      throw new NetworkError("NO_PEER", `peer ${peer} is not reachable`);
    }
    return target.serve(method, body, this.peerId);
  }

  async serve(method: ReqRespMethod, body: Uint8Array, from: PeerIdStr): Promise<Uint8Array[]> {
    const handler = this.handlers.get(method);
    if (!handler) throw new ReqRespServerError(2, `${method} not served`);
    const out: Uint8Array[] = [];
    for await (const chunk of handler(body, from)) out.push(chunk);
    return out;
  }

  getPeers(): PeerInfo[] {
    return this.net
      .peersOf(this.peerId)
      .filter((p) => this.net.reachable(this.peerId, p))
      .map((peerId) => ({ peerId, address: `/sim/${peerId}`, direction: "outbound", state: "connected" }));
  }

  onPeerEvent(listener: (event: PeerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PeerEvent): void {
    for (const l of this.listeners) l(event);
  }

  reportPeer(peer: PeerIdStr, action: PeerAction, _reason: string): void {
    this.scores.set(peer, (this.scores.get(peer) ?? 0) + PEER_ACTION_SCORE[action]);
  }

  peerScore(peer: PeerIdStr): number {
    return this.scores.get(peer) ?? 0;
  }

  async disconnect(): Promise<void> {}

  async stop(): Promise<void> {}
}
