import { computeForkDataRoot as sdkComputeForkDataRoot } from "../../../sdk/ssz/index.js";

/** compute_fork_data_root (phase0 beacon-chain.md, "Misc"): shared with the SDK. */
export function computeForkDataRoot(currentVersion: Uint8Array, genesisValidatorsRoot: Uint8Array): Uint8Array {
  return sdkComputeForkDataRoot(currentVersion, genesisValidatorsRoot);
}
