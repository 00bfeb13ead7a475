// The one Network interface the node talks to (gossip, req/resp, peers). Two implementations: SimNetwork's
// in-process endpoints (consensus/node/network/simNetwork.ts) and Libp2pNetwork (./libp2p/). Payloads are SSZ bytes:
// the implementation owns the wire encoding (snappy), topic strings and protocol ids. The state transition and
// the fork choice never import this.
import { CodedError } from "../../sdk/errors/codedError.js";
import type { GossipTopic } from "./gossip/topics.js";
import type { ReqRespMethod } from "./reqresp/protocols.js";

export type { GossipTopic, GossipTopicName } from "./gossip/topics.js";
export type { ReqRespMethod } from "./reqresp/protocols.js";

/** p2p-interface.md "Topics and messages": the extended validator's verdict. */
export type GossipValidationResult = "ACCEPT" | "IGNORE" | "REJECT";

export type PeerIdStr = string;

/** Validates (and, on ACCEPT, has imported) one gossip message; `ssz` is the decompressed payload. */
export type GossipValidatorFn = (
  ssz: Uint8Array,
  from: PeerIdStr,
  topic: GossipTopic,
) => Promise<GossipValidationResult>;

/**
 * Serves one req/resp request: `body` is the request's SSZ (empty for metadata); yields the SSZ of each response
 * chunk. Throwing a `ReqRespServerError` sends that result code; any other error sends ServerError.
 */
export type ReqRespHandler = (body: Uint8Array, from: PeerIdStr) => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type PeerDirection = "inbound" | "outbound";

export interface PeerInfo {
  peerId: PeerIdStr;
  /** remote multiaddr (sim: "/sim/<id>") */
  address: string;
  direction: PeerDirection;
  state: "connected" | "disconnected";
}

export type PeerEvent =
  | { type: "connected"; peerId: PeerIdStr; direction: PeerDirection }
  | { type: "disconnected"; peerId: PeerIdStr };

/** How bad a peer's misbehaviour was (req/resp faults, bad sync data): the peer's score drops accordingly. */
export type PeerAction = "fatal" | "high" | "mid" | "low";

export interface RequestOptions {
  /** time to first byte (default TTFB_TIMEOUT) */
  ttfbMs?: number;
  /** time between chunks (default RESP_TIMEOUT) */
  respMs?: number;
}

export interface Network {
  readonly peerId: PeerIdStr;
  /** Gossips `ssz` on `topic` (the node has already validated and imported it). */
  publish(topic: GossipTopic, ssz: Uint8Array): Promise<void>;
  /** Joins `topic`; every message from a peer goes through `validator` before it is forwarded. */
  subscribe(topic: GossipTopic, validator: GossipValidatorFn): void;
  /** Serves `method` for peers. */
  handle(method: ReqRespMethod, handler: ReqRespHandler): void;
  /** Sends one request and collects the response chunks (SSZ); ResponseError / NetworkError on failure. */
  request(peer: PeerIdStr, method: ReqRespMethod, body: Uint8Array, opts?: RequestOptions): Promise<Uint8Array[]>;
  /** connected peers */
  getPeers(): PeerInfo[];
  onPeerEvent(listener: (event: PeerEvent) => void): () => void;
  /** Lowers a peer's score for a fault outside gossip (gossip REJECTs are scored by the router itself). */
  reportPeer(peer: PeerIdStr, action: PeerAction, reason: string): void;
  /** the peer's score (gossip score + app score); 0 when unknown */
  peerScore(peer: PeerIdStr): number;
  /** Closes the connection (after a goodbye, when the implementation sends one). */
  disconnect(peer: PeerIdStr, reason: bigint): Promise<void>;
  stop(): Promise<void>;
}

/** A handler's way to answer with a result code other than ServerError. */
export class ReqRespServerError extends CodedError<"REQRESP_RESULT"> {
  override readonly name = "ReqRespServerError";
  constructor(
    readonly resultCode: number,
    message: string,
  ) {
    super("REQRESP_RESULT", message);
  }
}
