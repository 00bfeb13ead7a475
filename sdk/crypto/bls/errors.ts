import { CodedError } from "../../errors/codedError.js";
export type BlsErrorCode =
  | "INVALID_SECRET_KEY"
  | "INVALID_PUBLIC_KEY"
  | "INVALID_SIGNATURE"
  | "EMPTY_AGGREGATE"
  | "BACKEND_UNAVAILABLE"
  | "UNKNOWN_RULES";

/** A BLS operation got input it cannot work with; `code` is stable for callers to branch on. */
export class BlsError extends CodedError<BlsErrorCode> {
  override readonly name = "BlsError";
}
