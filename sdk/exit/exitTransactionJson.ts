// The signed exit file of the reference deposit CLI (staking-deposit-cli `exit-transaction-*`): the Beacon API's
// SignedVoluntaryExit JSON (uint64 as decimal strings, 0x-hex signature), one validator per file named
// signed_exit_transaction-<validator_index>-<unix seconds>.json, so it can be POSTed to
// /eth/v1/beacon/pool/voluntary_exits as is.
import { fixedHexToBytes, toHex } from "../networks/hexBytes.js";
import { ExitError } from "./errors.js";
import { checkVoluntaryExitMessage, type SignedVoluntaryExitValue } from "./signVoluntaryExit.js";

/** The folder, under the output folder, where the reference CLI writes signed exits. */
export const EXIT_TRANSACTIONS_FOLDER = "exit_transactions";

export interface SignedVoluntaryExitJson {
  message: { epoch: string; validator_index: string };
  signature: string;
}

export function signedVoluntaryExitToJson(signed: SignedVoluntaryExitValue): SignedVoluntaryExitJson {
  checkVoluntaryExitMessage(signed.message);
  return {
    message: { epoch: String(signed.message.epoch), validator_index: String(signed.message.validatorIndex) },
    signature: `0x${toHex(signed.signature)}`,
  };
}

/**
 * The file's exact text: Python's json.dump layout that the reference CLI writes (", " and ": " separators, keys in
 * this order, no trailing newline), so our files and theirs are byte-identical for the same exit.
 */
export function serializeExitTransactionFile(signed: SignedVoluntaryExitValue): string {
  const json = signedVoluntaryExitToJson(signed);
  return (
    `{"message": {"epoch": "${json.message.epoch}", "validator_index": "${json.message.validator_index}"}, ` +
    `"signature": "${json.signature}"}`
  );
}

export function exitTransactionFileName(validatorIndex: number, timestampSeconds: number): string {
  return `signed_exit_transaction-${validatorIndex}-${Math.floor(timestampSeconds)}.json`;
}

/** Reads a signed exit (the file's text or the parsed object): BAD_EXIT_JSON naming the field that is wrong. */
export function parseSignedVoluntaryExitJson(input: string | unknown): SignedVoluntaryExitValue {
  let raw: unknown = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      throw new ExitError("BAD_EXIT_JSON", `not JSON: ${(e as Error).message}`);
    }
  }
  const obj = raw as Partial<SignedVoluntaryExitJson> | null;
  const message = obj?.message;
  if (!obj || typeof obj !== "object" || !message || typeof message !== "object") {
    throw new ExitError("BAD_EXIT_JSON", 'expected { "message": { "epoch", "validator_index" }, "signature" }');
  }
  const uint = (value: unknown, field: string): number => {
    if (typeof value !== "string" || !/^(0|[1-9]\d*)$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new ExitError("BAD_EXIT_JSON", `message.${field} must be a decimal string, got ${JSON.stringify(value)}`);
    }
    return Number(value);
  };
  const epoch = uint(message.epoch, "epoch");
  const validatorIndex = uint(message.validator_index, "validator_index");
  let signature: Uint8Array;
  try {
    if (typeof obj.signature !== "string" || !obj.signature.startsWith("0x")) throw new Error("missing 0x");
    signature = fixedHexToBytes(obj.signature, 96, "signature");
  } catch {
    throw new ExitError("BAD_EXIT_JSON", "signature must be 0x + 192 hex digits (96 bytes)");
  }
  return { message: { epoch, validatorIndex }, signature };
}
