// The chain service: blocks through the state transition into the fork choice (phase0 fork-choice.md handlers
// on_tick, on_block, on_attestation, on_attester_slashing), the head, finality, the pools block production draws
// from, persistence of blocks and finalized states, and the events the API streams.
import type { Logger } from "pino";
import { CodedError } from "../../../sdk/errors/codedError.js";
import type { ChainEvent, ChainEventListener } from "../../api/chainView.js";
import { ForkChoice } from "../../fork-choice/forkChoice.js";
import type { BlockSummary } from "../../fork-choice/types.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { getBeaconCommittee } from "../../state-transition/accessors/getBeaconCommittee.js";
import { getBlockRootAtSlot } from "../../state-transition/accessors/getBlockRootAtSlot.js";
import { getCommitteeCountPerSlot } from "../../state-transition/accessors/getCommitteeCountPerSlot.js";
import { getIndexedAttestation } from "../../state-transition/accessors/getIndexedAttestation.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import { prepareEpochShuffling } from "../../state-transition/caches/epochShuffling.js";
import {
  type AggregateSignatureSet,
  verifyAggregateSignatureSets,
} from "../../state-transition/crypto/verifyAggregateSignatureSets.js";
import { processJustificationAndFinalization } from "../../state-transition/epoch/processJustificationAndFinalization.js";
import { computeEpochAtSlot } from "../../state-transition/misc/computeEpochAtSlot.js";
import { computeStartSlotAtEpoch } from "../../state-transition/misc/computeStartSlotAtEpoch.js";
import { isSlashableAttestationData } from "../../state-transition/predicates/isSlashableAttestationData.js";
import { isValidIndexedAttestation } from "../../state-transition/predicates/isValidIndexedAttestation.js";
import { processSlots } from "../../state-transition/slot/processSlots.js";
import { stateTransition } from "../../state-transition/stateTransition.js";
import type {
  Attestation,
  AttesterSlashing,
  BeaconBlockHeader,
  BeaconState,
  IndexedAttestation,
  ProposerSlashing,
  SignedBeaconBlock,
  SignedVoluntaryExit,
} from "../../types/index.js";
import type { NodeDb } from "../storage/nodeDb.js";
import { anchorCheckpointEpoch, anchorHeader, anchorRoot, decodeEpoch, encodeEpoch } from "./anchor.js";
import { AttestationPool } from "./attestationPool.js";
import { CheckpointStates, justifiedBalancesOf } from "./checkpointStates.js";
import { OpPool } from "./opPool.js";
import { fromRootHex, type RootHex, toRootHex } from "./rootHex.js";

export class ChainError extends CodedError<
  | "UNKNOWN_PARENT_QUEUED"
  | "INVALID_BLOCK"
  | "INVALID_ATTESTATION"
  | "INVALID_SLASHING"
  | "INVALID_VOLUNTARY_EXIT"
  | "NO_STATE"
  | "BAD_ANCHOR"
> {
  override readonly name = "ChainError";
}

export interface ChainServiceOptions {
  cfg: BeaconConfig;
  /** trusted state to start from: genesis, or the finalized checkpoint's block state at a restart */
  anchorState: BeaconState;
  /**
   * the epoch of the finalized checkpoint the anchor's block is the block of (default: anchorCheckpointEpoch, the
   * first epoch starting at or after the anchor state's slot)
   */
  anchorEpoch?: number;
  /** the genesis state (defaults to the anchor) */
  genesisState?: BeaconState;
  /** current unix time (seconds) */
  now: () => number;
  db?: NodeDb;
  logger?: Logger;
  /** BLS checks of blocks and gossip (default true) */
  verifySignatures?: boolean;
  /** batch verification of a chain segment's signature sets (default: on this thread, one batch per segment) */
  verifySignatureSets?: SignatureSetsVerifier;
}

/** Verifies batches of signature sets for importBlocks (range sync); BlsVerifierPool does it on worker threads. */
export interface SignatureSetsVerifier {
  /** True only if every set holds (false: the blocks are re-checked one by one, which names the failing rule). */
  verify(sets: AggregateSignatureSet[]): Promise<boolean>;
  /** Sets per batch to hand over as the state transitions go (none: one batch per segment). */
  readonly batchSets?: number;
  /** Verifies one batch still queued on the calling thread (false when none is): used instead of waiting idle. */
  verifyOneHere?(): boolean;
}

const verifyInThread: SignatureSetsVerifier = { verify: async (sets) => verifyAggregateSignatureSets(sets) };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What importBlocks did with a segment. */
export interface SegmentImport {
  /** the blocks now in the chain (imported now or known before), in order: a prefix of the segment */
  imported: ImportedBlock[];
  /** the first block not imported (nothing after it was either): its parent is unknown, or importBlock's error */
  stop: null | { index: number; reason: "unknown_parent" } | { index: number; reason: "error"; error: unknown };
}

interface PendingBlock {
  signed: SignedBeaconBlock;
  root: RootHex;
  bodyRoot: Uint8Array;
  post: BeaconState;
  /** the block's SSZ as received, if given */
  ssz?: Uint8Array;
}

export interface ImportedBlock {
  root: RootHex;
  slot: number;
  post: BeaconState;
}

const META_FINALIZED = "finalized_root";
/** the epoch of that checkpoint: its block may sit before the epoch's first slot when that slot was empty */
const META_FINALIZED_EPOCH = "finalized_epoch";
/** blocks held for a missing parent (the network looks the parent up by root; a longer gap is range-synced) */
export const MAX_ORPHANS = 64;
const META_GENESIS = "genesis_root";

export class ChainService {
  readonly cfg: BeaconConfig;
  readonly forkChoice: ForkChoice;
  readonly genesisState: BeaconState;
  readonly genesisRoot: RootHex;
  readonly pool: AttestationPool;
  /** voluntary exits and slashings waiting for a block */
  readonly opPool: OpPool;
  headRoot: RootHex;
  blocksImported = 0;

  private readonly states = new Map<RootHex, BeaconState>();
  private readonly headers = new Map<RootHex, { message: BeaconBlockHeader; signature: Uint8Array }>();
  private readonly blocks = new Map<RootHex, SignedBeaconBlock>();
  private readonly byStateRoot = new Map<RootHex, RootHex>();
  private readonly checkpointStates: CheckpointStates;
  private readonly orphans = new Map<RootHex, SignedBeaconBlock[]>();
  private earlyAttestations: { att: Attestation; indices: number[] }[] = [];
  private readonly listeners = new Set<ChainEventListener>();
  private readonly slotStates = new Map<string, BeaconState>();
  private lastFinalizedEpoch: number;
  /** `${head root}:${epoch}` of the last prepareNextShuffling start. */
  private shufflingPrepared = "";
  private readonly verifySignatures: boolean;

  constructor(private readonly opts: ChainServiceOptions) {
    const cfg = opts.cfg;
    this.cfg = cfg;
    this.verifySignatures = opts.verifySignatures ?? true;
    const anchor = opts.anchorState;
    const header = anchorHeader(cfg, anchor);
    const root = toRootHex(cfg.types.BeaconBlockHeader.hashTreeRoot(header));
    this.genesisState = opts.genesisState ?? anchor;
    this.genesisRoot = opts.genesisState ? toRootHex(anchorRoot(cfg, opts.genesisState)) : root;
    this.states.set(root, anchor);
    this.headers.set(root, { message: header, signature: new Uint8Array(96) });
    this.byStateRoot.set(toRootHex(header.stateRoot), root);
    const genesisStateRoot = toRootHex(cfg.types.BeaconState.hashTreeRoot(this.genesisState));
    this.byStateRoot.set(genesisStateRoot, this.genesisRoot);
    this.checkpointStates = new CheckpointStates(cfg, (r) => this.states.get(r) ?? null);
    this.pool = new AttestationPool(cfg);
    this.opPool = new OpPool(cfg);
    const epoch = opts.anchorEpoch ?? anchorCheckpointEpoch(cfg, anchor);
    if (computeStartSlotAtEpoch(cfg, epoch) < header.slot) {
      throw new ChainError(
        "BAD_ANCHOR",
        `the anchor block at slot ${header.slot} cannot be the checkpoint block of epoch ${epoch}, which starts at slot ${computeStartSlotAtEpoch(cfg, epoch)}`,
      );
    }
    const cp = { epoch, root };
    const summary: BlockSummary = {
      root,
      parentRoot: toRootHex(header.parentRoot),
      slot: header.slot,
      justifiedCheckpoint: cp,
      finalizedCheckpoint: cp,
      unrealizedJustifiedCheckpoint: cp,
      unrealizedFinalizedCheckpoint: cp,
    };
    this.forkChoice = new ForkChoice(
      cfg,
      {
        block: summary,
        epoch,
        genesisTime: anchor.genesisTime,
        time: anchor.genesisTime + cfg.SECONDS_PER_SLOT * anchor.slot,
      },
      (checkpoint) => {
        const state = this.checkpointStates.get(checkpoint);
        if (!state) throw new ChainError("NO_STATE", `no state for checkpoint ${checkpoint.epoch}/${checkpoint.root}`);
        return justifiedBalancesOf(cfg, state);
      },
    );
    this.headRoot = root;
    this.lastFinalizedEpoch = epoch;
    if (opts.db) {
      const db = opts.db;
      db.transaction(() => {
        if (!db.getMeta(META_GENESIS)) {
          db.putMeta(META_GENESIS, fromRootHex(this.genesisRoot));
          db.putState(
            fromRootHex(this.genesisRoot),
            this.genesisState.slot,
            cfg.types.BeaconState.serialize(this.genesisState),
          );
        }
        if (!db.getMeta(META_FINALIZED)) {
          db.putMeta(META_FINALIZED, fromRootHex(root));
          db.putMeta(META_FINALIZED_EPOCH, encodeEpoch(epoch));
          db.putState(fromRootHex(root), anchor.slot, cfg.types.BeaconState.serialize(anchor));
        }
      });
    }
  }

  /**
   * Restart: anchors at the finalized state stored in `db` and replays the stored blocks after it, so nothing
   * imported before the stop is lost. Null when the database holds no chain yet.
   */
  static fromDb(opts: Omit<ChainServiceOptions, "anchorState" | "genesisState"> & { db: NodeDb }): ChainService | null {
    const { cfg, db } = opts;
    const finalizedRoot = db.getMeta(META_FINALIZED);
    const genesisRoot = db.getMeta(META_GENESIS);
    if (!finalizedRoot || !genesisRoot) return null;
    const finalized = db.getState(finalizedRoot);
    const genesis = db.getState(genesisRoot);
    if (!finalized || !genesis) return null;
    // databases written before the epoch was stored: the default is right unless whole epochs after it were empty
    const finalizedEpoch = db.getMeta(META_FINALIZED_EPOCH);
    const chain = new ChainService({
      ...opts,
      anchorState: cfg.types.BeaconState.deserialize(finalized.ssz),
      anchorEpoch: finalizedEpoch ? decodeEpoch(finalizedEpoch) : undefined,
      genesisState: cfg.types.BeaconState.deserialize(genesis.ssz),
    });
    chain.forkChoice.onTick(Math.max(chain.forkChoice.time, opts.now()));
    const t0 = performance.now();
    let replayed = 0;
    let skipped = 0;
    for (const stored of db.blocksAfter(finalized.slot)) {
      try {
        if (chain.replayStoredBlock(stored.ssz)) replayed++;
        else skipped++;
      } catch (e) {
        skipped++;
        opts.logger?.warn({ err: e, slot: stored.slot }, "stored block not replayed");
      }
    }
    chain.updateHead();
    opts.logger?.info(
      { replayed, skipped, ms: Math.round(performance.now() - t0) },
      "replayed the blocks stored after the finalized state",
    );
    return chain;
  }

  /**
   * A block from this node's own database, imported before the stop: it passed every check then, so only its state
   * transition runs again, with the state root checked and the signatures not (Lighthouse and Lodestar replay their
   * own stored blocks the same way), and it is not written again. False (skipped) when its parent is not known: a
   * branch that no longer descends from the finalized block.
   */
  private replayStoredBlock(ssz: Uint8Array): boolean {
    const signed = this.cfg.types.SignedBeaconBlock.deserialize(ssz);
    const { root, rootBytes, bodyRoot } = this.blockRoots(signed);
    if (this.states.has(root)) return true;
    const parentRoot = toRootHex(signed.message.parentRoot);
    const pre = this.states.get(parentRoot);
    if (!pre) return false;
    this.forkChoice.validateBlock(parentRoot, signed.message.slot);
    const post = stateTransition(this.cfg, pre, signed, true, { verifySignatures: false, blockRoot: rootBytes });
    this.commitBlock(signed, root, bodyRoot, post, ssz, false);
    return true;
  }

  // ---- events ----

  onEvent(listener: ChainEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ChainEvent): void {
    for (const l of this.listeners) l(event);
  }

  // ---- reads ----

  headState(): BeaconState {
    return this.states.get(this.headRoot)!;
  }

  blockState(root: RootHex): BeaconState | null {
    return this.states.get(root) ?? null;
  }

  blockRootOfState(stateRoot: RootHex): RootHex | null {
    return this.byStateRoot.get(stateRoot) ?? null;
  }

  getBlock(root: RootHex): SignedBeaconBlock | null {
    return this.blocks.get(root) ?? null;
  }

  header(root: RootHex): { message: BeaconBlockHeader; signature: Uint8Array } | null {
    return this.headers.get(root) ?? null;
  }

  hasBlock(root: RootHex): boolean {
    return this.states.has(root);
  }

  /** A block's SSZ (memory, else the database); null when unknown (req/resp beacon_blocks_by_root). */
  getBlockSsz(root: RootHex): Uint8Array | null {
    const b = this.blocks.get(root);
    if (b) return this.cfg.types.SignedBeaconBlock.serialize(b);
    return this.opts.db?.getBlock(fromRootHex(root))?.ssz ?? null;
  }

  /**
   * The canonical chain walked back from the head: (root, slot) of each block with slot >= `downToSlot`, newest
   * first, through the headers in memory and then the database (req/resp by range, status checks).
   */
  *canonicalBlocksBack(downToSlot: number): Generator<{ root: RootHex; slot: number }> {
    let root: RootHex | null = this.headRoot;
    while (root) {
      const h = this.headers.get(root)?.message;
      let slot: number;
      let parent: RootHex;
      if (h) {
        slot = h.slot;
        parent = toRootHex(h.parentRoot);
      } else {
        const stored = this.opts.db?.getBlockLink(fromRootHex(root));
        if (!stored) return;
        slot = stored.slot;
        parent = toRootHex(stored.parentRoot);
      }
      if (slot < downToSlot) return;
      yield { root, slot };
      if (slot === 0 || parent === root) return;
      root = parent;
    }
  }

  /** The canonical block root at `slot` (the last block at or before it); null when older than what is kept. */
  canonicalRootAtSlot(slot: number): RootHex | null {
    for (const b of this.canonicalBlocksBack(0)) if (b.slot <= slot) return b.root;
    return null;
  }

  /** The head state advanced with empty slots to `slot` (for duties and block production); cached. */
  headStateAtSlot(slot: number): BeaconState {
    return this.blockStateAtSlot(this.headRoot, slot)!;
  }

  /** The post-state of block `root` advanced with empty slots to `slot`; cached. Null if the block is unknown. */
  blockStateAtSlot(root: RootHex, slot: number): BeaconState | null {
    const head = this.states.get(root);
    if (!head) return null;
    if (head.slot >= slot) return head;
    const key = `${root}:${slot}`;
    let state = this.slotStates.get(key);
    if (!state) {
      state = cloneBeaconState(this.cfg, head); // O(1), with its caches: the first hash does not rebuild the tree
      processSlots(this.cfg, state, slot);
      if (this.slotStates.size >= 4) this.slotStates.delete(this.slotStates.keys().next().value!);
      this.slotStates.set(key, state);
    }
    return state;
  }

  /** The canonical state at `slot` (the head chain's block at or before it, advanced with empty slots). */
  canonicalStateAtSlot(slot: number): { state: BeaconState; blockRoot: RootHex } | null {
    let root: RootHex | undefined = this.headRoot;
    while (root) {
      const state = this.states.get(root);
      if (!state) return null;
      if (state.slot <= slot) {
        if (state.slot === slot) return { state, blockRoot: root };
        const advanced = cloneBeaconState(this.cfg, state);
        processSlots(this.cfg, advanced, slot);
        return { state: advanced, blockRoot: root };
      }
      root = this.forkChoice.protoArray.getNode(root)?.parentRoot;
    }
    return null;
  }

  // ---- handlers ----

  /** on_tick; attestations held back because they were from the then-current slot are applied now. */
  onTick(time: number): void {
    if (time > this.forkChoice.time) this.forkChoice.onTick(time);
    const currentSlot = this.forkChoice.getCurrentSlot();
    const ready = this.earlyAttestations.filter((a) => a.att.data.slot < currentSlot);
    this.earlyAttestations = this.earlyAttestations.filter((a) => a.att.data.slot >= currentSlot);
    for (const { att, indices } of ready) {
      try {
        this.vote(att, indices, false);
      } catch (e) {
        this.opts.logger?.debug({ err: e }, "held attestation dropped");
      }
    }
    this.pool.prune(currentSlot);
    this.prepareNextShuffling();
  }

  /**
   * When the head state is at the last slot of its epoch E, or the clock is (then E's RANDAO mix is final on the
   * head's chain unless that slot's block comes), starts the shuffling of E + 2 off the main thread
   * (caches/epochShuffling.ts), so that the transition into E + 1 finds the next epoch's committees ready.
   */
  private prepareNextShuffling(): void {
    const state = this.headState();
    const epoch = computeEpochAtSlot(this.cfg, state.slot);
    const lastSlot = computeStartSlotAtEpoch(this.cfg, epoch + 1) - 1;
    if (state.slot !== lastSlot && this.forkChoice.getCurrentSlot() !== lastSlot) return;
    const key = `${this.headRoot}:${epoch}`;
    if (key === this.shufflingPrepared) return;
    this.shufflingPrepared = key;
    void prepareEpochShuffling(this.cfg, state, epoch + 2);
  }

  /**
   * on_block: runs the state transition on the parent's post-state (signatures and state root checked), adds the
   * block to the fork choice with its realized and pulled-up checkpoints, applies its attestations and attester
   * slashings, stores it, and updates the head. A block whose parent is unknown is held (at most MAX_ORPHANS, the
   * oldest dropped first) while the network fetches the parent by root, and imported when the parent arrives.
   */
  importBlock(signed: SignedBeaconBlock): ImportedBlock | null {
    const cfg = this.cfg;
    const block = signed.message;
    const { root, rootBytes, bodyRoot } = this.blockRoots(signed);
    if (this.states.has(root)) return { root, slot: block.slot, post: this.states.get(root)! };
    const parentRoot = toRootHex(block.parentRoot);
    const pre = this.states.get(parentRoot);
    if (!pre) {
      const finalizedSlot = computeStartSlotAtEpoch(cfg, this.forkChoice.finalizedCheckpoint.epoch);
      if (block.slot > finalizedSlot) {
        const list = this.orphans.get(parentRoot) ?? [];
        list.push(signed);
        this.orphans.delete(parentRoot);
        this.orphans.set(parentRoot, list);
        let held = 0;
        for (const l of this.orphans.values()) held += l.length;
        if (held > MAX_ORPHANS) this.orphans.delete(this.orphans.keys().next().value!);
      }
      return null;
    }
    this.forkChoice.validateBlock(parentRoot, block.slot);
    const post = this.transition(signed, root, rootBytes, pre);
    this.commitBlock(signed, root, bodyRoot, post);
    this.importHeldChildren(root);
    this.updateHead();
    return { root, slot: block.slot, post };
  }

  /**
   * A chain segment (range sync), each block the child of the one before: the state transitions run with the
   * signature checks deferred, all signature sets of the segment are verified in one batch (`verifySets`), and only
   * then are the blocks committed (fork choice, memory, one database transaction) and the head updated, once.
   * Whatever the fast path cannot take — a block that fails its state transition, a failed batch, a fork inside the
   * segment — is imported one block at a time with every check, so the failing block is rejected with its rule named
   * and nothing after it is committed; nothing unverified ever reaches the fork choice or the database.
   * Stops at the first block not imported: `stop.reason` "unknown_parent" (held as an orphan, as importBlock does), or
   * the error importBlock would throw. `ssz`: the blocks' bytes as received, stored as they are (not serialized again).
   */
  async importBlocks(blocks: readonly SignedBeaconBlock[], ssz?: readonly Uint8Array[]): Promise<SegmentImport> {
    const verifier = this.opts.verifySignatureSets ?? verifyInThread;
    const imported: ImportedBlock[] = [];
    const pending: PendingBlock[] = [];
    // signature batches handed over while the state transitions go on (verified elsewhere meanwhile, if they can be)
    const batches: Promise<boolean>[] = [];
    let sets: AggregateSignatureSet[] = [];
    const handOver = () => {
      if (sets.length === 0) return;
      batches.push(verifier.verify(sets).catch(() => false));
      sets = [];
    };
    let next = 0;
    // fast path: state transitions with signatures deferred, until the first block it cannot take
    for (; next < blocks.length; next++) {
      const signed = blocks[next]!;
      const { root, rootBytes, bodyRoot } = this.blockRoots(signed);
      const parentRoot = toRootHex(signed.message.parentRoot);
      const last = pending.at(-1);
      let pre: BeaconState | undefined;
      if (last) {
        if (last.root !== parentRoot) break; // a fork inside the segment
        pre = last.post;
      } else {
        if (this.states.has(root)) {
          imported.push({ root, slot: signed.message.slot, post: this.states.get(root)! });
          continue;
        }
        pre = this.states.get(parentRoot);
        if (!pre) break;
        try {
          this.forkChoice.validateBlock(parentRoot, signed.message.slot);
        } catch {
          break;
        }
      }
      const own: AggregateSignatureSet[] = [];
      let post: BeaconState;
      try {
        post = stateTransition(this.cfg, pre, signed, true, {
          verifySignatures: this.verifySignatures,
          signatureSets: own,
          blockRoot: rootBytes,
        });
      } catch {
        break; // imported one by one below, which names the rule
      }
      for (const set of own) sets.push(set);
      pending.push({ signed, root, bodyRoot, post, ssz: ssz?.[next] });
      if (verifier.batchSets !== undefined && sets.length >= verifier.batchSets) {
        handOver();
        await yieldToEventLoop(); // lets a worker's answer in, so that it gets the next batch
      }
    }
    if (pending.length > 0) {
      handOver();
      if (verifier.verifyOneHere) while (verifier.verifyOneHere()) await yieldToEventLoop();
      const valid = (await Promise.all(batches)).every((ok) => ok);
      if (valid) {
        // committed in order, in one database transaction; a block the fork choice refuses now ends the fast path
        // there (the slow path below names the reason)
        let committed = 0;
        const commitAll = () => {
          for (const p of pending) {
            try {
              if (!this.states.has(p.root)) this.commitBlock(p.signed, p.root, p.bodyRoot, p.post, p.ssz);
            } catch {
              return;
            }
            imported.push({ root: p.root, slot: p.signed.message.slot, post: p.post });
            committed++;
          }
        };
        if (this.opts.db) this.opts.db.transaction(commitAll);
        else commitAll();
        for (const p of pending.slice(0, committed)) this.importHeldChildren(p.root);
        next -= pending.length - committed;
      } else {
        next -= pending.length;
      }
    }
    // slow path: one block at a time, every check, stopping at the first block not imported
    let stop: SegmentImport["stop"] = null;
    for (; next < blocks.length; next++) {
      let r: ImportedBlock | null;
      try {
        r = this.importBlock(blocks[next]!);
      } catch (error) {
        stop = { index: next, reason: "error", error };
        break;
      }
      if (!r) {
        stop = { index: next, reason: "unknown_parent" };
        break;
      }
      imported.push(r);
    }
    this.updateHead();
    return { imported, stop };
  }

  /** The block's root, computed once from its body root (the block's header has the block's hash tree root). */
  private blockRoots(signed: SignedBeaconBlock): { root: RootHex; rootBytes: Uint8Array; bodyRoot: Uint8Array } {
    const block = signed.message;
    const bodyRoot = this.cfg.types.BeaconBlockBody.hashTreeRoot(block.body);
    const root = this.cfg.types.BeaconBlockHeader.hashTreeRoot({
      slot: block.slot,
      proposerIndex: block.proposerIndex,
      parentRoot: block.parentRoot,
      stateRoot: block.stateRoot,
      bodyRoot,
    });
    return { root: toRootHex(root), rootBytes: root, bodyRoot };
  }

  private transition(signed: SignedBeaconBlock, root: RootHex, rootBytes: Uint8Array, pre: BeaconState): BeaconState {
    try {
      return stateTransition(this.cfg, pre, signed, true, {
        verifySignatures: this.verifySignatures,
        blockRoot: rootBytes,
      });
    } catch (e) {
      throw new ChainError(
        "INVALID_BLOCK",
        `block ${root} at slot ${signed.message.slot} rejected: ${(e as Error).message}`,
      );
    }
  }

  /**
   * on_block's part after a valid state transition: fork choice, memory, database (`ssz`: as received; not written
   * again when `store` is false: a replay from the database), the event.
   */
  private commitBlock(
    signed: SignedBeaconBlock,
    root: RootHex,
    bodyRoot: Uint8Array,
    post: BeaconState,
    ssz?: Uint8Array,
    store = true,
  ): void {
    const cfg = this.cfg;
    const block = signed.message;
    const parentRoot = toRootHex(block.parentRoot);
    const pulledUp = cloneBeaconState(cfg, post); // O(1): justification writes only checkpoints and bits
    processJustificationAndFinalization(cfg, pulledUp);
    const cp = (c: { epoch: number; root: Uint8Array }) => ({ epoch: c.epoch, root: toRootHex(c.root) });
    this.forkChoice.onBlock({
      root,
      parentRoot,
      slot: block.slot,
      justifiedCheckpoint: cp(post.currentJustifiedCheckpoint),
      finalizedCheckpoint: cp(post.finalizedCheckpoint),
      unrealizedJustifiedCheckpoint: cp(pulledUp.currentJustifiedCheckpoint),
      unrealizedFinalizedCheckpoint: cp(pulledUp.finalizedCheckpoint),
    });
    this.states.set(root, post);
    this.blocks.set(root, signed);
    this.headers.set(root, {
      message: {
        slot: block.slot,
        proposerIndex: block.proposerIndex,
        parentRoot: block.parentRoot,
        stateRoot: block.stateRoot,
        bodyRoot,
      },
      signature: signed.signature,
    });
    this.byStateRoot.set(toRootHex(block.stateRoot), root);
    this.blocksImported++;
    for (const att of block.body.attestations) {
      try {
        // already verified by the state transition
        this.vote(att, this.checkAttestation(att, false).attestingIndices, true);
      } catch {
        // an included attestation the fork choice cannot use (e.g. for a pruned branch) still counted in the state
      }
    }
    for (const slashing of block.body.attesterSlashings) this.applyAttesterSlashing(slashing);
    this.opPool.onBlock(block.body);
    if (store) {
      this.opts.db?.putBlock({
        root: fromRootHex(root),
        slot: block.slot,
        parentRoot: block.parentRoot,
        ssz: ssz ?? cfg.types.SignedBeaconBlock.serialize(signed),
      });
    }
    this.emit({ topic: "block", slot: block.slot, block: fromRootHex(root) });
  }

  /** Blocks held for `root` (their parent) are imported now that it is known. */
  private importHeldChildren(root: RootHex): void {
    const children = this.orphans.get(root);
    if (!children) return;
    this.orphans.delete(root);
    for (const child of children) {
      try {
        this.importBlock(child);
      } catch (e) {
        this.opts.logger?.warn({ err: e }, "held block rejected");
      }
    }
  }

  /**
   * A gossip attestation: committee and signature checked on its target state, pooled for block inclusion, and
   * counted by the fork choice (held until the next slot when it is from the current one, as on_attestation asks).
   */
  onAttestation(att: Attestation, verified?: IndexedAttestation): IndexedAttestation {
    // `verified`: gossip validation already checked committee and signature on the target state
    const indexed = verified ?? this.checkAttestation(att, true);
    this.pool.add(att);
    this.emit({ topic: "attestation", slot: att.data.slot, json: () => this.cfg.types.Attestation.toJson(att) });
    if (att.data.slot >= this.forkChoice.getCurrentSlot()) {
      this.earlyAttestations.push({ att, indices: indexed.attestingIndices });
    } else {
      this.vote(att, indexed.attestingIndices, false);
    }
    return indexed;
  }

  /** store_target_checkpoint_state: the target's block state advanced to the epoch start (null if unknown). */
  targetState(target: { epoch: number; root: RootHex }): BeaconState | null {
    return this.checkpointStates.get(target);
  }

  /** The attesting indices of `att` from its target checkpoint state; the aggregate signature checked if asked. */
  private checkAttestation(att: Attestation, verify: boolean): IndexedAttestation {
    const target = { epoch: att.data.target.epoch, root: toRootHex(att.data.target.root) };
    const targetState = this.checkpointStates.get(target);
    if (!targetState) throw new ChainError("NO_STATE", `unknown attestation target ${target.epoch}/${target.root}`);
    if (verify) this.checkAttestationShape(targetState, att);
    const indexed = getIndexedAttestation(this.cfg, targetState, att);
    if (verify && this.verifySignatures && !isValidIndexedAttestation(this.cfg, targetState, indexed)) {
      throw new ChainError("INVALID_ATTESTATION", `attestation for slot ${att.data.slot} has an invalid signature`);
    }
    return indexed;
  }

  /**
   * process_attestation's committee checks, which gossip applies too (p2p-interface.md beacon_attestation): the
   * target epoch is the slot's, the committee index exists, and the bitfield has the committee's length.
   */
  private checkAttestationShape(targetState: BeaconState, att: Attestation): void {
    const data = att.data;
    const invalid = (why: string) => new ChainError("INVALID_ATTESTATION", `attestation for slot ${data.slot}: ${why}`);
    if (data.target.epoch !== computeEpochAtSlot(this.cfg, data.slot)) {
      throw invalid(`target epoch ${data.target.epoch} is not the epoch of its slot`);
    }
    const count = getCommitteeCountPerSlot(this.cfg, targetState, data.target.epoch);
    if (data.index >= count) throw invalid(`committee index ${data.index} >= ${count} committees per slot`);
    const size = getBeaconCommittee(this.cfg, targetState, data.slot, data.index).length;
    if (att.aggregationBits.bitLen !== size) {
      throw invalid(
        `aggregation_bits has ${att.aggregationBits.bitLen} bits, committee ${data.index} has ${size} members`,
      );
    }
  }

  /** on_attestation's fork-choice part: validate_on_attestation, then update_latest_messages. */
  private vote(att: Attestation, indices: number[], isFromBlock: boolean): void {
    const data = att.data;
    const target = { epoch: data.target.epoch, root: toRootHex(data.target.root) };
    const beaconBlockRoot = toRootHex(data.beaconBlockRoot);
    this.forkChoice.validateOnAttestation({ slot: data.slot, beaconBlockRoot, target }, isFromBlock);
    this.forkChoice.updateLatestMessages(indices, beaconBlockRoot, target.epoch);
  }

  /** on_attester_slashing: checked, pooled for inclusion, and the equivocators' weight removed from the fork choice. */
  onAttesterSlashing(slashing: AttesterSlashing): void {
    const a1 = slashing.attestation1;
    const a2 = slashing.attestation2;
    if (!isSlashableAttestationData(this.cfg, a1.data, a2.data)) {
      throw new ChainError("INVALID_SLASHING", "attester slashing: the two attestations are not slashable together");
    }
    const state = this.headState();
    if (
      this.verifySignatures &&
      (!isValidIndexedAttestation(this.cfg, state, a1) || !isValidIndexedAttestation(this.cfg, state, a2))
    ) {
      throw new ChainError("INVALID_SLASHING", "attester slashing: an attestation has an invalid signature");
    }
    this.applyAttesterSlashing(slashing);
    // signatures were checked above; the pool runs process_attester_slashing's other checks
    this.admit("INVALID_SLASHING", "attester slashing", (state) =>
      this.opPool.addAttesterSlashing(state, slashing, false),
    );
  }

  private applyAttesterSlashing(slashing: AttesterSlashing): void {
    const second = new Set(slashing.attestation2.attestingIndices);
    this.forkChoice.addEquivocatingIndices(slashing.attestation1.attestingIndices.filter((i) => second.has(i)));
  }

  /** A proposer slashing from gossip, the API or the local detector: pooled if process_proposer_slashing passes. */
  onProposerSlashing(slashing: ProposerSlashing): void {
    this.admit("INVALID_SLASHING", "proposer slashing", (state) =>
      this.opPool.addProposerSlashing(state, slashing, this.verifySignatures),
    );
  }

  /** A voluntary exit from gossip or the API: pooled if process_voluntary_exit passes. */
  onVoluntaryExit(exit: SignedVoluntaryExit): void {
    this.admit("INVALID_VOLUNTARY_EXIT", "voluntary exit", (state) =>
      this.opPool.addVoluntaryExit(state, exit, this.verifySignatures),
    );
  }

  /** Runs a pool admission on the head state advanced to the current slot; its rule failure becomes a ChainError. */
  private admit(code: "INVALID_SLASHING" | "INVALID_VOLUNTARY_EXIT", what: string, add: (s: BeaconState) => void) {
    const state = this.headStateAtSlot(Math.max(this.headState().slot, this.forkChoice.getCurrentSlot()));
    try {
      add(state);
    } catch (e) {
      throw new ChainError(code, `${what} rejected: ${(e as Error).message}`);
    }
  }

  /**
   * The root of the head chain's block at `slot` (the latest block at or before it), as get_block_root_at_slot on
   * the head state gives it; the head itself for slots at or after the head, the genesis block for slots below 0.
   */
  blockRootAtSlot(slot: number): Uint8Array {
    const state = this.headState();
    if (slot < 0) return fromRootHex(this.genesisRoot);
    if (slot >= state.slot) return fromRootHex(this.headRoot);
    if (slot + this.cfg.SLOTS_PER_HISTORICAL_ROOT >= state.slot) return getBlockRootAtSlot(this.cfg, state, slot);
    const found = this.canonicalStateAtSlot(slot);
    return found ? fromRootHex(found.blockRoot) : fromRootHex(this.genesisRoot);
  }

  /**
   * The beacon-APIs duty dependent roots of epoch `epoch` on the head chain: the block root at the last slot before
   * epoch - 1 (attester duties of `epoch`, "previous" in head events) and before `epoch` (proposer duties of `epoch`,
   * "current"), the genesis block root on underflow.
   */
  dutyDependentRoots(epoch: number): { previous: Uint8Array; current: Uint8Array } {
    const start = (e: number) => computeStartSlotAtEpoch(this.cfg, e);
    return {
      previous: epoch > 0 ? this.blockRootAtSlot(start(epoch - 1) - 1) : fromRootHex(this.genesisRoot),
      current: this.blockRootAtSlot(start(epoch) - 1),
    };
  }

  /** get_head; emits head and finalized_checkpoint events, persists and prunes at finality. */
  updateHead(): RootHex {
    const previous = this.headRoot;
    const head = this.forkChoice.getHead();
    this.headRoot = head;
    if (head !== previous) {
      const state = this.states.get(head)!;
      const epochOf = (slot: number) => Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
      const prevState = this.states.get(previous);
      const dependent = this.dutyDependentRoots(epochOf(state.slot));
      this.emit({
        topic: "head",
        slot: state.slot,
        block: fromRootHex(head),
        state: this.headers.get(head)!.message.stateRoot,
        epochTransition: prevState ? epochOf(prevState.slot) !== epochOf(state.slot) : false,
        previousDutyDependentRoot: dependent.previous,
        currentDutyDependentRoot: dependent.current,
      });
    }
    const finalized = this.forkChoice.finalizedCheckpoint;
    if (finalized.epoch > this.lastFinalizedEpoch) {
      this.lastFinalizedEpoch = finalized.epoch;
      this.onFinalized(finalized);
    }
    this.prepareNextShuffling();
    return head;
  }

  private onFinalized(finalized: { epoch: number; root: RootHex }): void {
    const state = this.states.get(finalized.root);
    this.emit({
      topic: "finalized_checkpoint",
      block: fromRootHex(finalized.root),
      state: this.headers.get(finalized.root)?.message.stateRoot ?? new Uint8Array(32),
      epoch: finalized.epoch,
    });
    if (!state) return;
    const db = this.opts.db;
    if (db) {
      db.transaction(() => {
        db.putState(fromRootHex(finalized.root), state.slot, this.cfg.types.BeaconState.serialize(state));
        db.putMeta(META_FINALIZED, fromRootHex(finalized.root));
        db.putMeta(META_FINALIZED_EPOCH, encodeEpoch(finalized.epoch));
      });
      db.pruneStatesBefore(state.slot, fromRootHex(this.genesisRoot));
    }
    // Keep states of the finalized block and its descendants only; blocks stay in the database.
    for (const [root, s] of this.states) {
      if (s.slot < state.slot && root !== this.genesisRoot) {
        this.states.delete(root);
        this.blocks.delete(root);
      }
    }
    this.checkpointStates.pruneBefore(this.forkChoice.justifiedCheckpoint.epoch - 1);
  }
}
