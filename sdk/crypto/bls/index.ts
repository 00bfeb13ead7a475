// BLS entry point. `getBls()` picks the native blst back end when it loads (Node), else the pure-JS noble one
// (browsers, or anywhere the native addon is missing). Both give byte-identical outputs. Both follow the
// consensus-specs v1.0.0 rules (KeyValidate: an infinity public key never verifies) unless the v0.12.3 rules are
// asked for explicitly, which only the v0.12.3 spec-test vectors need (see BlsRules in types.ts).
import { createBls, rulesOptions } from "./createBls.js";
import { BlsError } from "./errors.js";
import { nobleBackend, nobleBls } from "./noble.js";
import type { Bls, BlsBackend, BlsRules } from "./types.js";

export * from "./constants.js";
export { type CreateBlsOptions, createBls } from "./createBls.js";
export * from "./errors.js";
export { nobleBackend, nobleBls } from "./noble.js";
export type * from "./types.js";

export type BlsBackendName = Bls["backend"];

export interface GetBlsOptions {
  /** Force a back end (default: blst if it loads, else noble). */
  backend?: BlsBackendName;
  /** Rule set; default "v1.0.0". "v0.12.3" only to check the v0.12.3 spec-test vectors. */
  rules?: BlsRules;
}

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === "string";
}

async function loadBlst(): Promise<BlsBackend | null> {
  if (!isNode()) return null;
  try {
    // Kept out of browser bundles: mark `*.node.js` / `@chainsafe/blst` external (it is never reached there).
    const module = await import("./blst.node.js");
    return module.blstBackend;
  } catch {
    return null;
  }
}

const blstPromise: Promise<BlsBackend | null> = loadBlst();
const blstV1Promise: Promise<Bls | null> = blstPromise.then((core) => (core ? createBls(core) : null));

async function pickBackend(backend: BlsBackendName | undefined): Promise<BlsBackend> {
  if (backend === "noble") return nobleBackend;
  const blst = await blstPromise;
  if (blst) return blst;
  if (backend === "blst") throw new BlsError("BACKEND_UNAVAILABLE", "the native blst back end cannot load here");
  return nobleBackend;
}

/**
 * The BLS implementation for this runtime, under the consensus-specs v1.0.0 rules unless `rules: "v0.12.3"` is
 * given. Back end: blst if it loads, else noble; `backend` (or the string shorthand `getBls("noble")`) forces one;
 * asking for blst where it cannot load throws BACKEND_UNAVAILABLE.
 */
export async function getBls(options: BlsBackendName | GetBlsOptions = {}): Promise<Bls> {
  const { backend, rules = "v1.0.0" } = typeof options === "string" ? { backend: options } : options;
  if (rules !== "v1.0.0" && rules !== "v0.12.3") {
    throw new BlsError("UNKNOWN_RULES", `unknown BLS rule set ${String(rules)}: expected "v1.0.0" or "v0.12.3"`);
  }
  if (rules === "v1.0.0") {
    // The shared default objects (no new wrapper per call).
    if (backend === "noble") return nobleBls;
    const blst = await blstV1Promise;
    if (blst) return blst;
  }
  return createBls(await pickBackend(backend), rulesOptions(rules));
}

/** The automatically chosen implementation under the v1.0.0 rules, ready synchronously once this module has loaded (top-level await). */
export const bls: Bls = await getBls();
