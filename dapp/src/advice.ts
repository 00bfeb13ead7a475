// What to do about each problem code (the SDK says what is wrong; this says what the staker can do about it).
import type { DepositIssueCode } from "../../sdk/browser.js";

const REGENERATE = "Make the deposit data again with btc20-deposit (never edit the file by hand).";

export const ISSUE_ADVICE: Record<DepositIssueCode | "BAD_DEPOSIT_DATA_FILE", string> = {
  BAD_DEPOSIT_DATA_FILE: "Choose the deposit_data-*.json file that btc20-deposit wrote (a JSON array of deposits).",
  NOT_AN_ARRAY: "Choose the deposit_data-*.json file that btc20-deposit wrote (a JSON array of deposits).",
  EMPTY: "The file holds no deposits: make deposit data for at least one validator.",
  NOT_AN_OBJECT: REGENERATE,
  MISSING_FIELD: `A field is missing. ${REGENERATE}`,
  BAD_TYPE: `A field has the wrong type. ${REGENERATE}`,
  BAD_HEX: `A value is not hex. ${REGENERATE}`,
  BAD_LENGTH: `A value has the wrong length. ${REGENERATE}`,
  BAD_CREDENTIALS:
    "Withdrawal credentials must start with 0x00, 0x01 or 0x02: make the deposit data again with a withdrawal address.",
  AMOUNT_RANGE: "Make the deposit data again with an amount the network accepts (1000 BTCC activates a validator).",
  ROOT_MISMATCH: `The file was changed after signing. ${REGENERATE}`,
  BAD_PUBKEY: `The public key is not a valid BLS key. ${REGENERATE}`,
  FORK_VERSION_MISMATCH: `The fork_version field does not match the signature. ${REGENERATE}`,
  WRONG_NETWORK:
    "This deposit is for another network: make deposit data with btc20-deposit --network for this network, or open the dApp for that network.",
  BAD_SIGNATURE: `The signature is not valid: sending it would lose the deposit. ${REGENERATE}`,
  DUPLICATE_PUBKEY: "The same validator appears twice: remove the later entry (a second deposit would only top it up).",
};

/** Advice for an SDK error code when sending (DepositClientError) or reading the node (BeaconApiError). */
export const SEND_ADVICE: Record<string, string> = {
  USER_REJECTED: "You rejected the request in your wallet. Nothing was sent for these keys; press Resume to try again.",
  INSUFFICIENT_FUNDS: "The account cannot pay this batch plus gas: add funds or choose a smaller batch, then Resume.",
  WRONG_CHAIN: "The wallet is on another chain: switch it to this network.",
  PENDING_TRANSACTIONS:
    "Your account has transactions not yet mined (perhaps a deposit from before): wait for them, then Resume. Sending now could deposit twice.",
  REVERTED: "The deposit contract refused the transaction: nothing was deposited. Check the file and the network.",
  RPC_ERROR: "The wallet's node did not answer as expected: check the wallet's connection, then Resume.",
  NO_CONTRACT: "No deposit contract at the configured address on this chain: check the network.",
  NOT_DEPOSITED: "This key has no valid deposit yet: make its first deposit with its deposit data (Upload).",
  BAD_AMOUNT: "Choose an amount of at least the minimum deposit.",
  ALREADY_DEPOSITED: "These keys already have a deposit; nothing more is needed for them.",
};
