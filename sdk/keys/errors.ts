import { CodedError } from "../errors/codedError.js";
export type KeyErrorCode =
  | "INVALID_MNEMONIC"
  | "AMBIGUOUS_MNEMONIC_LANGUAGE"
  | "UNKNOWN_MNEMONIC_LANGUAGE"
  | "INVALID_ENTROPY"
  | "INVALID_SEED"
  | "INVALID_SECRET_KEY"
  | "INVALID_INDEX"
  | "INVALID_PATH";

/** Bad input to mnemonic handling or key derivation; `code` is stable for callers to branch on. */
export class KeyError extends CodedError<KeyErrorCode> {
  override readonly name = "KeyError";
}
