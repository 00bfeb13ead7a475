import { digest2Bytes32 } from "@chainsafe/as-sha256";

/** DEPOSIT_CONTRACT_TREE_DEPTH (phase0 beacon-chain.md, "Constants"). */
export const DEPOSIT_CONTRACT_TREE_DEPTH = 32;

/** ZERO_HASHES[h] is the root of an empty subtree of height h (ZERO_HASHES[0] is the zero leaf). */
export const ZERO_HASHES: readonly Uint8Array[] = (() => {
  const zeros: Uint8Array[] = [new Uint8Array(32)];
  for (let h = 0; h < DEPOSIT_CONTRACT_TREE_DEPTH; h++) zeros.push(digest2Bytes32(zeros[h], zeros[h]));
  return zeros;
})();

/** The 32-byte little-endian encoding of a count, as mixed into the root of an SSZ list. */
export function lengthLeaf(count: number): Uint8Array {
  const out = new Uint8Array(32);
  new DataView(out.buffer).setBigUint64(0, BigInt(count), true);
  return out;
}
