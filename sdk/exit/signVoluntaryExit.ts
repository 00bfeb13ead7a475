// Signing and checking a phase0 SignedVoluntaryExit offline (phase0 beacon-chain.md, "Voluntary exits"; validator.md
// leaves the message to the validator: epoch = earliest epoch it may be included, validator_index = its index).
import type { Bls } from "../crypto/bls/types.js";
import { computeSigningRoot } from "../ssz/computeSigningRoot.js";
import { VoluntaryExit } from "../ssz/exitTypes.js";
import { ExitError } from "./errors.js";
import { type ExitDomainParams, voluntaryExitDomain } from "./exitDomain.js";

/** VoluntaryExit's fields (uint64 in the spec; safe JS integers here). */
export interface VoluntaryExitMessage {
  epoch: number;
  validatorIndex: number;
}

export interface SignedVoluntaryExitValue {
  message: VoluntaryExitMessage;
  /** 96-byte compressed BLS signature. */
  signature: Uint8Array;
}

/** Throws INVALID_EPOCH / INVALID_VALIDATOR_INDEX unless both are non-negative safe integers. */
export function checkVoluntaryExitMessage(message: VoluntaryExitMessage): void {
  if (!Number.isSafeInteger(message.epoch) || message.epoch < 0) {
    throw new ExitError("INVALID_EPOCH", `epoch must be an integer >= 0, got ${String(message.epoch)}`);
  }
  if (!Number.isSafeInteger(message.validatorIndex) || message.validatorIndex < 0) {
    throw new ExitError(
      "INVALID_VALIDATOR_INDEX",
      `validator index must be an integer >= 0, got ${String(message.validatorIndex)}`,
    );
  }
}

/** compute_signing_root(VoluntaryExit(epoch, validator_index), exit domain). */
export function voluntaryExitSigningRoot(message: VoluntaryExitMessage, params: ExitDomainParams): Uint8Array {
  checkVoluntaryExitMessage(message);
  return computeSigningRoot(VoluntaryExit.hashTreeRoot(message), voluntaryExitDomain(params));
}

/** Signs VoluntaryExit(epoch, validator_index) with the validator's signing key for the network in `params`. */
export function signVoluntaryExit(
  bls: Bls,
  secretKey: Uint8Array,
  message: VoluntaryExitMessage,
  params: ExitDomainParams,
): SignedVoluntaryExitValue {
  const root = voluntaryExitSigningRoot(message, params);
  let signature: Uint8Array;
  try {
    signature = bls.sign(secretKey, root);
  } catch {
    throw new ExitError("INVALID_SECRET_KEY", "the signing key is not a valid BLS secret key");
  }
  return { message: { epoch: message.epoch, validatorIndex: message.validatorIndex }, signature };
}

/** True iff `signed.signature` is `pubkey`'s signature of the exit under the network in `params`. */
export function verifySignedVoluntaryExit(
  bls: Bls,
  pubkey: Uint8Array,
  signed: SignedVoluntaryExitValue,
  params: ExitDomainParams,
): boolean {
  return bls.verify(pubkey, voluntaryExitSigningRoot(signed.message, params), signed.signature);
}
