import { CodedError } from "../../errors/codedError.js";
import type { DepositIssue } from "../verify/types.js";

/** Stable codes a dApp can branch on when sending deposits. */
export type DepositClientErrorCode =
  | "USER_REJECTED"
  | "INSUFFICIENT_FUNDS"
  | "WRONG_CHAIN"
  | "REVERTED"
  | "ALREADY_DEPOSITED"
  | "NOT_DEPOSITED"
  | "BAD_AMOUNT"
  | "NO_CONTRACT"
  | "NO_PROVIDER"
  | "INVALID_DEPOSIT"
  | "DUPLICATE_PUBKEY"
  | "PENDING_TRANSACTIONS"
  | "RPC_ERROR";

export class DepositClientError extends CodedError<DepositClientErrorCode> {
  override readonly name = "DepositClientError";
  constructor(
    code: DepositClientErrorCode,
    message: string,
    readonly details: {
      /** Verification issues per deposit (INVALID_DEPOSIT), keyed by the deposit's position in the call. */
      issues?: { position: number; issues: DepositIssue[] }[];
      /** Name of the contract's custom error (REVERTED), e.g. "DepositDataRootMismatch". */
      revertReason?: string;
      cause?: unknown;
    } = {},
  ) {
    super(code, message, { cause: details.cause });
  }
}
