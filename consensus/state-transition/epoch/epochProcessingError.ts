/** Raised when an epoch-processing helper is called outside its spec precondition (a spec `assert`). */
export class EpochProcessingError extends Error {
  constructor(
    readonly code: "EPOCH_OUT_OF_RANGE",
    message: string,
  ) {
    super(message);
    this.name = "EpochProcessingError";
  }
}
