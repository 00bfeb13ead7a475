/** A configuration that is missing a key, or holds a value of the wrong shape. */
export class BeaconConfigError extends Error {
  constructor(
    readonly code: "MISSING_KEY" | "INVALID_INTEGER" | "INVALID_BYTES" | "INVALID_VALUE" | "UNREADABLE_FILE",
    message: string,
  ) {
    super(message);
    this.name = "BeaconConfigError";
  }
}
