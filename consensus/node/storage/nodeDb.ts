// The node's database (node:sqlite, one file under --data-dir): blocks by root, states at checkpoints (SSZ bytes),
// and a few named values (genesis, finalized checkpoint). Writes that belong together go in one transaction, so a
// node killed at any moment restarts from a consistent finalized state.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { openSqliteDatabase } from "../../storage/openSqliteDatabase.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS blocks (root BLOB PRIMARY KEY, slot INTEGER NOT NULL, parent_root BLOB NOT NULL, ssz BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS blocks_slot ON blocks (slot);
CREATE TABLE IF NOT EXISTS states (block_root BLOB PRIMARY KEY, slot INTEGER NOT NULL, ssz BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
`;

export interface StoredBlock {
  root: Uint8Array;
  slot: number;
  parentRoot: Uint8Array;
  ssz: Uint8Array;
}

export class NodeDb {
  private readonly db: DatabaseSync;

  /** `path` is a file (created if missing) or ":memory:" */
  constructor(path: string) {
    // NORMAL: blocks and states can be re-synced; a process kill still leaves the last commit readable.
    this.db = openSqliteDatabase(path, { synchronous: "NORMAL" });
    this.db.exec(SCHEMA);
  }

  /** Each SQL statement is compiled once and reused (range sync writes and peers' range requests run many). */
  private readonly statements = new Map<string, StatementSync>();

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const out = fn();
      this.db.exec("COMMIT");
      return out;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  putBlock(b: StoredBlock): void {
    this.statement("INSERT OR IGNORE INTO blocks (root, slot, parent_root, ssz) VALUES (?, ?, ?, ?)").run(
      b.root,
      b.slot,
      b.parentRoot,
      b.ssz,
    );
  }

  getBlock(root: Uint8Array): StoredBlock | null {
    const row = this.statement("SELECT root, slot, parent_root, ssz FROM blocks WHERE root = ?").get(root) as
      | { root: Uint8Array; slot: number; parent_root: Uint8Array; ssz: Uint8Array }
      | undefined;
    return row
      ? {
          root: new Uint8Array(row.root),
          slot: Number(row.slot),
          parentRoot: new Uint8Array(row.parent_root),
          ssz: new Uint8Array(row.ssz),
        }
      : null;
  }

  /** A stored block's slot and parent root, without reading its SSZ (walks along the chain). */
  getBlockLink(root: Uint8Array): { slot: number; parentRoot: Uint8Array } | null {
    const row = this.statement("SELECT slot, parent_root FROM blocks WHERE root = ?").get(root) as
      | { slot: number; parent_root: Uint8Array }
      | undefined;
    return row ? { slot: Number(row.slot), parentRoot: new Uint8Array(row.parent_root) } : null;
  }

  /** Blocks with slot > `afterSlot`, in slot order (to replay on top of a stored state at restart). */
  blocksAfter(afterSlot: number): StoredBlock[] {
    const rows = this.statement(
      "SELECT root, slot, parent_root, ssz FROM blocks WHERE slot > ? ORDER BY slot, root",
    ).all(afterSlot) as { root: Uint8Array; slot: number; parent_root: Uint8Array; ssz: Uint8Array }[];
    return rows.map((row) => ({
      root: new Uint8Array(row.root),
      slot: Number(row.slot),
      parentRoot: new Uint8Array(row.parent_root),
      ssz: new Uint8Array(row.ssz),
    }));
  }

  putState(blockRoot: Uint8Array, slot: number, ssz: Uint8Array): void {
    this.statement("INSERT OR REPLACE INTO states (block_root, slot, ssz) VALUES (?, ?, ?)").run(blockRoot, slot, ssz);
  }

  getState(blockRoot: Uint8Array): { slot: number; ssz: Uint8Array } | null {
    const row = this.statement("SELECT slot, ssz FROM states WHERE block_root = ?").get(blockRoot) as
      | { slot: number; ssz: Uint8Array }
      | undefined;
    return row ? { slot: Number(row.slot), ssz: new Uint8Array(row.ssz) } : null;
  }

  /** Drops stored states older than `slot` except the one for `keepRoot` (pruning at finality). */
  pruneStatesBefore(slot: number, keepRoot: Uint8Array): void {
    this.statement("DELETE FROM states WHERE slot < ? AND block_root != ?").run(slot, keepRoot);
  }

  putMeta(key: string, value: Uint8Array): void {
    this.statement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
  }

  getMeta(key: string): Uint8Array | null {
    const row = this.statement("SELECT value FROM meta WHERE key = ?").get(key) as { value: Uint8Array } | undefined;
    return row ? new Uint8Array(row.value) : null;
  }
}
