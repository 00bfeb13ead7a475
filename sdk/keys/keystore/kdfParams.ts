// KDF parameters: the EIP-2335 defaults for new keystores, and the bounds a keystore must respect to be
// opened. The floors keep brute force expensive: each is 1/16 of the default cost (n or c >= 2^14). The
// ceilings stop a hostile file from exhausting memory or time (scrypt memory 128*n*r <= 1 GiB, pbkdf2 c <= 2^24).
import { KeystoreError } from "./errors.js";
import type { KdfModule, KdfName } from "./types.js";

export const DEFAULT_SCRYPT = { dklen: 32, n: 2 ** 18, r: 8, p: 1 } as const;
export const DEFAULT_PBKDF2 = { dklen: 32, c: 2 ** 18, prf: "hmac-sha256" } as const;

export const MIN_SCRYPT_N = 2 ** 14;
export const MIN_SCRYPT_R = 8;
export const MAX_SCRYPT_MEMORY_BYTES = 2 ** 30;
export const MAX_SCRYPT_P = 16;
export const MIN_PBKDF2_C = 2 ** 14;
export const MAX_PBKDF2_C = 2 ** 24;
export const MIN_SALT_BYTES = 16;
/** AES-128 uses the first 16 bytes of the derived key and the checksum the next 16: dklen must be 32. */
export const KDF_DKLEN = 32;

export interface KdfPolicy {
  /** Accept parameters below the floors (only for tests and known test vectors). */
  allowWeakKdf?: boolean;
}

function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 1 && Number.isInteger(Math.log2(n));
}

function weak(message: string): KeystoreError {
  return new KeystoreError(
    "WEAK_KDF_PARAMS",
    `${message}; refusing a keystore this cheap to brute-force (pass allowWeakKdf only for tests)`,
  );
}

/** Throws unless the KDF parameters are well-formed, strong enough (or allowed weak), and not excessive. */
export function checkKdfParams(kdf: KdfModule, policy: KdfPolicy = {}): void {
  const { params } = kdf;
  if (params.dklen !== KDF_DKLEN) {
    throw new KeystoreError("INVALID_KEYSTORE", `kdf dklen must be ${KDF_DKLEN}, got ${params.dklen}`);
  }
  if (!/^([0-9a-f]{2})+$/i.test(params.salt) || params.salt.length / 2 < MIN_SALT_BYTES) {
    throw new KeystoreError("INVALID_KEYSTORE", `kdf salt must be hex of at least ${MIN_SALT_BYTES} bytes`);
  }
  if (kdf.function === "scrypt") {
    const { n, r, p } = kdf.params;
    if (!isPowerOfTwo(n) || !Number.isSafeInteger(r) || r < 1 || !Number.isSafeInteger(p) || p < 1) {
      throw new KeystoreError(
        "INVALID_KEYSTORE",
        `scrypt needs n a power of two > 1 and r, p >= 1; got n=${n} r=${r} p=${p}`,
      );
    }
    if (128 * n * r > MAX_SCRYPT_MEMORY_BYTES || p > MAX_SCRYPT_P) {
      throw new KeystoreError(
        "EXCESSIVE_KDF_PARAMS",
        `scrypt n=${n} r=${r} p=${p} needs more than ${MAX_SCRYPT_MEMORY_BYTES} bytes or p > ${MAX_SCRYPT_P}`,
      );
    }
    if (!policy.allowWeakKdf && (n < MIN_SCRYPT_N || r < MIN_SCRYPT_R)) {
      throw weak(`scrypt n=${n} r=${r} is below the minimum n=${MIN_SCRYPT_N} r=${MIN_SCRYPT_R}`);
    }
  } else {
    const { c, prf } = kdf.params;
    if (prf !== "hmac-sha256") throw new KeystoreError("UNSUPPORTED_KDF", `pbkdf2 prf must be hmac-sha256, got ${prf}`);
    if (!Number.isSafeInteger(c) || c < 1)
      throw new KeystoreError("INVALID_KEYSTORE", `pbkdf2 c must be >= 1, got ${c}`);
    if (c > MAX_PBKDF2_C) throw new KeystoreError("EXCESSIVE_KDF_PARAMS", `pbkdf2 c=${c} exceeds ${MAX_PBKDF2_C}`);
    if (!policy.allowWeakKdf && c < MIN_PBKDF2_C) {
      throw weak(`pbkdf2 c=${c} is below the minimum ${MIN_PBKDF2_C}`);
    }
  }
}

/** KDF choice for new keystores; omitted numbers take the EIP-2335 defaults. */
export type KdfOptions =
  | { function: "scrypt"; n?: number; r?: number; p?: number }
  | { function: "pbkdf2"; c?: number };

export function kdfModuleFor(options: KdfOptions | KdfName, saltHex: string): KdfModule {
  const o = typeof options === "string" ? { function: options } : options;
  if (o.function === "scrypt") {
    const s = o as Extract<KdfOptions, { function: "scrypt" }>;
    return {
      function: "scrypt",
      params: {
        dklen: KDF_DKLEN,
        n: s.n ?? DEFAULT_SCRYPT.n,
        p: s.p ?? DEFAULT_SCRYPT.p,
        r: s.r ?? DEFAULT_SCRYPT.r,
        salt: saltHex,
      },
      message: "",
    };
  }
  if (o.function === "pbkdf2") {
    const s = o as Extract<KdfOptions, { function: "pbkdf2" }>;
    return {
      function: "pbkdf2",
      params: { dklen: KDF_DKLEN, c: s.c ?? DEFAULT_PBKDF2.c, prf: "hmac-sha256", salt: saltHex },
      message: "",
    };
  }
  throw new KeystoreError("UNSUPPORTED_KDF", `kdf must be "scrypt" or "pbkdf2", got ${JSON.stringify(o.function)}`);
}
