import { CodedError } from "../../sdk/errors/codedError.js";
/** Names of the block-processing rules (phase0 beacon-chain.md "Block processing", "State transition"). */
export type BlockProcessingErrorCode =
  // state_transition / process_slots
  | "INVALID_BLOCK_SIGNATURE"
  | "INVALID_STATE_ROOT"
  | "SLOT_NOT_IN_FUTURE"
  | "BLOCK_ROOT_SLOT_OUT_OF_RANGE"
  // process_block_header
  | "INVALID_BLOCK_SLOT"
  | "BLOCK_NOT_NEWER_THAN_PARENT"
  | "INVALID_PROPOSER_INDEX"
  | "INVALID_PARENT_ROOT"
  | "PROPOSER_SLASHED"
  // process_randao, process_eth1_data
  | "INVALID_RANDAO_REVEAL"
  // process_operations
  | "INVALID_DEPOSIT_COUNT"
  | "TOO_MANY_OPERATIONS"
  // process_proposer_slashing
  | "PROPOSER_SLASHING_SLOT_MISMATCH"
  | "PROPOSER_SLASHING_PROPOSER_MISMATCH"
  | "PROPOSER_SLASHING_SAME_HEADER"
  | "PROPOSER_SLASHING_NOT_SLASHABLE"
  | "PROPOSER_SLASHING_INVALID_SIGNATURE"
  // process_attester_slashing
  | "ATTESTER_SLASHING_NOT_SLASHABLE_DATA"
  | "ATTESTER_SLASHING_INVALID_ATTESTATION_1"
  | "ATTESTER_SLASHING_INVALID_ATTESTATION_2"
  | "ATTESTER_SLASHING_NO_SLASHABLE_VALIDATOR"
  // process_attestation
  | "INVALID_ATTESTATION_TARGET"
  | "INVALID_ATTESTATION_TARGET_EPOCH"
  | "INVALID_ATTESTATION_SLOT"
  | "INVALID_ATTESTATION_INCLUSION_DELAY"
  | "INVALID_ATTESTATION_COMMITTEE_INDEX"
  | "INVALID_ATTESTATION_AGGREGATION_BITS"
  | "INVALID_ATTESTATION_SOURCE"
  | "INVALID_ATTESTATION_SIGNATURE"
  // process_deposit
  | "INVALID_DEPOSIT_PROOF"
  // process_voluntary_exit
  | "VOLUNTARY_EXIT_VALIDATOR_NOT_ACTIVE"
  | "VOLUNTARY_EXIT_ALREADY_EXITING"
  | "VOLUNTARY_EXIT_NOT_YET_VALID"
  | "VOLUNTARY_EXIT_TOO_EARLY"
  | "VOLUNTARY_EXIT_INVALID_SIGNATURE"
  // operations naming a validator that does not exist
  | "VALIDATOR_INDEX_OUT_OF_RANGE";

/**
 * A block (or one of its operations) broke a consensus rule. `code` names the rule; the message says what was found
 * and what was expected. The state handed to stateTransition is left unchanged.
 */
export class BlockProcessingError extends CodedError<BlockProcessingErrorCode> {
  override readonly name = "BlockProcessingError";
  constructor(code: BlockProcessingErrorCode, message: string) {
    super(code, `${code}: ${message}`);
  }
}

/** Throws BlockProcessingError(code, message()) unless `condition` holds (the spec's `assert`). */
export function check(condition: boolean, code: BlockProcessingErrorCode, message: () => string): asserts condition {
  if (!condition) throw new BlockProcessingError(code, message());
}
