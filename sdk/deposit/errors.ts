import { CodedError } from "../errors/codedError.js";
/** Stable codes for bad input to deposit-data creation (verification results carry their own codes). */
export type DepositErrorCode =
  | "BAD_WITHDRAWAL_ADDRESS"
  | "BAD_WITHDRAWAL_CREDENTIALS"
  | "AMOUNT_RANGE"
  | "BAD_KEY"
  | "BAD_DEPOSIT_DATA_FILE";

/** Bad input when building deposit data: says what was wrong and what was expected. */
export class DepositError extends CodedError<DepositErrorCode> {
  override readonly name = "DepositError";
}
