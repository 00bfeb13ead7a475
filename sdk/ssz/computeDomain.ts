import { computeForkDataRoot } from "./computeForkDataRoot.js";

export const ZERO_ROOT = new Uint8Array(32);
/** DOMAIN_DEPOSIT (phase0 beacon-chain.md, "Domain types"). */
export const DOMAIN_DEPOSIT = Uint8Array.of(3, 0, 0, 0);
/** DOMAIN_VOLUNTARY_EXIT (phase0 beacon-chain.md, "Domain types"). */
export const DOMAIN_VOLUNTARY_EXIT = Uint8Array.of(4, 0, 0, 0);

/**
 * compute_domain (phase0 beacon-chain.md, "Misc"): domain_type ++ fork_data_root[:28].
 * Deposits are signed with the genesis fork version and a zero genesis_validators_root, so they stay valid across forks.
 */
export function computeDomain(
  domainType: Uint8Array,
  forkVersion: Uint8Array,
  genesisValidatorsRoot: Uint8Array = ZERO_ROOT,
): Uint8Array {
  if (domainType.length !== 4) throw new RangeError(`domain type must be 4 bytes, got ${domainType.length}`);
  if (forkVersion.length !== 4) throw new RangeError(`fork version must be 4 bytes, got ${forkVersion.length}`);
  const domain = new Uint8Array(32);
  domain.set(domainType, 0);
  domain.set(computeForkDataRoot(forkVersion, genesisValidatorsRoot).subarray(0, 28), 4);
  return domain;
}
