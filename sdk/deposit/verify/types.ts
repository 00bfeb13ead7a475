import type { DepositDataRecord } from "../createDepositData.js";

/** Stable codes of deposit-data verification failures (one per launchpad check). */
export type DepositIssueCode =
  | "NOT_AN_ARRAY"
  | "EMPTY"
  | "NOT_AN_OBJECT"
  | "MISSING_FIELD"
  | "BAD_TYPE"
  | "BAD_HEX"
  | "BAD_LENGTH"
  | "BAD_CREDENTIALS"
  | "AMOUNT_RANGE"
  | "ROOT_MISMATCH"
  | "BAD_PUBKEY"
  | "FORK_VERSION_MISMATCH"
  | "WRONG_NETWORK"
  | "BAD_SIGNATURE"
  | "DUPLICATE_PUBKEY";

export interface DepositIssue {
  code: DepositIssueCode;
  /** The deposit_data field at fault, when there is one. */
  field?: string;
  /** What is wrong and what was expected. */
  message: string;
}

export interface DepositEntryResult {
  /** Position in the file (0-based). */
  index: number;
  /** The entry's pubkey as written (hex), when it is a string. */
  pubkey: string | null;
  ok: boolean;
  issues: DepositIssue[];
  /** The decoded deposit, when the entry is well-formed (even if a check failed). */
  record: DepositDataRecord | null;
  /** For WRONG_NETWORK: the network the signature is valid for. */
  signedForNetwork?: string;
}

export interface VerifyDepositDataResult {
  ok: boolean;
  /** Problems with the file as a whole (not an array, empty). */
  issues: DepositIssue[];
  entries: DepositEntryResult[];
}
