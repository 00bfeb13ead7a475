import { CodedError } from "../../errors/codedError.js";
export type KeystoreErrorCode =
  | "INVALID_KEYSTORE"
  | "UNSUPPORTED_VERSION"
  | "UNSUPPORTED_KDF"
  | "UNSUPPORTED_CIPHER"
  | "UNSUPPORTED_CHECKSUM"
  | "WEAK_KDF_PARAMS"
  | "EXCESSIVE_KDF_PARAMS"
  | "WRONG_PASSWORD"
  | "PUBKEY_MISMATCH"
  | "INVALID_SECRET"
  | "WORKER_FAILED";

/** A keystore could not be created or opened; `code` is stable for callers to branch on. */
export class KeystoreError extends CodedError<KeystoreErrorCode> {
  override readonly name = "KeystoreError";
}
