// Typed errors of the network layer: what was wrong on the wire and what was expected.
import { CodedError } from "../../sdk/errors/codedError.js";

export type NetworkErrorCode =
  | "SNAPPY_INVALID"
  | "SNAPPY_CRC_MISMATCH"
  | "SSZ_LENGTH_OUT_OF_BOUNDS"
  | "PAYLOAD_TOO_LARGE"
  | "VARINT_INVALID"
  | "UNEXPECTED_EOF"
  | "TRAILING_BYTES"
  | "UNKNOWN_TOPIC"
  | "WRONG_FORK_DIGEST"
  | "RESPONSE_ERROR"
  | "TOO_MANY_CHUNKS"
  | "TIMEOUT"
  | "RATE_LIMITED"
  | "NO_PEER"
  | "DIAL_FAILED"
  | "NETWORK_STOPPED";

export class NetworkError extends CodedError<NetworkErrorCode> {
  override readonly name = "NetworkError";
}

/** A response chunk with a non-zero result code (p2p-interface.md "Responding side"). */
export class ResponseError extends CodedError<"RESPONSE_ERROR"> {
  override readonly name = "ResponseError";
  constructor(
    readonly resultCode: number,
    readonly errorMessage: string,
  ) {
    super("RESPONSE_ERROR", `peer answered with result code ${resultCode}: ${errorMessage}`);
  }
}
