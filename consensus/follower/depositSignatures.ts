// Proof-of-possession checks for deposits (phase0 beacon-chain.md, process_deposit: the deposit's signature over
// DepositMessage with the deposit domain, which uses the genesis fork version and a zero genesis_validators_root).
import type { Bls, SignatureSet } from "../../sdk/crypto/bls/index.js";
import { computeDomain, computeSigningRoot, DepositMessage, DOMAIN_DEPOSIT } from "../../sdk/ssz/index.js";
import type { DepositDataValue } from "./depositLog.js";

/** How many signatures one batch verification covers. */
const BATCH_SIZE = 128;

export function depositDomain(genesisForkVersion: Uint8Array): Uint8Array {
  return computeDomain(DOMAIN_DEPOSIT, genesisForkVersion);
}

/**
 * Whether each deposit's signature is a valid proof of possession. Batches are verified together
 * (bls.verifyMultipleSignatures: one multi-pairing per batch); a batch that fails is re-checked one by one to find
 * the bad ones. A public key that is not a valid G1 point (or is the point at infinity) fails.
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
    const message = computeSigningRoot(
      DepositMessage.hashTreeRoot({
        pubkey: d.pubkey,
        withdrawalCredentials: d.withdrawalCredentials,
        amount: d.amount,
      }),
      domain,
    );
    sets.push({ at, set: { publicKey: d.pubkey, message, signature: d.signature } });
  }
  for (let start = 0; start < sets.length; start += BATCH_SIZE) {
    const batch = sets.slice(start, start + BATCH_SIZE);
    if (bls.verifyMultipleSignatures(batch.map((b) => b.set))) {
      for (const b of batch) valid[b.at] = true;
    } else {
      for (const b of batch) valid[b.at] = bls.verify(b.set.publicKey, b.set.message, b.set.signature);
    }
  }
  return valid;
}

function isInfinityPubkey(pubkey: Uint8Array): boolean {
  if (pubkey.length !== 48 || pubkey[0] !== 0xc0) return false;
  for (let i = 1; i < 48; i++) if (pubkey[i] !== 0) return false;
  return true;
}
