// The deposit follower: reads the deposit contract's logs from an eth1 endpoint, `ETH1_FOLLOW_DISTANCE` blocks behind
// its head, checks them (consecutive indices, the contract's own root and count), keeps the deposit tree and stores
// everything block production and eth1 voting need (modelled on Lodestar's beacon-node/src/eth1).
import type { Logger } from "pino";
import type { Bls } from "../../sdk/crypto/bls/index.js";
import { DepositTree, type DepositTreeSnapshot } from "../../sdk/deposit-tree/index.js";
import { AdaptiveBlockRange } from "./adaptiveBlockRange.js";
import { type DepositDataValue, type DepositEvent, parseDepositLog, type RawLog } from "./depositLog.js";
import { depositOutcomes } from "./depositOutcomes.js";
import { type DepositSignatureVerifier, depositDomain, inThreadSignatureVerifier } from "./depositSignatures.js";
import { FollowerError, type FollowerErrorCode } from "./errors.js";
import type { Eth1BlockHeader, Eth1Provider } from "./eth1Provider.js";
import {
  type Eth1Block,
  type Eth1DataValue,
  type Eth1VoteConfig,
  type Eth1VoteState,
  getEth1Vote,
  votingPeriodStartTime,
} from "./eth1Vote.js";
import { findForkPoint } from "./findForkPoint.js";
import type { Cursor, DepositOutcome, FollowerStore, StoredDeposit, StoredEth1Block } from "./followerStore.js";
import { equalBytes, fromHex, toHex } from "./hex.js";
import { newDeposits } from "./newDeposits.js";
import { type DepositRegistryView, StoreRegistryView } from "./registryView.js";

export interface DepositFollowerOptions {
  provider: Eth1Provider;
  store: FollowerStore;
  bls: Bls;
  /**
   * Checks the proofs of possession. Default: on this thread with `bls`. Pass a DepositSignaturePool to use every
   * core (its owner closes it).
   */
  signatureVerifier?: DepositSignatureVerifier;
  /** Deposits are signed over the genesis fork version (compute_domain(DOMAIN_DEPOSIT, GENESIS_FORK_VERSION)). */
  genesisForkVersion: Uint8Array;
  /** Block the deposit contract was deployed in: nothing before it is read. */
  depositContractDeployBlock: number;
  /** ETH1_FOLLOW_DISTANCE: blocks newer than head - followDistance are never used (BTC20: 2048, as Ethereum). */
  followDistance: number;
  /** eth_getLogs span bounds (default 1..10,000 blocks, starting at 1,000). */
  logsBlockRange?: { min: number; max: number; initial?: number };
  /**
   * Within this many blocks of the followed block, the eth1 data of every block is stored (the eth1 voting candidates
   * come from there); further back only blocks with deposits and batch ends. Default 2 * followDistance + 64.
   */
  denseEth1DataBlocks?: number;
  /** Compare the local root and count with get_deposit_root()/get_deposit_count() after each batch (default true). */
  checkContractState?: boolean;
  logger?: Logger;
  /** Minimum time between progress log lines while catching up (default 5 s). */
  progressIntervalMs?: number;
}

export interface SyncStepResult {
  headBlock: number;
  /** Last block processed (the cursor). */
  followedBlock: number;
  newDeposits: number;
  caughtUp: boolean;
  reorg: boolean;
}

/** A deposit as block production puts it in a block (phase0 `Deposit`). */
export interface DepositWithProof {
  proof: Uint8Array[];
  data: DepositDataValue;
}

/** Errors after which following must stop until an operator looks (everything else is retried). */
const HALTING: ReadonlySet<FollowerErrorCode> = new Set<FollowerErrorCode>([
  "DEPOSIT_INDEX_GAP",
  "DEPOSIT_CONFLICT",
  "DEPOSIT_ROOT_MISMATCH",
  "DEPOSIT_COUNT_MISMATCH",
  "MALFORMED_DEPOSIT_LOG",
  "WRONG_CHAIN_ID",
  "REORG_BELOW_FINALIZED",
  "STORE_MISMATCH",
]);

export function isHaltingError(error: unknown): boolean {
  return error instanceof FollowerError && HALTING.has(error.code);
}

const HEADER_FETCH_PARALLELISM = 8;

/** A block range's logs being read, and the signature checks started on them (by deposit data root, hex). */
interface ReadAhead {
  from: number;
  to: number;
  logs: Promise<RawLog[]>;
  checksAhead: Map<string, Promise<boolean>>;
  /** The logs parsed when they arrived (parsing is deterministic: the step reuses them rather than parse twice). */
  parsed?: { logs: RawLog[]; events: DepositEvent[] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DepositFollower {
  readonly registry: DepositRegistryView;
  private readonly provider: Eth1Provider;
  private readonly store: FollowerStore;
  private readonly tree: DepositTree;
  private readonly range: AdaptiveBlockRange;
  private readonly domain: Uint8Array;
  private readonly denseBlocks: number;
  private readonly logger: Logger | undefined;
  private lastHead = 0;
  private lastStep: Promise<unknown> = Promise.resolve();
  private readonly verifier: DepositSignatureVerifier;
  /**
   * The next block range's eth_getLogs, started while the current batch is processed (overlaps I/O with CPU), and
   * the proof-of-possession checks of its deposits, started as soon as they arrive (see checkAhead).
   */
  private prefetched: ReadAhead | null = null;
  private lastProgressLog = 0;
  private running: Promise<void> | null = null;
  private stopRequested = false;
  /** The error that stopped `start()`'s loop, if any. */
  haltedWith: FollowerError | null = null;

  constructor(private readonly options: DepositFollowerOptions) {
    this.provider = options.provider;
    this.store = options.store;
    this.logger = options.logger;
    const r = options.logsBlockRange ?? { min: 1, max: 10_000, initial: 1_000 };
    this.range = new AdaptiveBlockRange(r.min, r.max, r.initial ?? r.max);
    this.domain = depositDomain(options.genesisForkVersion);
    this.verifier = options.signatureVerifier ?? inThreadSignatureVerifier(options.bls, this.domain);
    this.denseBlocks = options.denseEth1DataBlocks ?? 2 * options.followDistance + 64;
    this.tree = this.loadTree();
    this.registry = new StoreRegistryView(this.store);
  }

  /** Rebuild the tree from the stored snapshot and the stored leaves after it, and check it against the cursor. */
  private loadTree(): DepositTree {
    const snapshot = this.store.getSnapshot();
    const tree = snapshot ? DepositTree.fromSnapshot(snapshot) : DepositTree.empty();
    for (const leaf of this.store.leavesFrom(tree.depositCount)) tree.push(leaf);
    const expected = this.store.nextDepositIndex();
    if (tree.depositCount !== expected) {
      throw new FollowerError(
        "STORE_MISMATCH",
        `stored deposits end at ${expected} but are not consecutive (tree has ${tree.depositCount})`,
      );
    }
    const cursor = this.store.getCursor();
    const atCursor = cursor ? this.store.eth1BlocksDescending(cursor.blockNumber, 1)[0] : undefined;
    if (atCursor && atCursor.blockNumber === cursor?.blockNumber) {
      if (atCursor.depositCount !== tree.depositCount || !equalBytes(atCursor.depositRoot, tree.getRoot())) {
        throw new FollowerError(
          "STORE_MISMATCH",
          `stored tree does not give the eth1 data stored for block ${atCursor.blockNumber}`,
        );
      }
    }
    return tree;
  }

  get depositCount(): number {
    return this.tree.depositCount;
  }

  get cursor(): Cursor | null {
    return this.store.getCursor();
  }

  status(): { followedBlock: number; headBlock: number; depositsProcessed: number } {
    return {
      followedBlock: this.store.getCursor()?.blockNumber ?? -1,
      headBlock: this.lastHead,
      depositsProcessed: this.tree.depositCount,
    };
  }

  /** The current deposit root (count mixed in). */
  depositRoot(): Uint8Array {
    return this.tree.getRoot();
  }

  /**
   * One step: check the cursor block is still canonical (else roll back to the fork point), then read, check and
   * store the deposit logs of the next block range up to head - followDistance. Steps never overlap: a call made
   * while one runs waits for it.
   */
  syncStep(): Promise<SyncStepResult> {
    const step = this.lastStep.then(() => this.step());
    this.lastStep = step.catch(() => undefined);
    return step;
  }

  private async step(): Promise<SyncStepResult> {
    const cursor = this.store.getCursor() ?? {
      blockNumber: this.options.depositContractDeployBlock - 1,
      blockHash: "",
    };
    const [head, cursorHeader] = await Promise.all([
      this.provider.getBlockNumber(),
      cursor.blockHash === "" ? null : this.provider.getBlockByNumber(cursor.blockNumber),
    ]);
    this.lastHead = head;
    const target = head - this.options.followDistance;
    const result = (followed: number, newDeposits: number, reorg = false): SyncStepResult => ({
      headBlock: head,
      followedBlock: followed,
      newDeposits,
      caughtUp: followed >= target,
      reorg,
    });

    // (a cursor above the head means a lagging endpoint, not a reorg: wait for it)
    if (cursor.blockHash !== "" && cursor.blockNumber <= head && cursorHeader?.hash !== cursor.blockHash) {
      this.prefetched = null;
      const forkPoint = await this.rollbackToForkPoint(cursor);
      return result(forkPoint.blockNumber, 0, true);
    }
    if (target <= cursor.blockNumber) return result(cursor.blockNumber, 0);

    const from = cursor.blockNumber + 1;
    const to = Math.min(target, from + this.range.size - 1);
    let logs: RawLog[];
    const read = this.readLogs(from, to);
    try {
      logs = await read.logs;
    } catch (error) {
      if (error instanceof FollowerError && (error.code === "RPC_RANGE_TOO_LARGE" || error.code === "RPC_TIMEOUT")) {
        const shrunk = this.range.shrink();
        this.logger?.warn(
          { from, to, code: error.code, nextRange: this.range.size },
          "eth_getLogs range refused; shrinking",
        );
        if (shrunk) return result(cursor.blockNumber, 0);
      }
      throw error;
    }
    this.range.success();
    if (to < target) this.prefetch(to + 1, Math.min(target, to + this.range.size));
    if (logs.some((log) => log.removed === true)) {
      // The endpoint is mid-reorg: store nothing from this answer; the next step re-checks the cursor.
      this.logger?.warn({ from, to }, "eth_getLogs returned removed logs; re-reading");
      return result(cursor.blockNumber, 0, true);
    }
    // Strict parsing: one malformed log throws before anything of the batch is stored.
    const parsed = read.parsed?.logs === logs ? read.parsed.events : logs.map(parseDepositLog);
    const events = [...parsed].sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
    const fresh = newDeposits(events, this.tree);
    // Signature checks start now (on the pool's workers, if any) and run while headers and the contract state are
    // fetched; the store is asked which keys have validators now, and nothing is written before they finish.
    const outcomesChecked = this.outcomesOf(fresh, read.checksAhead);
    outcomesChecked.catch(() => {}); // awaited below unless the step stops early

    const headers = await this.fetchHeaders(this.blocksToRecord(fresh, from, to, target));
    for (const e of fresh) {
      if (headers.get(e.blockNumber)?.hash !== e.blockHash) {
        this.logger?.warn(
          { block: e.blockNumber, index: e.index },
          "deposit log from a block no longer canonical; re-reading",
        );
        return result(cursor.blockNumber, 0, true);
      }
    }
    const toHeader = headers.get(to)!;

    // The new root and the eth1 data of each block come from the tree with the batch pushed; the tree then goes back
    // until the database has the batch, so that readers (block production, finalization) between two awaits always
    // see the tree and the database agree.
    const countBefore = this.tree.depositCount;
    for (const e of fresh) this.tree.push(e.depositDataRoot);
    const local = { depositRoot: this.tree.getRoot(), depositCount: this.tree.depositCount };
    const blocks = this.eth1DataOf([...headers.values()], fresh, countBefore);
    this.tree.rollback(countBefore);

    if (this.options.checkContractState !== false) await this.checkContractState(toHeader, local);
    const outcomes = await outcomesChecked;
    const deposits: StoredDeposit[] = fresh.map((e, i) => ({ ...e, outcome: outcomes[i] }));
    for (const d of deposits) {
      if (d.outcome === "invalid_signature") {
        this.logger?.warn(
          {
            index: d.index,
            block: d.blockNumber,
            pubkey: toHex(d.depositData.pubkey),
            amountGwei: d.depositData.amount,
          },
          "deposit with an invalid proof of possession: skipped, as process_deposit will",
        );
      }
    }
    // One transaction, then the same leaves into the tree (no await in between).
    this.store.writeBatch({ deposits, blocks, cursor: { blockNumber: to, blockHash: toHeader.hash } });
    for (const e of fresh) this.tree.push(e.depositDataRoot);
    this.logProgress(to, target, head, fresh.length);
    return result(to, fresh.length);
  }

  /** Steps until the followed block reaches head - followDistance. Throws on any error. */
  async syncToHead(): Promise<SyncStepResult> {
    for (;;) {
      const step = await this.syncStep();
      if (step.caughtUp && !step.reorg) return step;
    }
  }

  /**
   * Follow in the background: sync, then poll every `pollIntervalMs`. Transient errors (endpoints down) are logged
   * and retried; halting errors (gap, conflict, root mismatch, malformed log, wrong chain) stop the loop and are kept
   * in `haltedWith`.
   */
  start(pollIntervalMs = 12_000): void {
    if (this.running) return;
    this.stopRequested = false;
    this.running = (async () => {
      while (!this.stopRequested) {
        try {
          const step = await this.syncStep();
          if (step.caughtUp) await sleep(pollIntervalMs);
        } catch (error) {
          if (isHaltingError(error)) {
            this.haltedWith = error as FollowerError;
            this.logger?.fatal({ code: (error as FollowerError).code, err: error }, "deposit follower halted");
            return;
          }
          this.logger?.warn({ err: error }, "deposit follower step failed; retrying");
          await sleep(pollIntervalMs);
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.running;
    this.running = null;
  }

  /**
   * The deposits a block built on a state must include (phase0 process_operations: exactly
   * min(MAX_DEPOSITS, eth1_data.deposit_count - eth1_deposit_index)), each with its proof against
   * `eth1Data.depositRoot`. Refuses eth1 data whose root the local tree does not reproduce.
   */
  getDepositsForBlock(eth1Data: Eth1DataValue, eth1DepositIndex: number, maxDeposits: number): DepositWithProof[] {
    const count = Math.min(maxDeposits, eth1Data.depositCount - eth1DepositIndex);
    if (count <= 0) return [];
    if (eth1Data.depositCount > this.tree.depositCount) {
      throw new FollowerError(
        "UNKNOWN_ETH1_DATA",
        `eth1 data has ${eth1Data.depositCount} deposits, the follower has read ${this.tree.depositCount}`,
      );
    }
    const root = this.tree.getRootAt(eth1Data.depositCount);
    if (!equalBytes(root, eth1Data.depositRoot)) {
      throw new FollowerError(
        "DEPOSIT_ROOT_MISMATCH",
        `eth1 data root ${toHex(eth1Data.depositRoot)} at count ${eth1Data.depositCount}; local tree gives ${toHex(root)}`,
      );
    }
    return this.store.getDeposits(eth1DepositIndex, eth1DepositIndex + count).map((d) => ({
      proof: this.tree.getProof(d.index, eth1Data.depositCount).branch,
      data: d.depositData,
    }));
  }

  /** The eth1 blocks (with their eth1 data) stored with timestamps in [fromTime, toTime], ascending. */
  getEth1Blocks(fromTime: number, toTime: number): Eth1Block[] {
    return this.store.getEth1Blocks(fromTime, toTime).map((b) => ({
      blockNumber: b.blockNumber,
      timestamp: b.timestamp,
      blockHash: fromHex(b.blockHash),
      depositRoot: b.depositRoot,
      depositCount: b.depositCount,
    }));
  }

  /** get_eth1_vote for a state, over the candidate blocks the follower has stored. */
  getEth1Vote(cfg: Eth1VoteConfig, state: Eth1VoteState): Eth1DataValue {
    const periodStart = votingPeriodStartTime(cfg, state);
    const follow = cfg.SECONDS_PER_ETH1_BLOCK * cfg.ETH1_FOLLOW_DISTANCE;
    return getEth1Vote(cfg, state, this.getEth1Blocks(periodStart - 2 * follow, periodStart - follow));
  }

  /**
   * EIP-4881 finalization with a finalized state's eth1 data: once that state has processed every deposit its eth1
   * data counts (eth1DepositIndex >= depositCount), no block will need proofs below it, so the tree is pruned into a
   * snapshot and the old deposits are deleted. Returns false (and changes nothing) when it is not yet safe, or when
   * the eth1 block is unknown to this database (logged).
   */
  finalize(eth1Data: Eth1DataValue, eth1DepositIndex: number): boolean {
    if (eth1DepositIndex < eth1Data.depositCount || eth1Data.depositCount <= this.tree.finalizedCount) return false;
    const block = this.store.getEth1BlockByHash(toHex(eth1Data.blockHash));
    if (block === null) {
      // Not an error of the chain: this database never recorded that block (e.g. the node started from a state file).
      // Pruning waits for a later finalization whose block it has.
      this.logger?.warn(
        { blockHash: toHex(eth1Data.blockHash), depositCount: eth1Data.depositCount },
        "finalized eth1 block is not in the follower's database; deposit tree not pruned this time",
      );
      return false;
    }
    this.tree.finalize(eth1Data, block.blockNumber);
    this.store.saveSnapshot(this.tree.getSnapshot(), true);
    this.logger?.info(
      { depositCount: eth1Data.depositCount, block: block.blockNumber },
      "deposit tree finalized and pruned",
    );
    return true;
  }

  /** The EIP-4881 snapshot of the finalized part of the tree, or null before any finalization. */
  getSnapshot(): DepositTreeSnapshot | null {
    return this.tree.finalizedCount > 0 || this.store.getSnapshot() ? this.tree.getSnapshot() : null;
  }

  /**
   * Start a fresh database from an EIP-4881 snapshot (checkpoint sync): following resumes at the snapshot's block,
   * whose hash the endpoint must confirm. `validatorPubkeys` are the keys of the state the snapshot comes with (a
   * later deposit for one of them is a top-up, credited without a signature check, as process_deposit does).
   */
  static async initFromSnapshot(
    store: FollowerStore,
    provider: Eth1Provider,
    snapshot: DepositTreeSnapshot,
    validatorPubkeys: Iterable<Uint8Array> = [],
  ): Promise<void> {
    DepositTree.fromSnapshot(snapshot); // validates the roots
    const header = await provider.getBlockByNumber(snapshot.executionBlockHeight);
    if (header === null || header.hash !== toHex(snapshot.executionBlockHash)) {
      throw new FollowerError(
        "STORE_MISMATCH",
        `snapshot block ${snapshot.executionBlockHeight} is ${toHex(snapshot.executionBlockHash)}, endpoint has ${header?.hash ?? "none"}`,
      );
    }
    store.initFromSnapshot(snapshot, header.hash, validatorPubkeys);
  }

  /** The logs of [from, to]: the prefetched answer when it is for exactly that range, else a fresh request. */
  private readLogs(from: number, to: number): ReadAhead {
    const pre = this.prefetched;
    this.prefetched = null;
    if (pre && pre.from === from && pre.to === to) return pre;
    return { from, to, logs: this.provider.getDepositLogs(from, to), checksAhead: new Map() };
  }

  private prefetch(from: number, to: number): void {
    const ahead: ReadAhead = { from, to, logs: this.provider.getDepositLogs(from, to), checksAhead: new Map() };
    // A failure surfaces when (if) the step that needs these logs awaits them.
    ahead.logs.then((raw) => this.checkAhead(raw, ahead)).catch(() => {});
    this.prefetched = ahead;
  }

  /**
   * Starts checking the signatures of read-ahead logs while the current batch is still being processed, so the
   * workers never wait for the main thread. Only a cache: a signature's validity depends on the deposit data alone
   * (keyed here by its hash_tree_root), and the step that takes these logs still decides, in index order and
   * against the stored validators, which deposits need a check. Keys unknown now may turn out to be top-ups of a
   * validator created by the current batch; checking those is wasted work, never a wrong answer.
   */
  private checkAhead(raw: RawLog[], ahead: ReadAhead): void {
    if (raw.some((log) => log.removed === true)) return;
    let events: DepositEvent[];
    try {
      events = raw.map(parseDepositLog);
    } catch {
      return; // reported by the step that parses these logs
    }
    ahead.parsed = { logs: raw, events };
    const seen = new Set<string>();
    const toCheck: DepositEvent[] = [];
    for (const e of events) {
      const key = toHex(e.depositData.pubkey);
      if (seen.has(key) || this.store.validatorDepositIndex(e.depositData.pubkey) !== null) continue;
      seen.add(key);
      toCheck.push(e);
    }
    const results = this.verifier.verify(toCheck.map((e) => e.depositData));
    for (const [i, e] of toCheck.entries()) {
      const valid = results.then((r) => r[i]);
      valid.catch(() => {}); // a failed check ahead is redone by the step
      ahead.checksAhead.set(toHex(e.depositDataRoot), valid);
    }
  }

  /** process_deposit outcomes of a batch, using the checks started ahead where they succeeded. */
  private outcomesOf(fresh: DepositEvent[], checksAhead: Map<string, Promise<boolean>>): Promise<DepositOutcome[]> {
    const rootOf = new Map(fresh.map((e) => [e.depositData, toHex(e.depositDataRoot)]));
    return depositOutcomes(
      fresh.map((e) => e.depositData),
      (pubkey) => this.store.validatorDepositIndex(pubkey) !== null,
      async (list) => {
        const ahead = await Promise.all(list.map((d) => checksAhead.get(rootOf.get(d) ?? "")?.catch(() => undefined)));
        const missing = list.filter((_, i) => ahead[i] === undefined);
        const checked = missing.length > 0 ? await this.verifier.verify(missing) : [];
        let k = 0;
        return ahead.map((v) => v ?? checked[k++]);
      },
    );
  }

  /** Blocks whose eth1 data is kept: those with deposits, the batch end, and every block near the followed head. */
  private blocksToRecord(fresh: DepositEvent[], from: number, to: number, target: number): number[] {
    const blocks = new Set<number>(fresh.map((e) => e.blockNumber));
    blocks.add(to);
    for (let n = Math.max(from, target - this.denseBlocks); n <= to; n++) blocks.add(n);
    return [...blocks].sort((a, b) => a - b);
  }

  private async fetchHeaders(numbers: number[]): Promise<Map<number, Eth1BlockHeader>> {
    const headers = new Map<number, Eth1BlockHeader>();
    for (let i = 0; i < numbers.length; i += HEADER_FETCH_PARALLELISM) {
      const chunk = numbers.slice(i, i + HEADER_FETCH_PARALLELISM);
      const got = await Promise.all(chunk.map((n) => this.provider.getBlockByNumber(n)));
      for (const [k, header] of got.entries()) {
        if (header === null) throw new FollowerError("RPC_BAD_RESPONSE", `endpoint has no block ${chunk[k]}`);
        headers.set(chunk[k], header);
      }
    }
    return headers;
  }

  /** Eth1 data (block hash, deposit root, deposit count) of each recorded block, from the tree at that count. */
  private eth1DataOf(headers: Eth1BlockHeader[], fresh: DepositEvent[], countBefore: number): StoredEth1Block[] {
    let k = 0;
    return headers
      .sort((a, b) => a.number - b.number)
      .map((h) => {
        while (k < fresh.length && fresh[k].blockNumber <= h.number) k++;
        const depositCount = countBefore + k;
        return {
          blockNumber: h.number,
          blockHash: h.hash,
          timestamp: h.timestamp,
          depositCount,
          depositRoot: this.tree.getRootAt(depositCount),
        };
      });
  }

  /** get_deposit_root()/get_deposit_count() at the batch's last block must equal the local values (else halt). */
  private async checkContractState(
    header: Eth1BlockHeader,
    local: { depositRoot: Uint8Array; depositCount: number },
  ): Promise<void> {
    const onChain = await this.provider.getDepositContractState(header.number);
    if (onChain === null) {
      // The endpoint keeps no state that old (pruned node): the check is skipped for this batch.
      this.logger?.debug({ block: header.number }, "contract state unavailable at block; root check skipped");
      return;
    }
    const countDiffers = onChain.depositCount !== local.depositCount;
    if (!countDiffers && equalBytes(onChain.depositRoot, local.depositRoot)) return;
    // A reorg between reading the logs and the call would also differ: only halt if the block is still canonical.
    const again = await this.provider.getBlockByNumber(header.number);
    if (again?.hash !== header.hash)
      throw new FollowerError("RPC_BAD_RESPONSE", `block ${header.number} changed during the batch`);
    if (countDiffers) {
      throw new FollowerError(
        "DEPOSIT_COUNT_MISMATCH",
        `block ${header.number}: contract has ${onChain.depositCount} deposits, the follower read ${local.depositCount}`,
      );
    }
    throw new FollowerError(
      "DEPOSIT_ROOT_MISMATCH",
      `block ${header.number} (${local.depositCount} deposits): contract root ${toHex(onChain.depositRoot)}, local root ${toHex(local.depositRoot)}`,
    );
  }

  /**
   * The cursor block left the canonical chain: find the newest stored block that is still canonical, drop every
   * deposit and block after it (database and tree together) and continue from there.
   */
  private async rollbackToForkPoint(cursor: Cursor): Promise<Cursor> {
    this.prefetched = null;
    const forkPoint = await findForkPoint(this.provider, this.store, cursor, this.options.depositContractDeployBlock);
    const depositCount = Math.max(this.tree.finalizedCount, this.store.depositCountAtBlock(forkPoint.blockNumber));
    this.store.rollback(forkPoint, depositCount);
    this.tree.rollback(depositCount);
    this.logger?.warn(
      { from: cursor.blockNumber, to: forkPoint.blockNumber, depositCount },
      "eth1 reorg below the follow distance: rolled back to the fork point",
    );
    return forkPoint;
  }

  private logProgress(block: number, target: number, head: number, newDeposits: number): void {
    const now = Date.now();
    const interval = this.options.progressIntervalMs ?? 5_000;
    if (block < target && now - this.lastProgressLog < interval) return;
    this.lastProgressLog = now;
    this.logger?.info(
      {
        block,
        target,
        head,
        behind: target - block,
        deposits: this.tree.depositCount,
        newDeposits,
        logsRange: this.range.size,
      },
      block >= target ? "deposit follower caught up" : "deposit follower catching up",
    );
  }
}
