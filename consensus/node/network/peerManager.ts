// Peers' Status (p2p-interface.md "Status"): the handshake on connect (the node requests the peer's Status on every
// new connection, whichever side dialed), the relevance check (same fork digest; a finalized checkpoint at or
// before ours must be on our chain) with goodbye + disconnect otherwise, goodbye received, periodic re-status, and
// periodic ping ("Ping": a higher MetaData seq_number than known makes the node request the peer's MetaData).
import type { Logger } from "pino";
import type { Network, PeerIdStr } from "../../network/network.js";
import {
  GoodbyeReason,
  MetaData,
  type MetaDataValue,
  Ping,
  Status,
  type StatusValue,
} from "../../network/reqresp/types.js";
import type { ChainService } from "../chain/chainService.js";
import { toRootHex } from "../chain/rootHex.js";
import { localStatus } from "./localStatus.js";

export interface PeerManagerOptions {
  network: Network;
  chain: ChainService;
  forkDigest: Uint8Array;
  logger?: Logger;
  /** re-request every peer's Status (and ping it) this often (none: only on connect) */
  statusIntervalMs?: number;
  /** our MetaData seq_number (sent in pings) */
  localSeq?: () => bigint;
}

export type Relevance = { ok: true } | { ok: false; reason: string };

export class PeerManager {
  readonly statuses = new Map<PeerIdStr, StatusValue>();
  readonly metadata = new Map<PeerIdStr, MetaDataValue>();
  private readonly listeners = new Set<(peer: PeerIdStr, status: StatusValue) => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: PeerManagerOptions) {
    o.network.onPeerEvent((e) => {
      if (e.type === "connected") void this.requestStatus(e.peerId);
      else {
        this.statuses.delete(e.peerId);
        this.metadata.delete(e.peerId);
      }
    });
    for (const p of o.network.getPeers()) void this.requestStatus(p.peerId);
    if (o.statusIntervalMs) {
      this.timer = setInterval(() => {
        for (const p of o.network.getPeers()) {
          void this.requestStatus(p.peerId);
          void this.ping(p.peerId);
        }
      }, o.statusIntervalMs);
      this.timer.unref?.();
    }
  }

  onStatus(listener: (peer: PeerIdStr, status: StatusValue) => void): void {
    this.listeners.add(listener);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async requestStatus(peer: PeerIdStr): Promise<StatusValue | null> {
    const net = this.o.network;
    try {
      const [chunk] = await net.request(peer, "status", Status.serialize(localStatus(this.o.chain, this.o.forkDigest)));
      if (!chunk) throw new Error("empty status response");
      const status = Status.deserialize(chunk);
      this.handleStatus(peer, status);
      return status;
    } catch (e) {
      this.o.logger?.debug({ peer, err: e }, "status request failed");
      net.reportPeer(peer, "low", "status request failed");
      return null;
    }
  }

  /** Pings `peer`; a seq_number above the one known makes the node fetch the peer's MetaData. */
  async ping(peer: PeerIdStr): Promise<void> {
    const net = this.o.network;
    try {
      const [pong] = await net.request(peer, "ping", Ping.serialize(this.o.localSeq?.() ?? 0n));
      if (!pong) return;
      const seq = Ping.deserialize(pong);
      const known = this.metadata.get(peer);
      if (!known || seq > known.seqNumber) {
        const [md] = await net.request(peer, "metadata", new Uint8Array(0));
        if (md) this.metadata.set(peer, MetaData.deserialize(md));
      }
    } catch (e) {
      this.o.logger?.debug({ peer, err: e }, "ping failed");
    }
  }

  /** A Status from `peer` (its answer, or its own request): keep it, or say goodbye if it is irrelevant. */
  handleStatus(peer: PeerIdStr, status: StatusValue): void {
    const rel = this.relevance(status);
    if (!rel.ok) {
      this.o.logger?.info({ peer, reason: rel.reason }, "disconnecting an irrelevant peer");
      this.statuses.delete(peer);
      void this.o.network.disconnect(peer, GoodbyeReason.IRRELEVANT_NETWORK);
      return;
    }
    this.statuses.set(peer, status);
    for (const l of this.listeners) l(peer, status);
  }

  /** p2p-interface.md "Status": the conditions under which a client disconnects a peer after its Status. */
  relevance(status: StatusValue): Relevance {
    const ours = Buffer.from(this.o.forkDigest).toString("hex");
    const theirs = Buffer.from(status.forkDigest).toString("hex");
    if (ours !== theirs) return { ok: false, reason: `fork digest ${theirs}, ours ${ours}` };
    const chain = this.o.chain;
    const finalized = chain.headState().finalizedCheckpoint;
    if (status.finalizedEpoch > 0 && status.finalizedEpoch <= finalized.epoch) {
      const slot = status.finalizedEpoch * chain.cfg.SLOTS_PER_EPOCH;
      const root = chain.canonicalRootAtSlot(slot);
      const theirRoot = toRootHex(status.finalizedRoot);
      if (root !== null && root !== theirRoot) {
        return { ok: false, reason: `finalized ${status.finalizedEpoch}/${theirRoot} is not in our chain (${root})` };
      }
    }
    return { ok: true };
  }
}
