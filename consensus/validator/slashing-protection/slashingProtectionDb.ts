// Slashing protection for the validator client (EIP-3076 rules): before signing, a proposal or attestation is
// checked against every message the key signed before and recorded in the same transaction, in an SQLite file
// (node:sqlite) so the record survives restarts. Checks follow EIP-3076 "Conditions":
//  - blocks: no second block at a slot (unless the same signing root), nothing below the lowest recorded slot;
//  - attestations: no second vote for a target epoch (unless the same signing root), no vote that surrounds or is
//    surrounded by a recorded one, source <= target, nothing below the lowest recorded source/target (the
//    low watermarks that keep pruned or imported histories safe).
import type { DatabaseSync } from "node:sqlite";
import { openSqliteDatabase } from "../../storage/openSqliteDatabase.js";
import { SlashingProtectionError } from "./errors.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS validators (id INTEGER PRIMARY KEY, pubkey BLOB NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS signed_blocks (
  validator_id INTEGER NOT NULL REFERENCES validators(id),
  slot INTEGER NOT NULL,
  signing_root BLOB,
  PRIMARY KEY (validator_id, slot)
);
CREATE TABLE IF NOT EXISTS signed_attestations (
  validator_id INTEGER NOT NULL REFERENCES validators(id),
  source_epoch INTEGER NOT NULL,
  target_epoch INTEGER NOT NULL,
  signing_root BLOB,
  PRIMARY KEY (validator_id, target_epoch)
);
CREATE INDEX IF NOT EXISTS signed_attestations_source ON signed_attestations (validator_id, source_epoch);
`;

export interface SignedBlockRecord {
  slot: number;
  signingRoot: Uint8Array | null;
}
export interface SignedAttestationRecord {
  sourceEpoch: number;
  targetEpoch: number;
  signingRoot: Uint8Array | null;
}

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
const sameRoot = (a: Uint8Array | null, b: Uint8Array) =>
  a !== null && a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
const toBytes = (v: unknown): Uint8Array | null =>
  v === null || v === undefined ? null : new Uint8Array(v as Uint8Array);

export class SlashingProtectionDb {
  private readonly db: DatabaseSync;

  /** `path` is a file (created if missing) or ":memory:". */
  constructor(path: string) {
    this.db = openSqliteDatabase(path, { synchronous: "FULL" });
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  /** The genesis_validators_root this database protects; set once, checked on every interchange import. */
  genesisValidatorsRoot(): Uint8Array | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'genesis_validators_root'").get() as
      | { value: string }
      | undefined;
    return row ? new Uint8Array(Buffer.from(row.value.slice(2), "hex")) : null;
  }

  setGenesisValidatorsRoot(root: Uint8Array): void {
    const existing = this.genesisValidatorsRoot();
    if (existing && !sameRoot(existing, root)) {
      throw new SlashingProtectionError(
        "GENESIS_VALIDATORS_ROOT_MISMATCH",
        `slashing protection database is for genesis_validators_root ${hex(existing)}, not ${hex(root)}`,
      );
    }
    if (!existing)
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('genesis_validators_root', ?)").run(hex(root));
  }

  private depth = 0;

  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE): check and record are atomic. Nested calls join the
   * outer transaction, so a validator client can record a whole slot's votes with one commit (one fsync).
   * A SlashingProtectionError thrown by a nested check leaves the outer transaction usable (it wrote nothing).
   */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    this.db.exec("BEGIN IMMEDIATE");
    this.depth = 1;
    try {
      const out = fn();
      this.db.exec("COMMIT");
      return out;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    } finally {
      this.depth = 0;
    }
  }

  validatorId(pubkey: Uint8Array): number {
    const found = this.db.prepare("SELECT id FROM validators WHERE pubkey = ?").get(pubkey) as
      | { id: number }
      | undefined;
    if (found) return Number(found.id);
    return Number(this.db.prepare("INSERT INTO validators (pubkey) VALUES (?)").run(pubkey).lastInsertRowid);
  }

  /**
   * Checks that signing a block at `slot` with `signingRoot` is safe for `pubkey` and records it. Returns "repeat"
   * when the same block was already signed (safe to sign again), "new" otherwise; throws SlashingProtectionError.
   */
  checkAndInsertBlockProposal(pubkey: Uint8Array, slot: number, signingRoot: Uint8Array): "new" | "repeat" {
    return this.transaction(() => {
      const id = this.validatorId(pubkey);
      const same = this.db
        .prepare("SELECT signing_root FROM signed_blocks WHERE validator_id = ? AND slot = ?")
        .get(id, slot) as { signing_root: Uint8Array | null } | undefined;
      if (same) {
        if (sameRoot(toBytes(same.signing_root), signingRoot)) return "repeat";
        throw new SlashingProtectionError(
          "DOUBLE_PROPOSAL",
          `validator ${hex(pubkey)} already signed a different block at slot ${slot}`,
        );
      }
      const min = this.db.prepare("SELECT MIN(slot) AS m FROM signed_blocks WHERE validator_id = ?").get(id) as {
        m: number | null;
      };
      if (min.m !== null && slot < Number(min.m)) {
        throw new SlashingProtectionError(
          "PROPOSAL_BELOW_WATERMARK",
          `validator ${hex(pubkey)}: slot ${slot} is below the lowest recorded proposal slot ${min.m}`,
        );
      }
      this.db
        .prepare("INSERT INTO signed_blocks (validator_id, slot, signing_root) VALUES (?, ?, ?)")
        .run(id, slot, signingRoot);
      return "new";
    });
  }

  /** Same as checkAndInsertBlockProposal for an attestation (source epoch, target epoch, signing root). */
  checkAndInsertAttestation(
    pubkey: Uint8Array,
    sourceEpoch: number,
    targetEpoch: number,
    signingRoot: Uint8Array,
  ): "new" | "repeat" {
    if (sourceEpoch > targetEpoch) {
      throw new SlashingProtectionError(
        "SOURCE_AFTER_TARGET",
        `attestation source epoch ${sourceEpoch} is after its target epoch ${targetEpoch}`,
      );
    }
    return this.transaction(() => {
      const id = this.validatorId(pubkey);
      const same = this.db
        .prepare(
          "SELECT source_epoch, signing_root FROM signed_attestations WHERE validator_id = ? AND target_epoch = ?",
        )
        .get(id, targetEpoch) as { source_epoch: number; signing_root: Uint8Array | null } | undefined;
      if (same) {
        // A repeat must be the very same vote: same source as well as same signing root.
        if (Number(same.source_epoch) === sourceEpoch && sameRoot(toBytes(same.signing_root), signingRoot)) {
          return "repeat";
        }
        throw new SlashingProtectionError(
          "DOUBLE_VOTE",
          `validator ${hex(pubkey)} already signed a different attestation with target epoch ${targetEpoch}`,
        );
      }
      const surrounded = this.db
        .prepare(
          "SELECT source_epoch, target_epoch FROM signed_attestations WHERE validator_id = ? AND source_epoch > ? AND target_epoch < ? LIMIT 1",
        )
        .get(id, sourceEpoch, targetEpoch) as { source_epoch: number; target_epoch: number } | undefined;
      if (surrounded) {
        throw new SlashingProtectionError(
          "SURROUNDING_VOTE",
          `validator ${hex(pubkey)}: vote ${sourceEpoch}->${targetEpoch} would surround the recorded vote ${surrounded.source_epoch}->${surrounded.target_epoch}`,
        );
      }
      const surrounding = this.db
        .prepare(
          "SELECT source_epoch, target_epoch FROM signed_attestations WHERE validator_id = ? AND source_epoch < ? AND target_epoch > ? LIMIT 1",
        )
        .get(id, sourceEpoch, targetEpoch) as { source_epoch: number; target_epoch: number } | undefined;
      if (surrounding) {
        throw new SlashingProtectionError(
          "SURROUNDED_VOTE",
          `validator ${hex(pubkey)}: vote ${sourceEpoch}->${targetEpoch} would be surrounded by the recorded vote ${surrounding.source_epoch}->${surrounding.target_epoch}`,
        );
      }
      const min = this.db
        .prepare(
          "SELECT MIN(source_epoch) AS s, MIN(target_epoch) AS t FROM signed_attestations WHERE validator_id = ?",
        )
        .get(id) as { s: number | null; t: number | null };
      if (min.s !== null && (sourceEpoch < Number(min.s) || targetEpoch <= Number(min.t))) {
        throw new SlashingProtectionError(
          "ATTESTATION_BELOW_WATERMARK",
          `validator ${hex(pubkey)}: vote ${sourceEpoch}->${targetEpoch} is below the low watermark (source ${min.s}, target ${min.t})`,
        );
      }
      this.db
        .prepare(
          "INSERT INTO signed_attestations (validator_id, source_epoch, target_epoch, signing_root) VALUES (?, ?, ?, ?)",
        )
        .run(id, sourceEpoch, targetEpoch, signingRoot);
      return "new";
    });
  }

  /** Records imported history as is. A conflicting record at the same slot/target keeps no signing root, so no
   * message can be re-signed there. Runs inside the caller's transaction. */
  insertImportedBlock(id: number, rec: SignedBlockRecord): void {
    this.db
      .prepare(
        `INSERT INTO signed_blocks (validator_id, slot, signing_root) VALUES (?, ?, ?)
         ON CONFLICT (validator_id, slot) DO UPDATE SET signing_root =
           CASE WHEN signing_root IS excluded.signing_root THEN signing_root ELSE NULL END`,
      )
      .run(id, rec.slot, rec.signingRoot);
  }

  insertImportedAttestation(id: number, rec: SignedAttestationRecord): void {
    this.db
      .prepare(
        `INSERT INTO signed_attestations (validator_id, source_epoch, target_epoch, signing_root) VALUES (?, ?, ?, ?)
         ON CONFLICT (validator_id, target_epoch) DO UPDATE SET
           source_epoch = MIN(source_epoch, excluded.source_epoch),
           signing_root = CASE WHEN signing_root IS excluded.signing_root AND source_epoch = excluded.source_epoch
                          THEN signing_root ELSE NULL END`,
      )
      .run(id, rec.sourceEpoch, rec.targetEpoch, rec.signingRoot);
  }

  /** Whether this database recorded a vote of `pubkey` for `targetEpoch` (a vote this client itself signed). */
  hasAttestation(pubkey: Uint8Array, targetEpoch: number): boolean {
    const row = this.db
      .prepare(
        "SELECT 1 FROM signed_attestations a JOIN validators v ON v.id = a.validator_id WHERE v.pubkey = ? AND a.target_epoch = ?",
      )
      .get(pubkey, targetEpoch);
    return row !== undefined;
  }

  /** Every validator with its records, for the interchange export. */
  allRecords(): { pubkey: Uint8Array; blocks: SignedBlockRecord[]; attestations: SignedAttestationRecord[] }[] {
    const vals = this.db.prepare("SELECT id, pubkey FROM validators ORDER BY id").all() as {
      id: number;
      pubkey: Uint8Array;
    }[];
    const blocks = this.db.prepare("SELECT slot, signing_root FROM signed_blocks WHERE validator_id = ? ORDER BY slot");
    const atts = this.db.prepare(
      "SELECT source_epoch, target_epoch, signing_root FROM signed_attestations WHERE validator_id = ? ORDER BY target_epoch",
    );
    return vals.map((v) => ({
      pubkey: new Uint8Array(v.pubkey),
      blocks: (blocks.all(v.id) as { slot: number; signing_root: Uint8Array | null }[]).map((b) => ({
        slot: Number(b.slot),
        signingRoot: toBytes(b.signing_root),
      })),
      attestations: (
        atts.all(v.id) as { source_epoch: number; target_epoch: number; signing_root: Uint8Array | null }[]
      ).map((a) => ({
        sourceEpoch: Number(a.source_epoch),
        targetEpoch: Number(a.target_epoch),
        signingRoot: toBytes(a.signing_root),
      })),
    }));
  }
}
