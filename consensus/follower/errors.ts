import { CodedError } from "../../sdk/errors/codedError.js";
/** Stable codes for every way the follower refuses to go on (or an endpoint is refused). */
export type FollowerErrorCode =
  | "DEPOSIT_INDEX_GAP"
  | "DEPOSIT_CONFLICT"
  | "DEPOSIT_ROOT_MISMATCH"
  | "DEPOSIT_COUNT_MISMATCH"
  | "MALFORMED_DEPOSIT_LOG"
  | "WRONG_CHAIN_ID"
  | "RPC_UNAVAILABLE"
  | "RPC_TIMEOUT"
  | "RPC_RATE_LIMITED"
  | "RPC_RANGE_TOO_LARGE"
  | "RPC_BAD_RESPONSE"
  | "REORG_BELOW_FINALIZED"
  | "UNKNOWN_ETH1_DATA"
  | "STORE_MISMATCH"
  | "SIGNATURE_WORKER_FAILED";

export class FollowerError extends CodedError<FollowerErrorCode> {
  override readonly name = "FollowerError";
  constructor(code: FollowerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, `${code}: ${message}`, options);
  }
}
