import { toHex } from "../networks/hexBytes.js";
import type { DepositDataRecord } from "./createDepositData.js";
import { DepositError } from "./errors.js";

/** Version string written as `deposit_cli_version` unless the caller gives another (e.g. to match a reference file). */
export const DEPOSIT_CLI_VERSION = "0.1.0";

/** One entry of a launchpad `deposit_data-<ts>.json` file, fields in the reference CLI's order. */
export interface LaunchpadDepositEntry {
  pubkey: string;
  withdrawal_credentials: string;
  amount: number;
  signature: string;
  deposit_message_root: string;
  deposit_data_root: string;
  fork_version: string;
  network_name: string;
  deposit_cli_version: string;
}

export const LAUNCHPAD_FIELDS = [
  "pubkey",
  "withdrawal_credentials",
  "amount",
  "signature",
  "deposit_message_root",
  "deposit_data_root",
  "fork_version",
  "network_name",
  "deposit_cli_version",
] as const satisfies readonly (keyof LaunchpadDepositEntry)[];

/** A record as a launchpad entry: hex without 0x, amount an integer of gwei. */
export function toLaunchpadEntry(
  record: DepositDataRecord,
  depositCliVersion = DEPOSIT_CLI_VERSION,
): LaunchpadDepositEntry {
  return {
    pubkey: toHex(record.pubkey),
    withdrawal_credentials: toHex(record.withdrawalCredentials),
    amount: Number(record.amountGwei),
    signature: toHex(record.signature),
    deposit_message_root: toHex(record.depositMessageRoot),
    deposit_data_root: toHex(record.depositDataRoot),
    fork_version: toHex(record.forkVersion),
    network_name: record.networkName,
    deposit_cli_version: depositCliVersion,
  };
}

/**
 * The exact bytes the reference CLI writes (Python `json.dump(list)`: no indentation, ", " and ": " separators,
 * non-ASCII escaped as \uXXXX, no trailing newline).
 */
export function serializeDepositDataFile(
  records: readonly DepositDataRecord[],
  depositCliVersion = DEPOSIT_CLI_VERSION,
): string {
  const entries = records.map((r) => toLaunchpadEntry(r, depositCliVersion));
  const body = entries.map((e) => `{${LAUNCHPAD_FIELDS.map((k) => `"${k}": ${pythonJson(e[k])}`).join(", ")}}`);
  return `[${body.join(", ")}]`;
}

/** `deposit_data-<unix seconds>.json`, as the reference CLI names the file. */
export function depositDataFileName(timestampSeconds: number): string {
  return `deposit_data-${Math.floor(timestampSeconds)}.json`;
}

/**
 * Parses a deposit_data file's text into its raw entries (checked by `verifyDepositData`). Throws
 * BAD_DEPOSIT_DATA_FILE if the text is not JSON or not a non-empty array.
 */
export function parseDepositDataFile(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new DepositError("BAD_DEPOSIT_DATA_FILE", `deposit data is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new DepositError(
      "BAD_DEPOSIT_DATA_FILE",
      "deposit data must be a non-empty JSON array of deposits (the deposit_data-*.json format)",
    );
  }
  return parsed;
}

function pythonJson(value: string | number): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
