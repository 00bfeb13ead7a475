import { CodedError } from "../errors/codedError.js";
/** Stable codes for network lookup and network-config failures. */
export type NetworkErrorCode = "UNKNOWN_NETWORK" | "BAD_NETWORK_CONFIG";

/** A network that does not exist or a network config file that is malformed. */
export class NetworkError extends CodedError<NetworkErrorCode> {
  override readonly name = "NetworkError";
}
