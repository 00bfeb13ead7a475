// EIP-2333 key derivation and EIP-2334 paths. In Node the work is done by blst's native code; elsewhere by the
// portable implementation in eip2333Portable.ts. Both give the same keys (checked against the EIP's vectors).
import { deriveChildSecretKeyJs, deriveMasterSecretKeyJs } from "./eip2333Portable.js";
import { parsePath } from "./eip2334.js";
import { KeyError } from "./errors.js";
import { assertValidSecretKey } from "./secretKey.js";

interface Eip2333Impl {
  master(seed: Uint8Array): Uint8Array;
  child(parentSecretKey: Uint8Array, index: number): Uint8Array;
}

const portable: Eip2333Impl = { master: deriveMasterSecretKeyJs, child: deriveChildSecretKeyJs };

async function loadNative(): Promise<Eip2333Impl | null> {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (typeof proc?.versions?.node !== "string") return null;
  try {
    const native = await import("./eip2333.node.js");
    return { master: native.deriveMasterSecretKeyNative, child: native.deriveChildSecretKeyNative };
  } catch {
    return null;
  }
}

const impl: Eip2333Impl = (await loadNative()) ?? portable;

/** "native" (blst) or "portable" (JS): which implementation this runtime uses. */
export const eip2333Backend: "native" | "portable" = impl === portable ? "portable" : "native";

/** EIP-2333 "derive_master_SK": seed (>= 32 bytes, e.g. a BIP-39 seed) -> 32-byte big-endian master secret key. */
export function deriveMasterSecretKey(seed: Uint8Array): Uint8Array {
  if (!(seed instanceof Uint8Array) || seed.length < 32) {
    throw new KeyError("INVALID_SEED", `seed must be at least 32 bytes, got ${seed?.length}`);
  }
  return impl.master(seed);
}

/** EIP-2333 "derive_child_SK": hardened child `index` (0 <= index < 2^32) of a 32-byte parent secret key. */
export function deriveChildSecretKey(parentSecretKey: Uint8Array, index: number): Uint8Array {
  assertValidSecretKey(parentSecretKey);
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) {
    throw new KeyError("INVALID_INDEX", `child index must be an integer in [0, 2^32-1], got ${index}`);
  }
  return impl.child(parentSecretKey, index);
}

/** The secret key at an EIP-2333 path such as "m/12381/3600/0/0/0" (EIP-2334 signing key 0), from a seed. */
export function deriveSecretKeyAtPath(seed: Uint8Array, path: string): Uint8Array {
  return parsePath(path).reduce(deriveChildSecretKey, deriveMasterSecretKey(seed));
}
