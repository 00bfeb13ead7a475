// scrypt through node:crypto: native code run on libuv's thread pool, off the event loop.
import { scrypt, scryptSync } from "node:crypto";
import type { ScryptInput } from "./scrypt.js";

/** Node's default maxmem (32 MiB) is below the 256 MiB that n=2^18, r=8 needs: allow the real need plus slack. */
function maxmemFor({ n, r, p }: ScryptInput): number {
  return 128 * n * r + 128 * r * p + 16 * 1024 * 1024;
}

export function scryptNode(
  password: Uint8Array,
  salt: Uint8Array,
  { n, r, p, dklen }: ScryptInput,
): Promise<Uint8Array> {
  const maxmem = maxmemFor({ n, r, p, dklen });
  return new Promise((resolve, reject) => {
    scrypt(password, salt, dklen, { N: n, r, p, maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
    });
  });
}

/** Blocking variant, for worker threads only (it occupies the calling thread for the whole computation). */
export function scryptNodeSync(password: Uint8Array, salt: Uint8Array, params: ScryptInput): Uint8Array {
  const { n, r, p, dklen } = params;
  const key = scryptSync(password, salt, dklen, { N: n, r, p, maxmem: maxmemFor(params) });
  return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
}
