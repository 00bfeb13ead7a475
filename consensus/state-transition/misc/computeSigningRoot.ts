import type { Type } from "@chainsafe/ssz";
import { computeSigningRoot as signingRootOfObjectRoot } from "../../../sdk/ssz/index.js";

/** compute_signing_root (phase0 beacon-chain.md, "Misc"): hash_tree_root(SigningData(hash_tree_root(object), domain)). */
export function computeSigningRoot<T>(type: Type<T>, object: T, domain: Uint8Array): Uint8Array {
  return signingRootOfObjectRoot(type.hashTreeRoot(object), domain);
}
