import { CodedError } from "../errors/codedError.js";

/** Stable codes for building, signing and reading voluntary exits. */
export type ExitErrorCode =
  | "MISSING_GENESIS_VALIDATORS_ROOT"
  | "INVALID_VALIDATOR_INDEX"
  | "INVALID_EPOCH"
  | "INVALID_SECRET_KEY"
  | "BAD_EXIT_JSON";

/** Bad input to voluntary-exit signing or a malformed signed exit; `code` is stable for callers to branch on. */
export class ExitError extends CodedError<ExitErrorCode> {
  override readonly name = "ExitError";
}
