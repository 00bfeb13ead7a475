// BLS entry point. `getBls()` picks the native blst back end when it loads (Node), else the pure-JS noble one
// (browsers, or anywhere the native addon is missing). Both give byte-identical outputs.
import { BlsError } from "./errors.js";
import { nobleBls } from "./noble.js";
import type { Bls } from "./types.js";

export * from "./constants.js";
export * from "./errors.js";
export { nobleBls } from "./noble.js";
export type * from "./types.js";

export type BlsBackendName = Bls["backend"];

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === "string";
}

async function loadBlst(): Promise<Bls | null> {
  if (!isNode()) return null;
  try {
    // Kept out of browser bundles: mark `*.node.js` / `@chainsafe/blst` external (it is never reached there).
    const module = await import("./blst.node.js");
    return module.blstBls;
  } catch {
    return null;
  }
}

const blstPromise: Promise<Bls | null> = loadBlst();

/**
 * The BLS implementation for this runtime. With no argument: blst if it loads, else noble.
 * `backend` forces one; asking for blst where it cannot load throws BACKEND_UNAVAILABLE.
 */
export async function getBls(backend?: BlsBackendName): Promise<Bls> {
  if (backend === "noble") return nobleBls;
  const blst = await blstPromise;
  if (blst) return blst;
  if (backend === "blst") throw new BlsError("BACKEND_UNAVAILABLE", "the native blst back end cannot load here");
  return nobleBls;
}

/** The automatically chosen implementation, ready synchronously once this module has loaded (top-level await). */
export const bls: Bls = await getBls();
