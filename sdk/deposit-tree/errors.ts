import { CodedError } from "../errors/codedError.js";
/** Stable codes for everything the deposit tree refuses to do. */
export type DepositTreeErrorCode =
  | "TREE_FULL"
  | "INVALID_LEAF"
  | "INDEX_OUT_OF_RANGE"
  | "INDEX_FINALIZED"
  | "COUNT_OUT_OF_RANGE"
  | "NOT_FINALIZED"
  | "FINALIZE_BEYOND_COUNT"
  | "FINALIZE_ROOT_MISMATCH"
  | "INVALID_SNAPSHOT";

export class DepositTreeError extends CodedError<DepositTreeErrorCode> {
  override readonly name = "DepositTreeError";
  constructor(code: DepositTreeErrorCode, message: string) {
    super(code, `${code}: ${message}`);
  }
}
