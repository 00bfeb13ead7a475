// PBKDF2-HMAC-SHA256 and AES-128-CTR through WebCrypto, native in Node (globalThis.crypto) and in browsers.

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("WebCrypto (crypto.subtle) is unavailable: a secure context or Node >= 20 is required");
  return s;
}

export async function pbkdf2Sha256(
  password: Uint8Array,
  salt: Uint8Array,
  c: number,
  dklen: number,
): Promise<Uint8Array> {
  const key = await subtle().importKey("raw", password as BufferSource, "PBKDF2", false, ["deriveBits"]);
  const bits = await subtle().deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations: c },
    key,
    8 * dklen,
  );
  return new Uint8Array(bits);
}

/** AES-128-CTR with the 16-byte IV as the initial counter block, the whole block counting (EIP-2335). */
export async function aes128Ctr(key16: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const key = await subtle().importKey("raw", key16 as BufferSource, "AES-CTR", false, ["encrypt"]);
  const out = await subtle().encrypt(
    { name: "AES-CTR", counter: iv as BufferSource, length: 128 },
    key,
    data as BufferSource,
  );
  return new Uint8Array(out);
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
