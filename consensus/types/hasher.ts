// Merkleization back end: the native SIMD `hashtree` hasher of @chainsafe/persistent-merkle-tree when it loads
// (about 5-10x faster hash_tree_root of large states than the default as-sha256 WebAssembly one), else the default.
// Process-wide: it only changes speed, never a root.
import { setHasher } from "@chainsafe/persistent-merkle-tree";

export type HasherName = "hashtree" | "as-sha256";

async function useFastestHasher(): Promise<HasherName> {
  try {
    const { hasher } = await import("@chainsafe/persistent-merkle-tree/hasher/hashtree");
    setHasher(hasher);
    return "hashtree";
  } catch {
    return "as-sha256";
  }
}

/** Which hasher merkleizes SSZ values and trees in this process. */
export const activeHasher: HasherName = await useFastestHasher();
