// The node's side of the network beyond gossip: req/resp handlers, the Status handshake and peer relevance, range
// sync of a node that is behind, and unknown-parent lookups by root. Works over any Network (libp2p or SimNetwork).
import type { Logger } from "pino";
import type { NetworkMetrics } from "../../network/metrics.js";
import type { Network, PeerIdStr } from "../../network/network.js";
import type { SignedBeaconBlock } from "../../types/index.js";
import type { ChainService } from "../chain/chainService.js";
import type { RootHex } from "../chain/rootHex.js";
import { BlockLookup } from "./blockLookup.js";
import { allSubnetsMetadata, forkDigestOf } from "./localStatus.js";
import { PeerManager } from "./peerManager.js";
import { RangeSync } from "./rangeSync.js";
import { registerReqRespHandlers } from "./reqRespHandlers.js";

export interface NodeNetworkOptions {
  network: Network;
  chain: ChainService;
  currentSlot: () => number;
  importBlock: (block: SignedBeaconBlock) => unknown;
  metrics?: NetworkMetrics;
  logger?: Logger;
  /** re-status peers this often (none: on connect only) */
  statusIntervalMs?: number;
}

export class NodeNetwork {
  readonly forkDigest: Uint8Array;
  readonly peers: PeerManager;
  readonly sync: RangeSync;
  readonly lookup: BlockLookup;
  private readonly metadata = allSubnetsMetadata(1n);

  constructor(readonly o: NodeNetworkOptions) {
    const { network, chain, logger } = o;
    this.forkDigest = forkDigestOf(chain);
    this.peers = new PeerManager({
      network,
      chain,
      forkDigest: this.forkDigest,
      logger,
      statusIntervalMs: o.statusIntervalMs,
      localSeq: () => this.metadata.seqNumber,
    });
    this.sync = new RangeSync({
      network,
      chain,
      statuses: this.peers.statuses,
      currentSlot: o.currentSlot,
      metrics: o.metrics,
      logger,
    });
    this.lookup = new BlockLookup({
      network,
      chain,
      importBlock: (b) => o.importBlock(b),
      onTooDeep: () => void this.sync.maybeStart(),
      onImported: (n) => o.metrics?.syncBlocks.inc({ source: "by_root" }, n),
      logger,
    });
    registerReqRespHandlers({
      network,
      chain,
      forkDigest: this.forkDigest,
      metadata: () => this.metadata,
      onPeerStatus: (peer, status) => this.peers.handleStatus(peer, status),
      onGoodbye: (peer, reason) => logger?.info({ peer, reason: String(reason) }, "peer said goodbye"),
      logger,
    });
    this.peers.onStatus(() => void this.sync.maybeStart());
  }

  /** A gossip block's parent is unknown: fetch it from the sender. */
  unknownParent(parentRoot: RootHex, from: PeerIdStr): void {
    void this.lookup.lookup(parentRoot, from);
  }

  /** Whether the node is range-syncing, and how far its head is from the peers' (for /eth/v1/node/syncing). */
  syncState(): { isSyncing: boolean; targetSlot: number } {
    return { isSyncing: this.sync.isSyncing, targetSlot: this.sync.targetSlot };
  }

  stop(): void {
    this.peers.stop();
  }
}
