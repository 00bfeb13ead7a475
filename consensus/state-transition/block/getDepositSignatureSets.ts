import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlockBody } from "../../types/index.js";
import type { AggregateSignatureSet } from "../crypto/verifyAggregateSignatureSets.js";
import { computeDomain } from "../misc/computeDomain.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";

/**
 * The proofs-of-possession of a block's deposits as batchable sets: the signature process_deposit checks for a new
 * validator (phase0 beacon-chain.md, "Deposits": the DepositMessage under the fork-agnostic deposit domain). Every
 * deposit is included, top-ups too (their signature is not checked by the spec): if all verify, process_deposit needs
 * no check of its own; if not, it checks each new validator's as the spec says (an invalid one skips the deposit, it
 * does not invalidate the block).
 */
export function getDepositSignatureSets(cfg: BeaconConfig, body: BeaconBlockBody): AggregateSignatureSet[] {
  if (body.deposits.length === 0) return [];
  const domain = computeDomain(cfg, cfg.DOMAIN_DEPOSIT);
  return body.deposits.map(({ data }) => ({
    publicKeys: [data.pubkey],
    message: computeSigningRoot(
      cfg.types.DepositMessage,
      { pubkey: data.pubkey, withdrawalCredentials: data.withdrawalCredentials, amount: data.amount },
      domain,
    ),
    signature: data.signature,
  }));
}
