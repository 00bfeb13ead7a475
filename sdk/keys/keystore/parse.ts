// Structural check of an EIP-2335 keystore (JSON text or object) before anything is derived from it.
import { KeystoreError } from "./errors.js";
import { isHex } from "./hex.js";
import type { Keystore } from "./types.js";

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new KeystoreError("INVALID_KEYSTORE", `${where} must be a JSON object`);
  }
  return value as Json;
}

function hexField(value: unknown, where: string, bytes?: number): string {
  if (!isHex(value, bytes)) {
    const size = bytes === undefined ? "" : ` of ${bytes} bytes`;
    throw new KeystoreError("INVALID_KEYSTORE", `${where} must be hex${size} without 0x`);
  }
  return value.toLowerCase();
}

function stringField(value: unknown, where: string): string {
  if (typeof value !== "string") throw new KeystoreError("INVALID_KEYSTORE", `${where} must be a string`);
  return value;
}

function numberField(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new KeystoreError("INVALID_KEYSTORE", `${where} must be an integer`);
  }
  return value;
}

/** Returns the keystore with its fields type-checked; KDF parameter strength is checked by decryptKeystore. */
export function parseKeystore(input: unknown): Keystore {
  let raw = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch {
      throw new KeystoreError("INVALID_KEYSTORE", "keystore is not valid JSON");
    }
  }
  const ks = object(raw, "keystore");
  if (ks.version !== 4) {
    throw new KeystoreError("UNSUPPORTED_VERSION", `keystore version must be 4 (EIP-2335), got ${String(ks.version)}`);
  }
  const crypto = object(ks.crypto, "crypto");
  const kdf = object(crypto.kdf, "crypto.kdf");
  const kdfParams = object(kdf.params, "crypto.kdf.params");
  const checksum = object(crypto.checksum, "crypto.checksum");
  const cipher = object(crypto.cipher, "crypto.cipher");
  const cipherParams = object(cipher.params, "crypto.cipher.params");

  if (checksum.function !== "sha256") {
    throw new KeystoreError(
      "UNSUPPORTED_CHECKSUM",
      `checksum function must be sha256, got ${String(checksum.function)}`,
    );
  }
  if (cipher.function !== "aes-128-ctr") {
    throw new KeystoreError(
      "UNSUPPORTED_CIPHER",
      `cipher function must be aes-128-ctr, got ${String(cipher.function)}`,
    );
  }
  const salt = hexField(kdfParams.salt, "crypto.kdf.params.salt");
  const dklen = numberField(kdfParams.dklen, "crypto.kdf.params.dklen");
  let kdfModule: Keystore["crypto"]["kdf"];
  if (kdf.function === "scrypt") {
    const n = numberField(kdfParams.n, "crypto.kdf.params.n");
    const r = numberField(kdfParams.r, "crypto.kdf.params.r");
    const p = numberField(kdfParams.p, "crypto.kdf.params.p");
    kdfModule = { function: "scrypt", params: { dklen, n, p, r, salt }, message: "" };
  } else if (kdf.function === "pbkdf2") {
    const c = numberField(kdfParams.c, "crypto.kdf.params.c");
    const prf = kdfParams.prf;
    if (prf !== "hmac-sha256")
      throw new KeystoreError("UNSUPPORTED_KDF", `pbkdf2 prf must be hmac-sha256, got ${String(prf)}`);
    kdfModule = { function: "pbkdf2", params: { dklen, c, prf, salt }, message: "" };
  } else {
    throw new KeystoreError("UNSUPPORTED_KDF", `kdf function must be scrypt or pbkdf2, got ${String(kdf.function)}`);
  }

  const pubkey = ks.pubkey === undefined || ks.pubkey === "" ? "" : hexField(ks.pubkey, "pubkey", 48);
  return {
    crypto: {
      kdf: kdfModule,
      checksum: { function: "sha256", params: {}, message: hexField(checksum.message, "crypto.checksum.message", 32) },
      cipher: {
        function: "aes-128-ctr",
        params: { iv: hexField(cipherParams.iv, "crypto.cipher.params.iv", 16) },
        message: hexField(cipher.message, "crypto.cipher.message"),
      },
    },
    description: ks.description === undefined ? "" : stringField(ks.description, "description"),
    pubkey,
    path: ks.path === undefined ? "" : stringField(ks.path, "path"),
    uuid: stringField(ks.uuid, "uuid"),
    version: 4,
  };
}
