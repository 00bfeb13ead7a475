import { CodedError } from "../../../sdk/errors/codedError.js";
export type SlashingProtectionCode =
  | "DOUBLE_PROPOSAL"
  | "PROPOSAL_BELOW_WATERMARK"
  | "DOUBLE_VOTE"
  | "SURROUNDING_VOTE"
  | "SURROUNDED_VOTE"
  | "SOURCE_AFTER_TARGET"
  | "ATTESTATION_BELOW_WATERMARK"
  | "INVALID_INTERCHANGE"
  | "GENESIS_VALIDATORS_ROOT_MISMATCH";

/** Refusal to sign (or to import) because it could get a validator slashed. Never caught silently. */
export class SlashingProtectionError extends CodedError<SlashingProtectionCode> {
  override readonly name = "SlashingProtectionError";
}
