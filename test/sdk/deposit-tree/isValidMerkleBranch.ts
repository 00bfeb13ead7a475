import { createHash } from "node:crypto";

/**
 * is_valid_merkle_branch (phase0 beacon-chain.md, "Predicates"), written out literally with node's SHA-256 so the tests
 * check the tree's proofs against the spec's rule, not against the tree's own hashing.
 */
export function isValidMerkleBranch(
  leaf: Uint8Array,
  branch: Uint8Array[],
  depth: number,
  index: number,
  root: Uint8Array,
): boolean {
  let value = Buffer.from(leaf);
  for (let i = 0; i < depth; i++) {
    const bit = Math.floor(index / 2 ** i) % 2;
    const h = createHash("sha256");
    if (bit === 1) h.update(branch[i]).update(value);
    else h.update(value).update(branch[i]);
    value = h.digest();
  }
  return value.equals(Buffer.from(root));
}
