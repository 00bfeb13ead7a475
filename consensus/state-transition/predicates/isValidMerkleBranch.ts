import { hash } from "../crypto/hash.js";

/** is_valid_merkle_branch (phase0 beacon-chain.md, "Predicates"). */
export function isValidMerkleBranch(
  leaf: Uint8Array,
  branch: Uint8Array[],
  depth: number,
  index: number,
  root: Uint8Array,
): boolean {
  if (branch.length < depth) return false;
  let value = leaf;
  const buf = new Uint8Array(64);
  for (let i = 0; i < depth; i++) {
    if (Math.floor(index / 2 ** i) % 2 === 1) {
      buf.set(branch[i], 0);
      buf.set(value, 32);
    } else {
      buf.set(value, 0);
      buf.set(branch[i], 32);
    }
    value = hash(buf);
  }
  return Buffer.from(value).equals(Buffer.from(root));
}
