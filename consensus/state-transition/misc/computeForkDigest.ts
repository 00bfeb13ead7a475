import { computeForkDataRoot } from "./computeForkDataRoot.js";

/** compute_fork_digest (phase0 beacon-chain.md, "Misc"): the first 4 bytes of the fork data root. */
export function computeForkDigest(currentVersion: Uint8Array, genesisValidatorsRoot: Uint8Array): Uint8Array {
  return computeForkDataRoot(currentVersion, genesisValidatorsRoot).slice(0, 4);
}
