import { ForkData } from "./signingTypes.js";

/** compute_fork_data_root (phase0 beacon-chain.md, "Misc"): hash_tree_root(ForkData(version, genesis_validators_root)). */
export function computeForkDataRoot(currentVersion: Uint8Array, genesisValidatorsRoot: Uint8Array): Uint8Array {
  return ForkData.hashTreeRoot({ currentVersion, genesisValidatorsRoot });
}
