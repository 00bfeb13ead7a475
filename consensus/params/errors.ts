import { CodedError } from "../../sdk/errors/codedError.js";
/** A configuration that is missing a key, or holds a value of the wrong shape. */
export class BeaconConfigError extends CodedError<
  "MISSING_KEY" | "INVALID_INTEGER" | "INVALID_BYTES" | "INVALID_VALUE" | "UNREADABLE_FILE"
> {
  override readonly name = "BeaconConfigError";
}
