import { CodedError } from "../errors/codedError.js";
export type BeaconApiErrorCode =
  | "HTTP_ERROR"
  | "NETWORK_ERROR"
  | "INVALID_RESPONSE"
  | "INVALID_PUBKEY"
  | "INVALID_EXIT";

/** A failed Beacon API call: `code` says which kind, `status` is the HTTP status when there was one. */
export class BeaconApiError extends CodedError<BeaconApiErrorCode> {
  override readonly name = "BeaconApiError";
  constructor(
    code: BeaconApiErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(code, message);
  }
}
