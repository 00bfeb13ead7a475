import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, IndexedAttestation } from "../../types/index.js";
import { getDomain } from "../accessors/getDomain.js";
import { fastAggregateVerifyCached } from "../crypto/fastAggregateVerifyCached.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";

/**
 * is_valid_indexed_attestation (phase0 beacon-chain.md, "Predicates"): indices non-empty, sorted and unique, and the
 * aggregate signature valid (the signature check is skipped when `verifySignature` is false, e.g. spec tests with
 * bls_setting 2).
 */
export function isValidIndexedAttestation(
  cfg: BeaconConfig,
  state: BeaconState,
  indexedAttestation: IndexedAttestation,
  verifySignature = true,
): boolean {
  const indices = indexedAttestation.attestingIndices;
  if (indices.length === 0) return false;
  for (let i = 1; i < indices.length; i++) if (indices[i] <= indices[i - 1]) return false;
  if (indices[indices.length - 1] >= state.validators.length) return false;
  if (!verifySignature) return true;
  const pubkeys = indices.map((i) => state.validators[i].pubkey);
  const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_ATTESTER, indexedAttestation.data.target.epoch);
  const signingRoot = computeSigningRoot(cfg.types.AttestationData, indexedAttestation.data, domain);
  return fastAggregateVerifyCached(pubkeys, signingRoot, indexedAttestation.signature);
}
