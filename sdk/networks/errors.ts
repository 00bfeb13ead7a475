/** Stable codes for network lookup and network-config failures. */
export type NetworkErrorCode = "UNKNOWN_NETWORK" | "BAD_NETWORK_CONFIG";

/** A network that does not exist or a network config file that is malformed. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(
    readonly code: NetworkErrorCode,
    message: string,
  ) {
    super(message);
  }
}
