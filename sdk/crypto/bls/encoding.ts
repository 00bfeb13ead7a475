import { CURVE_ORDER, PUBLIC_KEY_LENGTH, SECRET_KEY_LENGTH, SIGNATURE_LENGTH } from "./constants.js";
import { BlsError } from "./errors.js";

/** The canonical compressed encoding of the point at infinity: flags 0b110 then all zero bits. */
export function isInfinityEncoding(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xc0) return false;
  for (let i = 1; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

export function isPublicKeyLength(bytes: Uint8Array): boolean {
  return bytes instanceof Uint8Array && bytes.length === PUBLIC_KEY_LENGTH;
}

export function isSignatureLength(bytes: Uint8Array): boolean {
  return bytes instanceof Uint8Array && bytes.length === SIGNATURE_LENGTH;
}

export function infinityPublicKey(): Uint8Array {
  const out = new Uint8Array(PUBLIC_KEY_LENGTH);
  out[0] = 0xc0;
  return out;
}

export function infinitySignature(): Uint8Array {
  const out = new Uint8Array(SIGNATURE_LENGTH);
  out[0] = 0xc0;
  return out;
}

/** Throws unless `secretKey` is 32 bytes big-endian encoding an integer in [1, r-1]. */
export function assertSecretKey(secretKey: Uint8Array): void {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== SECRET_KEY_LENGTH) {
    throw new BlsError("INVALID_SECRET_KEY", `secret key must be ${SECRET_KEY_LENGTH} bytes`);
  }
  let value = 0n;
  for (const byte of secretKey) value = (value << 8n) | BigInt(byte);
  if (value === 0n || value >= CURVE_ORDER) {
    throw new BlsError("INVALID_SECRET_KEY", "secret key must be an integer in [1, r-1] (r = BLS12-381 group order)");
  }
}
