import { SigningData } from "./signingTypes.js";

/** compute_signing_root (phase0 beacon-chain.md, "Misc"): hash_tree_root(SigningData(object_root, domain)). */
export function computeSigningRoot(objectRoot: Uint8Array, domain: Uint8Array): Uint8Array {
  return SigningData.hashTreeRoot({ objectRoot, domain });
}
