import { hexToBytes } from "@noble/hashes/utils.js";
import type { NetworkParams } from "../../networks/types.js";
import type { DepositDataRecord } from "../createDepositData.js";
import { depositAmountProblem } from "../depositAmount.js";
import { describeWithdrawalCredentials } from "../withdrawalCredentials.js";
import type { DepositIssue } from "./types.js";

/** Hex fields of a deposit_data entry and their byte lengths (launchpad validateFieldFormatting). */
const HEX_FIELDS = {
  pubkey: 48,
  withdrawal_credentials: 32,
  signature: 96,
  deposit_message_root: 32,
  deposit_data_root: 32,
  fork_version: 4,
} as const;

/** Fields the launchpad requires (network_name is optional there; checked for type when present). */
const REQUIRED_FIELDS = [...Object.keys(HEX_FIELDS), "amount", "deposit_cli_version"];

/**
 * The format checks of one entry: required fields, types, hex, lengths, credential prefix and padding, amount
 * range for the credential type. Returns the decoded record (null if the entry cannot be decoded) and the issues.
 */
export function decodeEntry(
  entry: unknown,
  network: NetworkParams,
): { record: DepositDataRecord | null; issues: DepositIssue[] } {
  const issues: DepositIssue[] = [];
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
    return { record: null, issues: [{ code: "NOT_AN_OBJECT", message: "a deposit must be a JSON object" }] };
  }
  const e = entry as Record<string, unknown>;
  for (const field of REQUIRED_FIELDS) {
    if (e[field] === undefined || e[field] === null) {
      issues.push({ code: "MISSING_FIELD", field, message: `field "${field}" is missing` });
    }
  }
  const bytes: Partial<Record<keyof typeof HEX_FIELDS, Uint8Array>> = {};
  for (const [field, length] of Object.entries(HEX_FIELDS) as [keyof typeof HEX_FIELDS, number][]) {
    const value = e[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") {
      issues.push({ code: "BAD_TYPE", field, message: `"${field}" must be a hex string, got ${typeof value}` });
    } else if (value.length !== length * 2) {
      issues.push({
        code: "BAD_LENGTH",
        field,
        message: `"${field}" has ${value.length} characters; expected ${length * 2} hex digits (${length} bytes) without 0x`,
      });
    } else if (!/^[0-9a-fA-F]*$/.test(value)) {
      issues.push({ code: "BAD_HEX", field, message: `"${field}" is not hex; expected ${length * 2} hex digits` });
    } else {
      bytes[field] = hexToBytes(value);
    }
  }
  for (const field of ["deposit_cli_version", "network_name"]) {
    if (e[field] !== undefined && e[field] !== null && typeof e[field] !== "string") {
      issues.push({ code: "BAD_TYPE", field, message: `"${field}" must be a string, got ${typeof e[field]}` });
    }
  }
  let amountGwei: bigint | null = null;
  if (e.amount !== undefined && e.amount !== null) {
    if (typeof e.amount !== "number" || !Number.isSafeInteger(e.amount) || e.amount <= 0) {
      issues.push({
        code: "BAD_TYPE",
        field: "amount",
        message: `"amount" must be a positive integer number of gwei, got ${JSON.stringify(e.amount)}`,
      });
    } else {
      amountGwei = BigInt(e.amount);
    }
  }

  const credentials = bytes.withdrawal_credentials;
  if (credentials) {
    const kind = describeWithdrawalCredentials(credentials);
    if (!kind) {
      issues.push({
        code: "BAD_CREDENTIALS",
        field: "withdrawal_credentials",
        message: `withdrawal credentials start with 0x${e.withdrawal_credentials?.toString().slice(0, 2)}; expected prefix 0x00 (BLS), 0x01 (execution address) or 0x02 (compounding)`,
      });
    } else {
      if (kind.type !== "bls" && credentials.subarray(1, 12).some((b) => b !== 0)) {
        issues.push({
          code: "BAD_CREDENTIALS",
          field: "withdrawal_credentials",
          message:
            "0x01/0x02 withdrawal credentials must have 11 zero bytes between the prefix and the 20-byte address",
        });
      }
      if (amountGwei !== null) {
        const problem = depositAmountProblem(amountGwei, kind.type, network);
        if (problem) issues.push({ code: "AMOUNT_RANGE", field: "amount", message: problem });
      }
    }
  }

  const { pubkey, signature, deposit_message_root, deposit_data_root, fork_version } = bytes;
  if (!pubkey || !credentials || !signature || !deposit_message_root || !deposit_data_root || !fork_version) {
    return { record: null, issues };
  }
  if (amountGwei === null) return { record: null, issues };
  return {
    record: {
      pubkey,
      withdrawalCredentials: credentials,
      amountGwei,
      signature,
      depositMessageRoot: deposit_message_root,
      depositDataRoot: deposit_data_root,
      forkVersion: fork_version,
      networkName: typeof e.network_name === "string" ? e.network_name : "",
    },
    issues,
  };
}
