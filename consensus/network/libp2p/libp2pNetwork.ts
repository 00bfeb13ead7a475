// The libp2p implementation of Network (p2p-interface.md "Network fundamentals"): TCP, Noise (secp256k1 identity),
// yamux preferred and mplex as the spec's MUST fallback, identify, ping, gossipsub with the eth2 parameters, the
// ssz_snappy req/resp protocols, static peering through bootnode multiaddrs with our own reconnect loop, loopback
// allow-listed (a devnet dials many times per second from 127.0.0.1), and a deny list (debug API partitions).
import { noise } from "@chainsafe/libp2p-noise";
import { yamux } from "@chainsafe/libp2p-yamux";
import { type GossipSub, gossipsub, TopicValidatorResult } from "@libp2p/gossipsub";
import { identify } from "@libp2p/identify";
import type { Connection, PeerId, PrivateKey, Stream } from "@libp2p/interface";
import { mplex } from "@libp2p/mplex";
import { peerIdFromString } from "@libp2p/peer-id";
import { ping } from "@libp2p/ping";
import { tcp } from "@libp2p/tcp";
import { multiaddr } from "@multiformats/multiaddr";
import { createLibp2p, type Libp2p } from "libp2p";
import type { Logger } from "pino";
import type { Phase0Types } from "../../types/index.js";
import { MAX_CONCURRENT_REQUESTS, MAX_REQUEST_BLOCKS, maxCompressedLen, maxMessageSize } from "../constants.js";
import { NetworkError } from "../errors.js";
import { decodeGossip, encodeGossip, type SszBounds } from "../gossip/gossipEncoding.js";
import { messageIdOfDecompressed } from "../gossip/messageId.js";
import { formatTopic, type GossipTopic, type GossipTopicName, parseTopic, topicType } from "../gossip/topics.js";
import type { NetworkMetrics } from "../metrics.js";
import {
  type GossipValidatorFn,
  type Network,
  type PeerAction,
  type PeerEvent,
  type PeerIdStr,
  type PeerInfo,
  type ReqRespHandler,
  ReqRespServerError,
  type RequestOptions,
} from "../network.js";
import { protocolId, protocolSpecs, type ReqRespMethod } from "../reqresp/protocols.js";
import { RateLimiter } from "../reqresp/rateLimiter.js";
import { decodeRequest, encodeErrorChunk, encodeRequest, encodeResponseChunk, RespCode } from "../reqresp/sszSnappy.js";
import { BeaconBlocksByRangeRequest, Goodbye, GoodbyeReason } from "../reqresp/types.js";
import { gossipsubOptions } from "./gossipParams.js";
import { readRequestBytes, readResponse, writeAll } from "./streams.js";

export interface Libp2pNetworkOptions {
  privateKey: PrivateKey;
  /** listen IP (0.0.0.0, 127.0.0.1, ...) */
  listenAddress: string;
  port: number;
  /** multiaddrs with /p2p/<peer id>, kept connected */
  bootnodes: string[];
  forkDigest: Uint8Array;
  types: Phase0Types;
  slotDurationMs: number;
  slotsPerEpoch: number;
  targetPeers?: number;
  maxPeers?: number;
  metrics?: NetworkMetrics;
  logger?: Logger;
  /** how often to redial bootnodes and known peers (default 5 s) */
  reconnectIntervalMs?: number;
  /** pending validations per topic before messages are ignored (default: blocks 1024, others 4096) */
  queueSize?: Partial<Record<GossipTopicName, number>>;
}

/** Result code for a request over the peer's quota (request-specific range 128-255; Lodestar uses 139). */
export const RESP_CODE_RATE_LIMITED = 139;
const PEER_ACTION_SCORE: Record<PeerAction, number> = { fatal: -1000, high: -50, mid: -10, low: -2 };
/** app score under which the node disconnects a peer */
const APP_SCORE_DISCONNECT = -100;
const DEFAULT_QUEUE: Record<GossipTopicName, number> = {
  beacon_block: 1024,
  beacon_aggregate_and_proof: 4096,
  beacon_attestation: 4096,
  voluntary_exit: 4096,
  proposer_slashing: 4096,
  attester_slashing: 4096,
};

type Services = { identify: unknown; ping: unknown; pubsub: GossipSub };

export class Libp2pNetwork implements Network {
  readonly peerId: PeerIdStr;
  private readonly specs: ReturnType<typeof protocolSpecs>;
  private readonly listeners = new Set<(e: PeerEvent) => void>();
  private readonly appScores = new Map<string, number>();
  private readonly denied = new Set<string>();
  private readonly limiter = new RateLimiter();
  private readonly outbound = new Map<string, number>();
  private readonly slotWaiters = new Map<string, (() => void)[]>();
  private readonly queued = new Map<GossipTopicName, number>();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  private constructor(
    readonly libp2p: Libp2p<Services>,
    private readonly o: Libp2pNetworkOptions,
  ) {
    this.peerId = libp2p.peerId.toString();
    this.specs = protocolSpecs(o.types);
  }

  static async create(o: Libp2pNetworkOptions): Promise<Libp2pNetwork> {
    let self: Libp2pNetwork | null = null;
    const denied = (peer: PeerId) => self?.isDenied(peer.toString()) ?? false;
    const forkDigest = o.forkDigest;
    const boundsOf = (topic: string): SszBounds => {
      const t = topicType(o.types, parseTopic(forkDigest, topic).name);
      return { minSize: t.minSize, maxSize: t.maxSize };
    };
    const libp2p = await createLibp2p({
      privateKey: o.privateKey,
      addresses: { listen: [`/ip4/${o.listenAddress}/tcp/${o.port}`] },
      transports: [tcp({ maxConnections: o.maxPeers ?? 55 })],
      connectionEncrypters: [noise()],
      // yamux wins when both sides offer it; mplex is the spec's MUST (disconnectThreshold raised: every request
      // opens a stream)
      streamMuxers: [yamux(), mplex({ disconnectThreshold: 50 })],
      connectionGater: {
        denyDialPeer: denied,
        denyInboundEncryptedConnection: denied,
        denyOutboundEncryptedConnection: denied,
      },
      connectionManager: {
        maxConnections: o.maxPeers ?? 55,
        allow: ["/ip4/127.0.0.0/ipcidr/8"],
        dialTimeout: 10_000,
      },
      connectionMonitor: { enabled: false },
      services: {
        identify: identify({ runOnConnectionOpen: true }),
        ping: ping(),
        pubsub: gossipsub({
          ...gossipsubOptions(forkDigest, o.slotDurationMs, o.slotsPerEpoch, (p) => self?.appScore(p) ?? 0),
          msgIdFn: (msg) => messageIdOfDecompressed(msg.data),
          msgIdToStrFn: (id) => Buffer.from(id).toString("hex"),
          fastMsgIdFn: undefined,
          maxInboundDataLength: maxMessageSize(),
          dataTransform: {
            // Gossipsub size limits: bounds checked before decompressing
            inboundTransform: (topic, data) => {
              try {
                return decodeGossip(data, boundsOf(topic));
              } catch (e) {
                const label = topicLabelOf(forkDigest, topic);
                o.metrics?.gossipDecodeErrors.inc({ topic: label, reason: (e as NetworkError).code ?? "error" });
                throw e;
              }
            },
            outboundTransform: (_topic, data) => encodeGossip(data),
          },
        }),
      },
    });
    self = new Libp2pNetwork(libp2p as unknown as Libp2p<Services>, o);
    self.start();
    return self;
  }

  private start(): void {
    const libp2p = this.libp2p;
    libp2p.addEventListener("peer:connect", (evt) => {
      const peerId = evt.detail.toString();
      const direction = libp2p.getConnections(evt.detail)[0]?.direction ?? "inbound";
      this.o.metrics?.peers.set(libp2p.getPeers().length);
      this.o.logger?.debug({ peer: peerId, direction }, "peer connected");
      this.emit({ type: "connected", peerId, direction });
    });
    libp2p.addEventListener("peer:disconnect", (evt) => {
      const peerId = evt.detail.toString();
      this.o.metrics?.peers.set(libp2p.getPeers().length);
      this.limiter.forget(peerId);
      this.o.logger?.debug({ peer: peerId }, "peer disconnected");
      this.emit({ type: "disconnected", peerId });
    });
    this.reconnect();
    this.reconnectTimer = setInterval(() => this.reconnect(), this.o.reconnectIntervalMs ?? 5_000);
  }

  /** Listen multiaddrs with /p2p/<peer id>. */
  get addresses(): string[] {
    return this.libp2p.getMultiaddrs().map((m) => m.toString());
  }

  /** Dials bootnodes that are not connected, then known peers while below the target (static peering). */
  private reconnect(): void {
    if (this.stopped) return;
    const connected = new Set(this.libp2p.getPeers().map((p) => p.toString()));
    for (const addr of this.o.bootnodes) {
      const ma = multiaddr(addr);
      const id = ma.getComponents().find((c) => c.name === "p2p")?.value;
      if (!id || id === this.peerId || connected.has(id) || this.isDenied(id)) continue;
      this.libp2p.dial(ma).catch((e) => this.o.logger?.debug({ err: e, addr }, "bootnode dial failed"));
    }
    const target = this.o.targetPeers ?? 50;
    if (connected.size >= target) return;
    void this.libp2p.peerStore.all().then((peers) => {
      let want = target - connected.size;
      for (const p of peers) {
        const id = p.id.toString();
        if (want <= 0) break;
        if (id === this.peerId || connected.has(id) || this.isDenied(id) || p.addresses.length === 0) continue;
        want--;
        this.libp2p.dial(p.id).catch(() => {});
      }
    });
  }

  // ---- gossip ----

  async publish(topic: GossipTopic, ssz: Uint8Array): Promise<void> {
    if (this.stopped) return;
    await this.libp2p.services.pubsub.publish(formatTopic(this.o.forkDigest, topic), ssz);
    this.o.metrics?.gossipOut.inc({ topic: topic.name });
  }

  subscribe(topic: GossipTopic, validator: GossipValidatorFn): void {
    const pubsub = this.libp2p.services.pubsub;
    const topicStr = formatTopic(this.o.forkDigest, topic);
    const max = this.o.queueSize?.[topic.name] ?? DEFAULT_QUEUE[topic.name];
    pubsub.topicValidators.set(topicStr, async (from, msg) => {
      const peer = from.toString();
      const pending = this.queued.get(topic.name) ?? 0;
      // bounded queue per topic: past `max` pending validations, new messages are ignored
      if (pending >= max) {
        this.o.metrics?.gossipQueueDropped.inc({ topic: topic.name });
        return TopicValidatorResult.Ignore;
      }
      this.queued.set(topic.name, pending + 1);
      try {
        const verdict = await validator(msg.data, peer, topic);
        this.o.metrics?.gossipIn.inc({ topic: topic.name, result: verdict });
        return verdict === "ACCEPT"
          ? TopicValidatorResult.Accept
          : verdict === "REJECT"
            ? TopicValidatorResult.Reject
            : TopicValidatorResult.Ignore;
      } catch (e) {
        this.o.logger?.warn({ err: e, topic: topic.name }, "gossip validator failed");
        this.o.metrics?.gossipIn.inc({ topic: topic.name, result: "IGNORE" });
        return TopicValidatorResult.Ignore;
      } finally {
        this.queued.set(topic.name, (this.queued.get(topic.name) ?? 1) - 1);
      }
    });
    pubsub.subscribe(topicStr);
  }

  // ---- req/resp ----

  handle(method: ReqRespMethod, handler: ReqRespHandler): void {
    const spec = this.specs[method];
    void this.libp2p.handle(
      protocolId(method),
      (stream: Stream, connection: Connection) => this.serve(method, spec, handler, stream, connection),
      { maxInboundStreams: 64 },
    );
  }

  private async serve(
    method: ReqRespMethod,
    spec: ReturnType<typeof protocolSpecs>[ReqRespMethod],
    handler: ReqRespHandler,
    stream: Stream,
    connection: Connection,
  ): Promise<void> {
    const peer = connection.remotePeer.toString();
    const count = (result: string) => this.o.metrics?.reqresp.inc({ method, direction: "inbound", result });
    try {
      let body: Uint8Array = new Uint8Array(0);
      if (spec.request) {
        const raw = await readRequestBytes(stream, 10 + maxCompressedLen(spec.request.maxSize) + 64, 5_000);
        try {
          body = decodeRequest(raw, spec.request);
        } catch (e) {
          count("invalid_request");
          this.reportPeer(peer, "low", `malformed ${method} request`);
          await writeAll(stream, encodeErrorChunk(RespCode.INVALID_REQUEST, (e as Error).message));
          await stream.close();
          return;
        }
      } else {
        await readRequestBytes(stream, 0, 5_000);
      }
      if (!this.limiter.allow(peer, method, this.requestCost(method, body))) {
        count("rate_limited");
        this.reportPeer(peer, "low", `${method} over quota`);
        await writeAll(stream, encodeErrorChunk(RESP_CODE_RATE_LIMITED, `${method}: rate limit`));
        await stream.close();
        return;
      }
      try {
        for await (const ssz of handler(body, peer)) await writeAll(stream, encodeResponseChunk(RespCode.SUCCESS, ssz));
        count("success");
      } catch (e) {
        const code = e instanceof ReqRespServerError ? e.resultCode : RespCode.SERVER_ERROR;
        count(`code_${code}`);
        await writeAll(stream, encodeErrorChunk(code, (e as Error).message));
      }
      await stream.close();
    } catch (e) {
      count("stream_error");
      stream.abort(e as Error);
    }
  }

  private requestCost(method: ReqRespMethod, body: Uint8Array): number {
    // a count over MAX_REQUEST_BLOCKS is the handler's InvalidRequest, not a quota matter
    if (method === "beacon_blocks_by_range") {
      return Math.min(MAX_REQUEST_BLOCKS, Math.max(1, BeaconBlocksByRangeRequest.deserialize(body).count));
    }
    if (method === "beacon_blocks_by_root") return Math.max(1, body.length / 32);
    return 1;
  }

  async request(
    peer: PeerIdStr,
    method: ReqRespMethod,
    body: Uint8Array,
    opts?: RequestOptions,
  ): Promise<Uint8Array[]> {
    if (this.stopped) throw new NetworkError("NETWORK_STOPPED", "network stopped");
    const spec = this.specs[method];
    const key = `${peer}/${method}`;
    // MAX_CONCURRENT_REQUESTS per protocol per peer: further requests wait for a free slot
    while ((this.outbound.get(key) ?? 0) >= MAX_CONCURRENT_REQUESTS) {
      await new Promise<void>((r) => {
        const waiters = this.slotWaiters.get(key) ?? [];
        waiters.push(r);
        this.slotWaiters.set(key, waiters);
      });
      if (this.stopped) throw new NetworkError("NETWORK_STOPPED", "network stopped");
    }
    this.outbound.set(key, (this.outbound.get(key) ?? 0) + 1);
    const count = (result: string) => this.o.metrics?.reqresp.inc({ method, direction: "outbound", result });
    try {
      let stream: Stream;
      try {
        stream = await this.libp2p.dialProtocol(peerIdFromString(peer), protocolId(method), {
          signal: AbortSignal.timeout(5_000),
        });
      } catch (e) {
        throw new NetworkError("DIAL_FAILED", `cannot open ${method} to ${peer}: ${(e as Error).message}`);
      }
      if (spec.request) await writeAll(stream, encodeRequest(body));
      await stream.close();
      const chunks = await readResponse(stream, spec.response, spec.maxResponseChunks, opts?.ttfbMs, opts?.respMs);
      count("success");
      return chunks;
    } catch (e) {
      count((e as { code?: string }).code ?? "error");
      throw e;
    } finally {
      this.outbound.set(key, (this.outbound.get(key) ?? 1) - 1);
      this.slotWaiters.get(key)?.shift()?.();
    }
  }

  // ---- peers ----

  /** One entry per connected peer (two nodes that dialled each other share two connections but are one peer). */
  getPeers(): PeerInfo[] {
    const byPeer = new Map<string, PeerInfo>();
    for (const c of this.libp2p.getConnections()) {
      const peerId = c.remotePeer.toString();
      if (byPeer.has(peerId)) continue;
      byPeer.set(peerId, { peerId, address: c.remoteAddr.toString(), direction: c.direction, state: "connected" });
    }
    return [...byPeer.values()];
  }

  onPeerEvent(listener: (event: PeerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: PeerEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        this.o.logger?.warn({ err: e }, "peer event listener failed");
      }
    }
  }

  reportPeer(peer: PeerIdStr, action: PeerAction, reason: string): void {
    const score = (this.appScores.get(peer) ?? 0) + PEER_ACTION_SCORE[action];
    this.appScores.set(peer, score);
    this.o.metrics?.peerPenalties.inc({ action });
    this.o.logger?.debug({ peer, action, reason, score }, "peer penalized");
    if (score <= APP_SCORE_DISCONNECT) {
      this.o.logger?.info({ peer, reason, score }, "disconnecting a peer with a bad score");
      void this.disconnect(peer, GoodbyeReason.BAD_SCORE);
    }
  }

  private appScore(peer: string): number {
    return this.appScores.get(peer) ?? 0;
  }

  peerScore(peer: PeerIdStr): number {
    // getScore is on the GossipSub class, not its public interface
    return (this.libp2p.services.pubsub as unknown as { getScore(p: string): number }).getScore(peer);
  }

  /** Sends goodbye (not waiting long for its answer, as Lodestar) and hangs up. */
  async disconnect(peer: PeerIdStr, reason: bigint): Promise<void> {
    try {
      await this.request(peer, "goodbye", Goodbye.serialize(reason), { ttfbMs: 1_000, respMs: 1_000 });
    } catch {
      // the peer may close first; goodbye's response is optional
    }
    await this.libp2p.hangUp(peerIdFromString(peer)).catch(() => {});
  }

  // ---- deny list (debug API) ----

  isDenied(peer: string): boolean {
    return this.denied.has(peer);
  }

  /** Replaces the deny list: these peers are disconnected and refused both ways until the next call. */
  async setDenied(peers: string[]): Promise<string[]> {
    this.denied.clear();
    for (const p of peers) this.denied.add(p);
    await Promise.all(peers.map((p) => this.libp2p.hangUp(peerIdFromString(p)).catch(() => {})));
    if (peers.length === 0) this.reconnect();
    return [...this.denied];
  }

  /** Says goodbye (client shutdown) to every peer, waiting at most 1 s, then stops libp2p. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    const bye = Goodbye.serialize(GoodbyeReason.CLIENT_SHUTDOWN);
    const farewells = this.libp2p
      .getPeers()
      .map((p) => this.request(p.toString(), "goodbye", bye, { ttfbMs: 500, respMs: 500 }).catch(() => []));
    await Promise.race([Promise.all(farewells), new Promise((r) => setTimeout(r, 1000))]);
    this.stopped = true;
    if (this.reconnectTimer) clearInterval(this.reconnectTimer);
    await this.libp2p.stop();
  }
}

function topicLabelOf(forkDigest: Uint8Array, topic: string): string {
  try {
    return parseTopic(forkDigest, topic).name;
  } catch {
    return "unknown";
  }
}
