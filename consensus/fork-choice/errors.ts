import { CodedError } from "../../sdk/errors/codedError.js";
/** Stable codes naming the fork-choice rule a call broke. */
export type ForkChoiceErrorCode =
  // get_forkchoice_store
  | "INVALID_ANCHOR"
  // on_tick
  | "TIME_BEFORE_STORE_TIME"
  // on_block
  | "UNKNOWN_PARENT"
  | "BLOCK_FROM_FUTURE"
  | "BLOCK_NOT_AFTER_FINALIZED_SLOT"
  | "BLOCK_NOT_FINALIZED_DESCENDANT"
  | "INVALID_BLOCK"
  // on_attestation
  | "ATTESTATION_TARGET_EPOCH_NOT_CURRENT_OR_PREVIOUS"
  | "ATTESTATION_TARGET_EPOCH_SLOT_MISMATCH"
  | "ATTESTATION_UNKNOWN_TARGET_ROOT"
  | "ATTESTATION_UNKNOWN_BEACON_BLOCK_ROOT"
  | "ATTESTATION_BLOCK_AFTER_ATTESTATION_SLOT"
  | "ATTESTATION_TARGET_NOT_ANCESTOR_OF_BLOCK"
  | "ATTESTATION_FROM_CURRENT_OR_FUTURE_SLOT"
  | "INVALID_INDEXED_ATTESTATION"
  | "ATTESTATION_TARGET_STATE_PRUNED"
  // on_attester_slashing
  | "ATTESTER_SLASHING_NOT_SLASHABLE"
  | "ATTESTER_SLASHING_INVALID_ATTESTATION"
  // internal consistency of the inputs
  | "UNKNOWN_JUSTIFIED_ROOT"
  | "UNKNOWN_CHECKPOINT_BLOCK"
  | "INVALID_EFFECTIVE_BALANCE";

/** Every rejection by the fork choice: `code` names the rule, the message says what was found and what was expected. */
export class ForkChoiceError extends CodedError<ForkChoiceErrorCode> {
  override readonly name = "ForkChoiceError";
  constructor(code: ForkChoiceErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, `${code}: ${message}`, options);
  }
}
