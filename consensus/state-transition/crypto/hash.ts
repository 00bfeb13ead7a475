import { digest } from "@chainsafe/as-sha256";

/** hash (phase0 beacon-chain.md, "Crypto"): SHA-256. */
export function hash(data: Uint8Array): Uint8Array {
  return digest(data);
}
