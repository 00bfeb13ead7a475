// EIP-3076 slashing protection interchange format, version 5 ("complete" and "minimal" files both import).
import { SlashingProtectionError } from "./errors.js";
import type { SlashingProtectionDb } from "./slashingProtectionDb.js";

export interface InterchangeV5 {
  metadata: { interchange_format_version: "5"; genesis_validators_root: string };
  data: {
    pubkey: string;
    signed_blocks: { slot: string; signing_root?: string }[];
    signed_attestations: { source_epoch: string; target_epoch: string; signing_root?: string }[];
  }[];
}

const invalid = (what: string) =>
  new SlashingProtectionError("INVALID_INTERCHANGE", `invalid interchange file: ${what}`);
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

function bytes(value: unknown, length: number, what: string): Uint8Array {
  if (typeof value !== "string" || !new RegExp(`^0x[0-9a-fA-F]{${length * 2}}$`).test(value)) {
    throw invalid(`${what} must be 0x + ${length * 2} hex characters, got ${JSON.stringify(value)}`);
  }
  return new Uint8Array(Buffer.from(value.slice(2), "hex"));
}

function uint(value: unknown, what: string): number {
  if (typeof value !== "string" || !/^(0|[1-9][0-9]*)$/.test(value)) {
    throw invalid(`${what} must be a decimal string, got ${JSON.stringify(value)}`);
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw invalid(`${what} ${value} is too large`);
  return n;
}

const optionalRoot = (value: unknown, what: string) => (value === undefined ? null : bytes(value, 32, what));

/**
 * Imports an interchange file into `db` in one transaction: all or nothing. The file's genesis_validators_root must
 * match the database's (it becomes the database's if none is set yet).
 */
export function importInterchange(db: SlashingProtectionDb, json: unknown): { validators: number } {
  const file = json as InterchangeV5;
  if (!file || typeof file !== "object" || !file.metadata || !Array.isArray(file.data)) {
    throw invalid("expected an object with metadata and data");
  }
  if (file.metadata.interchange_format_version !== "5") {
    throw invalid(
      `interchange_format_version must be "5", got ${JSON.stringify(file.metadata.interchange_format_version)}`,
    );
  }
  const gvr = bytes(file.metadata.genesis_validators_root, 32, "genesis_validators_root");
  // Parse everything before touching the database.
  const parsed = file.data.map((entry, i) => {
    if (!Array.isArray(entry.signed_blocks) || !Array.isArray(entry.signed_attestations)) {
      throw invalid(`data[${i}] needs signed_blocks and signed_attestations arrays`);
    }
    return {
      pubkey: bytes(entry.pubkey, 48, `data[${i}].pubkey`),
      blocks: entry.signed_blocks.map((b, j) => ({
        slot: uint(b.slot, `data[${i}].signed_blocks[${j}].slot`),
        signingRoot: optionalRoot(b.signing_root, `data[${i}].signed_blocks[${j}].signing_root`),
      })),
      attestations: entry.signed_attestations.map((a, j) => {
        const sourceEpoch = uint(a.source_epoch, `data[${i}].signed_attestations[${j}].source_epoch`);
        const targetEpoch = uint(a.target_epoch, `data[${i}].signed_attestations[${j}].target_epoch`);
        if (sourceEpoch > targetEpoch) {
          throw invalid(`data[${i}].signed_attestations[${j}] has source epoch ${sourceEpoch} > target ${targetEpoch}`);
        }
        return {
          sourceEpoch,
          targetEpoch,
          signingRoot: optionalRoot(a.signing_root, `data[${i}].signed_attestations[${j}].signing_root`),
        };
      }),
    };
  });
  db.transaction(() => {
    db.setGenesisValidatorsRoot(gvr);
    for (const v of parsed) {
      const id = db.validatorId(v.pubkey);
      for (const b of v.blocks) db.insertImportedBlock(id, b);
      for (const a of v.attestations) db.insertImportedAttestation(id, a);
    }
  });
  return { validators: parsed.length };
}

/**
 * Exports the database as a "complete" interchange file: every validator, or only `pubkeys` when given (the
 * Keymanager API's delete returns the records of the keys it removed).
 */
export function exportInterchange(db: SlashingProtectionDb, pubkeys?: readonly Uint8Array[]): InterchangeV5 {
  const gvr = db.genesisValidatorsRoot();
  if (!gvr) throw invalid("the database has no genesis_validators_root yet; nothing was ever signed");
  const wanted = pubkeys ? new Set(pubkeys.map(hex)) : null;
  return {
    metadata: { interchange_format_version: "5", genesis_validators_root: hex(gvr) },
    data: db
      .allRecords()
      .filter((v) => wanted === null || wanted.has(hex(v.pubkey)))
      .map((v) => ({
        pubkey: hex(v.pubkey),
        signed_blocks: v.blocks.map((b) => ({
          slot: String(b.slot),
          ...(b.signingRoot ? { signing_root: hex(b.signingRoot) } : {}),
        })),
        signed_attestations: v.attestations.map((a) => ({
          source_epoch: String(a.sourceEpoch),
          target_epoch: String(a.targetEpoch),
          ...(a.signingRoot ? { signing_root: hex(a.signingRoot) } : {}),
        })),
      })),
  };
}
