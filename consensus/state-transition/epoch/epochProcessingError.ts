import { CodedError } from "../../../sdk/errors/codedError.js";
/** Raised when an epoch-processing helper is called outside its spec precondition (a spec `assert`). */
export class EpochProcessingError extends CodedError<"EPOCH_OUT_OF_RANGE"> {
  override readonly name = "EpochProcessingError";
}
