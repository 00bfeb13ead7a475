// Unknown-parent lookups (p2p-interface.md "beacon_block" gossip: "MAY queue blocks for processing once the parent
// block is retrieved"): a block whose parent the node lacks makes it fetch the parent by root from the peer that
// sent it (then others), walking back up to MAX_LOOKUP_DEPTH blocks, and import them oldest first.
import type { Logger } from "pino";
import type { Network, PeerIdStr } from "../../network/network.js";
import { BeaconBlocksByRootRequest } from "../../network/reqresp/types.js";
import type { SignedBeaconBlock } from "../../types/index.js";
import type { ChainService } from "../chain/chainService.js";
import { fromRootHex, type RootHex, toRootHex } from "../chain/rootHex.js";

export const MAX_LOOKUP_DEPTH = 32;

export interface BlockLookupOptions {
  network: Network;
  chain: ChainService;
  importBlock: (block: SignedBeaconBlock) => void;
  /** a chain too long to fetch by root: let range sync take it */
  onTooDeep?: (peer: PeerIdStr) => void;
  onImported?: (n: number) => void;
  logger?: Logger;
}

export class BlockLookup {
  private readonly inFlight = new Set<RootHex>();

  constructor(private readonly o: BlockLookupOptions) {}

  /** Fetches `root` and its unknown ancestors; resolves when done (or given up). */
  async lookup(root: RootHex, from: PeerIdStr): Promise<void> {
    const { chain, network } = this.o;
    if (chain.hasBlock(root) || this.inFlight.has(root)) return;
    this.inFlight.add(root);
    try {
      const fetched: SignedBeaconBlock[] = [];
      let want: RootHex = root;
      const peers = [
        from,
        ...network
          .getPeers()
          .map((p) => p.peerId)
          .filter((p) => p !== from),
      ];
      while (!chain.hasBlock(want)) {
        if (fetched.length >= MAX_LOOKUP_DEPTH) {
          this.o.onTooDeep?.(from);
          return;
        }
        const block = await this.fetch(want, peers);
        if (!block) return;
        fetched.push(block);
        want = toRootHex(block.message.parentRoot);
      }
      for (const b of fetched.reverse()) this.o.importBlock(b);
      this.o.onImported?.(fetched.length);
    } catch (e) {
      this.o.logger?.debug({ err: e, root }, "block lookup failed");
    } finally {
      this.inFlight.delete(root);
    }
  }

  private async fetch(root: RootHex, peers: PeerIdStr[]): Promise<SignedBeaconBlock | null> {
    const { chain, network } = this.o;
    for (const peer of peers) {
      try {
        const chunks = await network.request(
          peer,
          "beacon_blocks_by_root",
          BeaconBlocksByRootRequest.serialize([fromRootHex(root)]),
        );
        if (chunks.length === 0) continue;
        const block = chain.cfg.types.SignedBeaconBlock.deserialize(chunks[0]!);
        if (toRootHex(chain.cfg.types.BeaconBlock.hashTreeRoot(block.message)) !== root) {
          network.reportPeer(peer, "high", "beacon_blocks_by_root answered another block");
          continue;
        }
        return block;
      } catch (e) {
        this.o.logger?.debug({ err: e, peer, root }, "by-root request failed");
      }
    }
    return null;
  }
}
