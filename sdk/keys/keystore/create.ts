// EIP-2335 keystore creation: KDF(password) -> AES-128-CTR(secret) + SHA-256 checksum, a fresh random salt
// (32 bytes), IV (16 bytes) and UUID v4 for every keystore.
import { getBls } from "../../crypto/bls/index.js";
import { parsePath } from "../eip2334.js";
import { KeyError } from "../errors.js";
import { assertValidSecretKey } from "../secretKey.js";
import { keystoreChecksum } from "./checksum.js";
import { deriveDecryptionKey } from "./deriveKey.js";
import { KeystoreError } from "./errors.js";
import { toHex } from "./hex.js";
import { checkKdfParams, type KdfOptions, type KdfPolicy, kdfModuleFor } from "./kdfParams.js";
import { normalizePassword } from "./password.js";
import type { KdfName, Keystore } from "./types.js";
import { aes128Ctr, randomBytes, randomUuid } from "./webcrypto.js";

export const KEYSTORE_SALT_BYTES = 32;
export const KEYSTORE_IV_BYTES = 16;

export interface CreateKeystoreOptions extends KdfPolicy {
  /** EIP-2334 path the key was derived at ("" when unknown). */
  path: string;
  /** Default: scrypt with n=2^18, r=8, p=1. */
  kdf?: KdfOptions | KdfName;
  description?: string;
  /** Compressed public key; computed from the secret when omitted. */
  pubkey?: Uint8Array;
  /** Fixed salt / IV / UUID: only to reproduce known-answer vectors. Fresh random values otherwise. */
  salt?: Uint8Array;
  iv?: Uint8Array;
  uuid?: string;
}

export async function createKeystore(
  secretKey: Uint8Array,
  password: string,
  options: CreateKeystoreOptions,
): Promise<Keystore> {
  try {
    assertValidSecretKey(secretKey);
  } catch (e) {
    throw new KeystoreError("INVALID_SECRET", e instanceof KeyError ? e.message : "invalid secret key");
  }
  if (options.path !== "") parsePath(options.path);
  const salt = options.salt ?? randomBytes(KEYSTORE_SALT_BYTES);
  const iv = options.iv ?? randomBytes(KEYSTORE_IV_BYTES);
  if (iv.length !== KEYSTORE_IV_BYTES) throw new KeystoreError("INVALID_KEYSTORE", "AES-128-CTR IV must be 16 bytes");
  const kdf = kdfModuleFor(options.kdf ?? "scrypt", toHex(salt));
  checkKdfParams(kdf, options);

  const decryptionKey = await deriveDecryptionKey(kdf, normalizePassword(password));
  const cipherMessage = await aes128Ctr(decryptionKey.subarray(0, 16), iv, secretKey);
  const pubkey = options.pubkey ?? (await getBls()).secretKeyToPublicKey(secretKey);
  return {
    crypto: {
      kdf,
      checksum: { function: "sha256", params: {}, message: toHex(keystoreChecksum(decryptionKey, cipherMessage)) },
      cipher: { function: "aes-128-ctr", params: { iv: toHex(iv) }, message: toHex(cipherMessage) },
    },
    description: options.description ?? "",
    pubkey: toHex(pubkey),
    path: options.path,
    uuid: options.uuid ?? randomUuid(),
    version: 4,
  };
}
