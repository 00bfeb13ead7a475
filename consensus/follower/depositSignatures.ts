// Proof-of-possession checks for deposits (phase0 beacon-chain.md, process_deposit: the deposit's signature over
// DepositMessage with the deposit domain, which uses the genesis fork version and a zero genesis_validators_root).
import type { Bls, SignatureSet } from "../../sdk/crypto/bls/index.js";
import { computeDomain, computeSigningRoot, DepositMessage, DOMAIN_DEPOSIT } from "../../sdk/ssz/index.js";
import { validByBisection } from "./bisectBatch.js";
import type { DepositDataValue } from "./depositLog.js";

/** How many signatures one batch verification covers (larger batches gain little: a pairing costs the same). */
export const SIGNATURE_BATCH_SIZE = 64;

export function depositDomain(genesisForkVersion: Uint8Array): Uint8Array {
  return computeDomain(DOMAIN_DEPOSIT, genesisForkVersion);
}

/** The message a deposit's proof of possession signs: compute_signing_root(DepositMessage, deposit domain). */
export function depositSigningRoot(deposit: DepositDataValue, domain: Uint8Array): Uint8Array {
  return computeSigningRoot(
    DepositMessage.hashTreeRoot({
      pubkey: deposit.pubkey,
      withdrawalCredentials: deposit.withdrawalCredentials,
      amount: deposit.amount,
    }),
    domain,
  );
}

/** Checks proofs of possession in bulk: whether each deposit's signature is valid, in the order given. */
export interface DepositSignatureVerifier {
  verify(deposits: readonly DepositDataValue[]): Promise<boolean[]>;
}

/**
 * Whether each deposit's signature is a valid proof of possession, on this thread. Batches are verified together
 * (bls.verifyMultipleSignatures: one randomised multi-pairing per batch); in a batch that fails the bad signatures
 * are found by bisection. A public key that is not a valid G1 point (or is the point at infinity) fails.
 */
export function verifyDepositSignatures(
  bls: Bls,
  domain: Uint8Array,
  deposits: readonly DepositDataValue[],
): boolean[] {
  const valid = new Array<boolean>(deposits.length).fill(false);
  const sets: { at: number; set: SignatureSet }[] = [];
  for (const [at, d] of deposits.entries()) {
    // The point at infinity verifies against an infinity signature in the BLS back ends (as the spec vectors require)
    // but is no key: refuse it here. Every other malformed key makes the verification itself fail.
    if (isInfinityPubkey(d.pubkey)) continue;
    sets.push({ at, set: { publicKey: d.pubkey, message: depositSigningRoot(d, domain), signature: d.signature } });
  }
  for (let start = 0; start < sets.length; start += SIGNATURE_BATCH_SIZE) {
    const batch = sets.slice(start, start + SIGNATURE_BATCH_SIZE);
    const ok = validByBisection(batch, (part) => bls.verifyMultipleSignatures(part.map((b) => b.set)));
    for (const [k, b] of batch.entries()) valid[b.at] = ok[k];
  }
  return valid;
}

/** verifyDepositSignatures behind the asynchronous interface (one thread; see DepositSignaturePool for all cores). */
export function inThreadSignatureVerifier(bls: Bls, domain: Uint8Array): DepositSignatureVerifier {
  return { verify: async (deposits) => verifyDepositSignatures(bls, domain, deposits) };
}

function isInfinityPubkey(pubkey: Uint8Array): boolean {
  if (pubkey.length !== 48 || pubkey[0] !== 0xc0) return false;
  for (let i = 1; i < 48; i++) if (pubkey[i] !== 0) return false;
  return true;
}
