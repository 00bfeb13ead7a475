// Range sync (p2p-interface.md "beacon_blocks_by_range", "Status": the peer that is behind syncs by range): when a
// peer's head is ahead, the node downloads consecutive batches of slots from the peers that have them, several
// batches in flight across peers, and imports them in order, the batches already downloaded together as one segment
// (ChainService.importBlocks: signatures verified in batches off the main thread, one commit). A peer whose batch fails to download or does not import
// is penalized and the batch goes to another peer; a batch that does not link to our chain (our head is on another
// fork) restarts the sync from the finalized slot.
import type { Logger } from "pino";
import type { NetworkMetrics } from "../../network/metrics.js";
import type { Network, PeerIdStr } from "../../network/network.js";
import { BeaconBlocksByRangeRequest, type StatusValue } from "../../network/reqresp/types.js";
import type { SignedBeaconBlock } from "../../types/index.js";
import { ChainError, type ChainService, type SegmentImport } from "../chain/chainService.js";
import { toRootHex } from "../chain/rootHex.js";

/** slots per request */
export const BATCH_SLOTS = 64;
/** batches downloaded ahead of the one being imported */
export const BATCH_BUFFER = 6;
export const MAX_BATCH_ATTEMPTS = 5;
/** downloaded batches imported together as one segment (one signature pipeline, one commit, one head update) */
export const SEGMENT_BATCHES = 4;

export interface RangeSyncOptions {
  network: Network;
  chain: ChainService;
  statuses: Map<PeerIdStr, StatusValue>;
  /** imports a downloaded segment (default: the chain's importBlocks) */
  importBlocks?: (blocks: SignedBeaconBlock[], ssz: Uint8Array[]) => Promise<SegmentImport>;
  /** the wall-clock slot */
  currentSlot: () => number;
  metrics?: NetworkMetrics;
  logger?: Logger;
}

interface Downloaded {
  peer: PeerIdStr;
  blocks: SignedBeaconBlock[];
  /** the blocks' bytes as received */
  ssz: Uint8Array[];
}

interface Batch {
  start: number;
  count: number;
  attempts: number;
  tried: Set<PeerIdStr>;
  download: Promise<Downloaded | null>;
  /** the download's outcome once settled (undefined while it runs) */
  downloaded?: Downloaded | null;
}

export class RangeSync {
  private running: Promise<void> | null = null;
  /** blocks imported by range sync since start */
  imported = 0;
  private target = 0;

  constructor(private readonly o: RangeSyncOptions) {}

  get isSyncing(): boolean {
    return this.running !== null;
  }

  /** the highest head slot of the peers being synced from */
  get targetSlot(): number {
    return this.target;
  }

  /** Starts syncing if some peer's head is ahead of ours (and no sync runs). */
  maybeStart(): Promise<void> {
    if (this.running) return this.running;
    if (this.peersAhead().length === 0) return Promise.resolve();
    this.o.metrics?.syncing.set(1);
    this.running = this.run()
      .catch((e) => this.o.logger?.warn({ err: e }, "range sync failed"))
      .finally(() => {
        this.running = null;
        this.o.metrics?.syncing.set(0);
      });
    return this.running;
  }

  private headSlot(): number {
    return this.o.chain.headState().slot;
  }

  private peersAhead(): PeerIdStr[] {
    const head = this.headSlot();
    return [...this.o.statuses.entries()].filter(([, s]) => s.headSlot > head).map(([p]) => p);
  }

  private async run(): Promise<void> {
    const { chain } = this.o;
    let fromFinalized = false;
    for (let rounds = 0; rounds < 100; rounds++) {
      const peers = this.peersAhead();
      if (peers.length === 0) return;
      this.target = Math.max(...peers.map((p) => this.o.statuses.get(p)!.headSlot));
      const finalizedSlot = chain.forkChoice.finalizedCheckpoint.epoch * chain.cfg.SLOTS_PER_EPOCH;
      const start = (fromFinalized ? finalizedSlot : this.headSlot()) + 1;
      this.o.logger?.info({ from: start, target: this.target, peers: peers.length }, "range sync");
      const outcome = await this.syncRange(start, this.target);
      if (outcome === "fork") {
        if (fromFinalized) return;
        fromFinalized = true;
        continue;
      }
      if (outcome === "stalled") return;
      fromFinalized = false;
    }
  }

  /**
   * Downloads [start, target] in batches with lookahead and imports them in order: the first batch together with the
   * batches after it that are already downloaded (up to SEGMENT_BATCHES), as one segment.
   */
  private async syncRange(start: number, target: number): Promise<"done" | "fork" | "stalled"> {
    const batches: Batch[] = [];
    let next = start;
    const fetch = (batch: Batch) => {
      batch.downloaded = undefined;
      batch.download = this.download(batch).then((got) => {
        batch.downloaded = got;
        return got;
      });
    };
    const refill = () => {
      while (batches.length < BATCH_BUFFER && next <= target) {
        const count = Math.min(BATCH_SLOTS, target - next + 1);
        const batch: Batch = { start: next, count, attempts: 0, tried: new Set(), download: Promise.resolve(null) };
        fetch(batch);
        batches.push(batch);
        next += count;
      }
    };
    refill();
    let progressed = false;
    while (batches.length > 0) {
      const got = await batches[0]!.download;
      if (!got) {
        return progressed ? "done" : "stalled";
      }
      const segment: Downloaded[] = [got];
      for (const b of batches.slice(1, SEGMENT_BATCHES)) {
        if (!b.downloaded) break;
        segment.push(b.downloaded);
      }
      const { done, failed } = await this.importSegment(segment);
      progressed = progressed || segment.slice(0, done).some((g) => g.blocks.length > 0);
      batches.splice(0, done);
      if (failed === "invalid") {
        const batch = batches[0]!;
        const peer = segment[done]!.peer;
        this.o.network.reportPeer(peer, "high", "range sync batch did not import");
        batch.tried.add(peer);
        fetch(batch);
      } else if (failed === "unlinked") {
        return "fork";
      }
      refill();
    }
    return "done";
  }

  /**
   * Imports the downloaded batches as one segment. `done`: the batches fully imported (a prefix); `failed`: what
   * happened to the next one — "invalid" (a block broke a rule: its peer is at fault), or "unlinked" (it does not
   * link to our chain: our head is on another fork).
   */
  private async importSegment(segment: Downloaded[]): Promise<{ done: number; failed?: "invalid" | "unlinked" }> {
    const { chain } = this.o;
    const blocks = segment.flatMap((g) => g.blocks);
    if (blocks.length === 0) return { done: segment.length };
    if (!chain.hasBlock(toRootHex(blocks[0]!.message.parentRoot))) return { done: 0, failed: "unlinked" };
    const importBlocks = this.o.importBlocks ?? ((b, ssz) => chain.importBlocks(b, ssz));
    const { imported, stop } = await importBlocks(
      blocks,
      segment.flatMap((g) => g.ssz),
    );
    this.imported += imported.length;
    this.o.metrics?.syncBlocks.inc({ source: "range" }, imported.length);
    if (!stop) return { done: segment.length };
    // the batch holding the block that stopped the import
    let done = 0;
    let end = segment[0]!.blocks.length;
    while (stop.index >= end) end += segment[++done]!.blocks.length;
    if (stop.reason === "unknown_parent") {
      // inside a batch: the peer's blocks are not a chain (blocks_by_range serves each as the child of the one before)
      const first = end - segment[done]!.blocks.length;
      return { done, failed: stop.index > first ? "invalid" : "unlinked" };
    }
    if (stop.error instanceof ChainError && stop.error.code === "INVALID_BLOCK") return { done, failed: "invalid" };
    const slot = blocks[stop.index]!.message.slot;
    this.o.logger?.debug({ err: stop.error, slot }, "range sync: block not imported");
    // the blocks after it cannot link to our chain
    return stop.index === blocks.length - 1 ? { done: segment.length } : { done, failed: "unlinked" };
  }

  /** Downloads one batch from a peer that has it, trying others on failure (MAX_BATCH_ATTEMPTS). */
  private async download(batch: Batch): Promise<Downloaded | null> {
    const { network, chain } = this.o;
    while (batch.attempts < MAX_BATCH_ATTEMPTS) {
      const candidates = [...this.o.statuses.entries()]
        .filter(([p, s]) => s.headSlot >= batch.start && !batch.tried.has(p))
        .map(([p]) => p);
      if (candidates.length === 0) {
        if (batch.tried.size === 0) return null;
        batch.tried.clear();
        continue;
      }
      // spread batches over peers by start slot
      const peer = candidates[Math.floor(batch.start / BATCH_SLOTS) % candidates.length]!;
      batch.attempts++;
      try {
        const chunks = await network.request(
          peer,
          "beacon_blocks_by_range",
          BeaconBlocksByRangeRequest.serialize({ startSlot: batch.start, count: batch.count, step: 1 }),
        );
        const blocks = chunks.map((c) => chain.cfg.types.SignedBeaconBlock.deserialize(c));
        // blocks_by_range: slots inside the range, strictly increasing (each the child of the previous: checked by the
        // import, which hashes each block once)
        let prevSlot = batch.start - 1;
        for (const b of blocks) {
          const slot = b.message.slot;
          if (slot <= prevSlot || slot >= batch.start + batch.count) throw new Error(`block slot ${slot} out of order`);
          prevSlot = slot;
        }
        return { peer, blocks, ssz: chunks };
      } catch (e) {
        this.o.logger?.debug({ err: e, peer, start: batch.start }, "range sync: batch download failed");
        network.reportPeer(peer, "mid", `beacon_blocks_by_range failed: ${(e as Error).message}`);
        batch.tried.add(peer);
      }
    }
    return null;
  }
}
