// scrypt for keystores: node:crypto in Node (native, on libuv's thread pool, so the event loop stays free),
// @noble/hashes' async scrypt elsewhere (it yields to the event loop while it works).
import { scryptAsync } from "@noble/hashes/scrypt.js";

export interface ScryptInput {
  n: number;
  r: number;
  p: number;
  dklen: number;
}

export type ScryptFn = (password: Uint8Array, salt: Uint8Array, params: ScryptInput) => Promise<Uint8Array>;

const portableScrypt: ScryptFn = (password, salt, { n, r, p, dklen }) =>
  scryptAsync(password, salt, { N: n, r, p, dkLen: dklen, maxmem: 2 ** 31 });

async function loadNative(): Promise<ScryptFn | null> {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (typeof proc?.versions?.node !== "string") return null;
  try {
    return (await import("./scrypt.node.js")).scryptNode;
  } catch {
    return null;
  }
}

let scryptImpl: ScryptFn = (await loadNative()) ?? portableScrypt;

/**
 * Replaces the scrypt used by this thread's keystore functions. The keystore pool's worker threads install a
 * blocking native scrypt: blocking is their purpose, and it keeps them off libuv's shared thread pool (4 threads by
 * default), which would otherwise cap the pool at 4 scrypts at once whatever the number of cores.
 */
export function useScryptImplementation(implementation: ScryptFn): void {
  scryptImpl = implementation;
}

export function scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptInput): Promise<Uint8Array> {
  return scryptImpl(password, salt, params);
}

export { portableScrypt };
