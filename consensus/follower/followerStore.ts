// The follower's database: Node 22's built-in SQLite (`node:sqlite`), one file under the data directory.
//
// Why SQLite through node:sqlite: real SQL transactions (every batch of logs, the tree's new leaves, the eth1 data
// and the cursor commit together or not at all), WAL journaling (readers never block the writer, a killed process
// leaves the last committed transaction intact), indexed queries by pubkey and block, and nothing native to download
// at install time. Because a batch and the cursor that says "read up to here" are one transaction, a kill at any
// instant leaves either the state before the batch or after it; on restart the follower re-reads from the stored
// cursor, so no deposit is lost or stored twice.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { type DepositTreeSnapshot, depositTreeSnapshotType } from "../../sdk/deposit-tree/index.js";
import { openSqliteDatabase } from "../storage/openSqliteDatabase.js";
import type { DepositEvent } from "./depositLog.js";
import { FollowerError } from "./errors.js";

export const FOLLOWER_DB_FILE = "follower.sqlite";

/** What process_deposit does with a deposit (phase0 beacon-chain.md, "Deposits"). */
export type DepositOutcome = "new_validator" | "top_up" | "invalid_signature";

/** A deposit log as read from the chain, with what processing it did. */
export interface StoredDeposit extends DepositEvent {
  outcome: DepositOutcome;
}

export interface StoredEth1Block {
  blockNumber: number;
  blockHash: string;
  timestamp: number;
  depositCount: number;
  depositRoot: Uint8Array;
}

export interface Cursor {
  blockNumber: number;
  blockHash: string;
}

export interface SyncBatch {
  deposits: StoredDeposit[];
  blocks: StoredEth1Block[];
  cursor: Cursor;
}

type Row = Record<string, unknown>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deposits (
  idx INTEGER PRIMARY KEY,
  block_number INTEGER NOT NULL,
  block_hash TEXT NOT NULL,
  tx_hash TEXT NOT NULL,
  log_index INTEGER NOT NULL,
  pubkey BLOB NOT NULL,
  withdrawal_credentials BLOB NOT NULL,
  amount INTEGER NOT NULL,
  signature BLOB NOT NULL,
  data_root BLOB NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deposits_pubkey ON deposits (pubkey);
CREATE TABLE IF NOT EXISTS validators (pubkey BLOB PRIMARY KEY, deposit_index INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS invalid_deposits (
  idx INTEGER PRIMARY KEY, pubkey BLOB NOT NULL, block_number INTEGER NOT NULL, amount INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS eth1_blocks (
  number INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  deposit_count INTEGER NOT NULL,
  deposit_root BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS eth1_blocks_timestamp ON eth1_blocks (timestamp);
CREATE INDEX IF NOT EXISTS eth1_blocks_hash ON eth1_blocks (hash);
`;

export class FollowerStore {
  readonly db: DatabaseSync;
  private readonly insertDeposit: StatementSync;
  private readonly insertValidator: StatementSync;
  private readonly insertInvalid: StatementSync;
  private readonly upsertBlock: StatementSync;
  private readonly setMetaStmt: StatementSync;
  private readonly selectValidator: StatementSync;

  private constructor(file: string) {
    // WAL: commits append to the log; a crash mid-write leaves the last committed transaction readable.
    // synchronous=NORMAL keeps that guarantee for process kills (power loss may lose the newest commits, which
    // the follower simply re-reads from the chain).
    this.db = openSqliteDatabase(file, { synchronous: "NORMAL" });
    this.db.exec(SCHEMA);
    this.insertDeposit = this.db.prepare(
      `INSERT INTO deposits (idx, block_number, block_hash, tx_hash, log_index, pubkey, withdrawal_credentials, amount,
        signature, data_root, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertValidator = this.db.prepare("INSERT INTO validators (pubkey, deposit_index) VALUES (?, ?)");
    this.insertInvalid = this.db.prepare(
      "INSERT INTO invalid_deposits (idx, pubkey, block_number, amount) VALUES (?, ?, ?, ?)",
    );
    this.upsertBlock = this.db.prepare(
      `INSERT INTO eth1_blocks (number, hash, timestamp, deposit_count, deposit_root) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (number) DO UPDATE SET hash = excluded.hash, timestamp = excluded.timestamp,
       deposit_count = excluded.deposit_count, deposit_root = excluded.deposit_root`,
    );
    this.selectValidator = this.db.prepare("SELECT deposit_index FROM validators WHERE pubkey = ?");
    this.setMetaStmt = this.db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
  }

  /** Open (or create) `<dataDir>/follower.sqlite`; ":memory:" for a throwaway store. */
  static open(dataDir: string): FollowerStore {
    if (dataDir === ":memory:") return new FollowerStore(":memory:");
    mkdirSync(dataDir, { recursive: true });
    return new FollowerStore(path.join(dataDir, FOLLOWER_DB_FILE));
  }

  close(): void {
    this.db.close();
  }

  /** Binds the database to one chain and contract on first use; refuses another one later. */
  bindIdentity(chainId: number, depositContractAddress: string): void {
    const identity = `${chainId}:${depositContractAddress.toLowerCase()}`;
    const stored = this.getMeta("identity");
    if (stored === null) this.setMeta("identity", identity);
    else if (stored !== identity) {
      throw new FollowerError("STORE_MISMATCH", `database belongs to ${stored}, not ${identity}`);
    }
  }

  getCursor(): Cursor | null {
    const value = this.getMeta("cursor");
    return value === null ? null : (JSON.parse(value) as Cursor);
  }

  getSnapshot(): DepositTreeSnapshot | null {
    const value = this.getMeta("snapshot");
    return value === null ? null : depositTreeSnapshotType().fromJson(JSON.parse(value));
  }

  /** Next index to store: one past the highest stored deposit, or the snapshot's count. */
  nextDepositIndex(): number {
    const row = this.db.prepare("SELECT MAX(idx) AS m FROM deposits").get() as Row;
    if (row.m !== null) return Number(row.m) + 1;
    return this.getSnapshot()?.depositCount ?? 0;
  }

  /** deposit_data_roots from `fromIndex` on, in index order (to rebuild the tree on top of the snapshot). */
  *leavesFrom(fromIndex: number): Generator<Uint8Array> {
    for (const row of this.db
      .prepare("SELECT data_root FROM deposits WHERE idx >= ? ORDER BY idx")
      .iterate(fromIndex)) {
      yield (row as Row).data_root as Uint8Array;
    }
  }

  getDeposit(index: number): StoredDeposit | null {
    const row = this.db.prepare("SELECT * FROM deposits WHERE idx = ?").get(index) as Row | undefined;
    return row ? toDeposit(row) : null;
  }

  getDeposits(fromIndex: number, toIndexExclusive: number): StoredDeposit[] {
    return (
      this.db
        .prepare("SELECT * FROM deposits WHERE idx >= ? AND idx < ? ORDER BY idx")
        .all(fromIndex, toIndexExclusive) as Row[]
    ).map(toDeposit);
  }

  getDepositsByPubkey(pubkey: Uint8Array): StoredDeposit[] {
    return (this.db.prepare("SELECT * FROM deposits WHERE pubkey = ? ORDER BY idx").all(pubkey) as Row[]).map(
      toDeposit,
    );
  }

  /** The index of the deposit that created a validator for this key, or null (process_deposit's `pubkey in validator_pubkeys`). */
  validatorDepositIndex(pubkey: Uint8Array): number | null {
    const row = this.selectValidator.get(pubkey) as Row | undefined;
    return row ? Number(row.deposit_index) : null;
  }

  getInvalidDeposits(fromIndex = 0): { index: number; pubkey: Uint8Array; blockNumber: number; amount: number }[] {
    return (this.db.prepare("SELECT * FROM invalid_deposits WHERE idx >= ? ORDER BY idx").all(fromIndex) as Row[]).map(
      (r) => ({
        index: Number(r.idx),
        pubkey: r.pubkey as Uint8Array,
        blockNumber: Number(r.block_number),
        amount: Number(r.amount),
      }),
    );
  }

  getEth1Blocks(fromTimestamp: number, toTimestamp: number): StoredEth1Block[] {
    return (
      this.db
        .prepare("SELECT * FROM eth1_blocks WHERE timestamp >= ? AND timestamp <= ? ORDER BY number")
        .all(fromTimestamp, toTimestamp) as Row[]
    ).map(toBlock);
  }

  getEth1BlockByHash(hash: string): StoredEth1Block | null {
    const row = this.db.prepare("SELECT * FROM eth1_blocks WHERE hash = ?").get(hash.toLowerCase()) as Row | undefined;
    return row ? toBlock(row) : null;
  }

  /** Stored blocks at or below `blockNumber`, newest first (reorg fork-point search). */
  eth1BlocksDescending(blockNumber: number, limit: number): StoredEth1Block[] {
    return (
      this.db
        .prepare("SELECT * FROM eth1_blocks WHERE number <= ? ORDER BY number DESC LIMIT ?")
        .all(blockNumber, limit) as Row[]
    ).map(toBlock);
  }

  /** Number of stored deposits in blocks up to and including `blockNumber`, counting those pruned into the snapshot. */
  depositCountAtBlock(blockNumber: number): number {
    const row = this.db.prepare("SELECT MAX(idx) AS m FROM deposits WHERE block_number <= ?").get(blockNumber) as Row;
    if (row.m !== null) return Number(row.m) + 1;
    return this.getSnapshot()?.depositCount ?? 0;
  }

  /**
   * One batch in one transaction: new deposits (with their process_deposit outcome), new validators, invalid
   * deposits, the eth1 data of the blocks read, and the cursor.
   */
  writeBatch(batch: SyncBatch): void {
    this.transaction(() => {
      for (const d of batch.deposits) {
        const { pubkey, withdrawalCredentials, amount, signature } = d.depositData;
        this.insertDeposit.run(
          d.index,
          d.blockNumber,
          d.blockHash,
          d.transactionHash,
          d.logIndex,
          pubkey,
          withdrawalCredentials,
          amount,
          signature,
          d.depositDataRoot,
          d.outcome,
        );
        if (d.outcome === "new_validator") this.insertValidator.run(pubkey, d.index);
        else if (d.outcome === "invalid_signature") this.insertInvalid.run(d.index, pubkey, d.blockNumber, amount);
      }
      for (const b of batch.blocks) {
        this.upsertBlock.run(b.blockNumber, b.blockHash, b.timestamp, b.depositCount, b.depositRoot);
      }
      this.setMeta("cursor", JSON.stringify(batch.cursor));
    });
  }

  /** Undo everything after `cursor.blockNumber` (a reorg): deposits from `depositCount` on and later blocks. */
  rollback(cursor: Cursor, depositCount: number): void {
    this.transaction(() => {
      this.db.prepare("DELETE FROM deposits WHERE idx >= ?").run(depositCount);
      this.db.prepare("DELETE FROM validators WHERE deposit_index >= ?").run(depositCount);
      this.db.prepare("DELETE FROM invalid_deposits WHERE idx >= ?").run(depositCount);
      this.db.prepare("DELETE FROM eth1_blocks WHERE number > ?").run(cursor.blockNumber);
      this.setMeta("cursor", JSON.stringify(cursor));
    });
  }

  /**
   * Store a new EIP-4881 snapshot and drop what it replaces: deposits below its count (their leaves live on in the
   * snapshot's roots; the validators table keeps the keys for top-up handling) and eth1 blocks before its block.
   */
  saveSnapshot(snapshot: DepositTreeSnapshot, pruneDeposits: boolean): void {
    this.transaction(() => {
      this.setMeta("snapshot", JSON.stringify(depositTreeSnapshotType().toJson(snapshot)));
      if (pruneDeposits) {
        this.db.prepare("DELETE FROM deposits WHERE idx < ?").run(snapshot.depositCount);
        this.db.prepare("DELETE FROM eth1_blocks WHERE number < ?").run(snapshot.executionBlockHeight);
      }
    });
  }

  /**
   * A fresh store starting from a snapshot: its block becomes the cursor, and the keys that already have validators
   * (from the finalized state) are registered so their later deposits count as top-ups (deposit index -1: before
   * anything the store holds).
   */
  initFromSnapshot(
    snapshot: DepositTreeSnapshot,
    blockHash: string,
    validatorPubkeys: Iterable<Uint8Array> = [],
  ): void {
    if (this.getCursor() !== null || this.nextDepositIndex() !== 0) {
      throw new FollowerError("STORE_MISMATCH", "can only start from a snapshot with an empty database");
    }
    this.transaction(() => {
      this.setMeta("snapshot", JSON.stringify(depositTreeSnapshotType().toJson(snapshot)));
      this.setMeta("cursor", JSON.stringify({ blockNumber: snapshot.executionBlockHeight, blockHash }));
      for (const pubkey of validatorPubkeys) this.insertValidator.run(pubkey, -1);
    });
  }

  private transaction(body: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      body();
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  private getMeta(key: string): string | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined;
    return row ? String(row.value) : null;
  }

  private setMeta(key: string, value: string): void {
    this.setMetaStmt.run(key, value);
  }
}

function toDeposit(r: Row): StoredDeposit {
  return {
    index: Number(r.idx),
    blockNumber: Number(r.block_number),
    blockHash: String(r.block_hash),
    transactionHash: String(r.tx_hash),
    logIndex: Number(r.log_index),
    depositData: {
      pubkey: r.pubkey as Uint8Array,
      withdrawalCredentials: r.withdrawal_credentials as Uint8Array,
      amount: Number(r.amount),
      signature: r.signature as Uint8Array,
    },
    depositDataRoot: r.data_root as Uint8Array,
    outcome: r.outcome as DepositOutcome,
  };
}

function toBlock(r: Row): StoredEth1Block {
  return {
    blockNumber: Number(r.number),
    blockHash: String(r.hash),
    timestamp: Number(r.timestamp),
    depositCount: Number(r.deposit_count),
    depositRoot: r.deposit_root as Uint8Array,
  };
}
