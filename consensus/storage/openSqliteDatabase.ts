// Opens a node:sqlite database with the settings every store here shares: WAL journal (a crash mid-write leaves the
// last committed transaction readable) and foreign keys enforced.
import { DatabaseSync } from "node:sqlite";

export interface OpenSqliteOptions {
  /**
   * FULL (the default, the stricter) also survives power loss; NORMAL keeps the WAL guarantee for process kills
   * only, for stores whose newest commits can be rebuilt from elsewhere.
   */
  synchronous?: "FULL" | "NORMAL";
}

/** `filePath` is a file (created if missing) or ":memory:". */
export function openSqliteDatabase(filePath: string, options: OpenSqliteOptions = {}): DatabaseSync {
  const db = new DatabaseSync(filePath);
  db.exec(
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous ?? "FULL"}; PRAGMA foreign_keys = ON;`,
  );
  return db;
}
