// EIP-2334 validator keys for a run of indices, deriving the shared prefix m/12381/<coin> once and each
// signing key from its withdrawal key (m/12381/<coin>/<i>/0/0 is the child 0 of m/12381/<coin>/<i>/0).
import { deriveChildSecretKey, deriveMasterSecretKey } from "./eip2333.js";
import { EIP2334_PURPOSE, signingKeyPath, withdrawalKeyPath } from "./eip2334.js";
import { KeyError } from "./errors.js";

export interface ValidatorKeys {
  index: number;
  signingKeyPath: string;
  signingSecretKey: Uint8Array;
  withdrawalKeyPath: string;
  withdrawalSecretKey: Uint8Array;
}

/** Keys of validators `startIndex` .. `startIndex + count - 1` under `coinType`, from a BIP-39 seed. */
export function deriveValidatorKeys(
  seed: Uint8Array,
  coinType: number,
  startIndex: number,
  count: number,
): ValidatorKeys[] {
  if (!Number.isSafeInteger(count) || count < 0 || startIndex + count - 1 > 0xffffffff) {
    throw new KeyError("INVALID_INDEX", `cannot derive ${count} validator keys from index ${startIndex}`);
  }
  signingKeyPath(coinType, startIndex); // validates coinType and startIndex
  const coinKey = deriveChildSecretKey(deriveChildSecretKey(deriveMasterSecretKey(seed), EIP2334_PURPOSE), coinType);
  return Array.from({ length: count }, (_, offset) => {
    const index = startIndex + offset;
    const withdrawalSecretKey = deriveChildSecretKey(deriveChildSecretKey(coinKey, index), 0);
    return {
      index,
      signingKeyPath: signingKeyPath(coinType, index),
      signingSecretKey: deriveChildSecretKey(withdrawalSecretKey, 0),
      withdrawalKeyPath: withdrawalKeyPath(coinType, index),
      withdrawalSecretKey,
    };
  });
}
