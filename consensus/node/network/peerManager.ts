// Peers' Status (p2p-interface.md "Status"): the handshake on connect (the node requests the peer's Status on every
// new connection, whichever side dialed), the relevance check (same fork digest; a finalized checkpoint at or
// before ours must be on our chain) with goodbye + disconnect otherwise, goodbye received, and periodic re-status.
import type { Logger } from "pino";
import type { Network, PeerIdStr } from "../../network/network.js";
import { GoodbyeReason, Status, type StatusValue } from "../../network/reqresp/types.js";
import type { ChainService } from "../chain/chainService.js";
import { toRootHex } from "../chain/rootHex.js";
import { localStatus } from "./localStatus.js";

export interface PeerManagerOptions {
  network: Network;
  chain: ChainService;
  forkDigest: Uint8Array;
  logger?: Logger;
  /** re-request every peer's Status this often (none: only on connect) */
  statusIntervalMs?: number;
}

export type Relevance = { ok: true } | { ok: false; reason: string };

export class PeerManager {
  readonly statuses = new Map<PeerIdStr, StatusValue>();
  private readonly listeners = new Set<(peer: PeerIdStr, status: StatusValue) => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: PeerManagerOptions) {
    o.network.onPeerEvent((e) => {
      if (e.type === "connected") void this.requestStatus(e.peerId);
      else this.statuses.delete(e.peerId);
    });
    for (const p of o.network.getPeers()) void this.requestStatus(p.peerId);
    if (o.statusIntervalMs) {
      this.timer = setInterval(() => {
        for (const p of o.network.getPeers()) void this.requestStatus(p.peerId);
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
