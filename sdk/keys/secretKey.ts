import { CURVE_ORDER } from "../crypto/bls/constants.js";
import { KeyError } from "./errors.js";

/** BLS secret keys are 32-byte big-endian integers in [1, r-1]; these convert to and from bigint. */
export const SECRET_KEY_LENGTH = 32;

export function secretKeyToBigInt(secretKey: Uint8Array): bigint {
  if (secretKey.length !== SECRET_KEY_LENGTH) {
    throw new KeyError("INVALID_SECRET_KEY", `secret key must be ${SECRET_KEY_LENGTH} bytes, got ${secretKey.length}`);
  }
  let value = 0n;
  for (const byte of secretKey) value = (value << 8n) | BigInt(byte);
  return value;
}

export function bigIntToSecretKey(value: bigint): Uint8Array {
  if (value <= 0n || value >= CURVE_ORDER) {
    throw new KeyError("INVALID_SECRET_KEY", "secret key must be an integer in [1, r-1] (r = BLS12-381 group order)");
  }
  const out = new Uint8Array(SECRET_KEY_LENGTH);
  for (let i = SECRET_KEY_LENGTH - 1; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

/** Throws INVALID_SECRET_KEY unless `secretKey` is 32 bytes encoding an integer in [1, r-1]. */
export function assertValidSecretKey(secretKey: Uint8Array): void {
  if (!(secretKey instanceof Uint8Array)) throw new KeyError("INVALID_SECRET_KEY", "secret key must be a Uint8Array");
  bigIntToSecretKey(secretKeyToBigInt(secretKey));
}
