import { computeDomain as sdkComputeDomain, ZERO_ROOT } from "../../../sdk/ssz/index.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";

/**
 * compute_domain (phase0 beacon-chain.md, "Misc"): domain_type ++ fork_data_root[:28]; the fork version defaults to
 * GENESIS_FORK_VERSION and the genesis validators root to zero, as in the spec. Shared with the SDK.
 */
export function computeDomain(
  cfg: BeaconConfig,
  domainType: Uint8Array,
  forkVersion: Uint8Array = cfg.GENESIS_FORK_VERSION,
  genesisValidatorsRoot: Uint8Array = ZERO_ROOT,
): Uint8Array {
  return sdkComputeDomain(domainType, forkVersion, genesisValidatorsRoot);
}
