import { computeDomain, computeSigningRoot, DepositMessage, DOMAIN_DEPOSIT } from "../ssz/index.js";

export interface DepositMessageValue {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  amountGwei: bigint;
}

/** hash_tree_root(DepositMessage): the `deposit_message_root` of deposit data files. */
export function depositMessageRoot(message: DepositMessageValue): Uint8Array {
  return DepositMessage.hashTreeRoot({
    pubkey: message.pubkey,
    withdrawalCredentials: message.withdrawalCredentials,
    amount: gweiToSszNumber(message.amountGwei),
  });
}

/**
 * What a deposit's BLS key signs: compute_signing_root(deposit_message, compute_domain(DOMAIN_DEPOSIT, fork_version))
 * with a zero genesis_validators_root (phase0 beacon-chain.md "Deposits"; deposits must stay valid across forks).
 */
export function depositSigningRoot(messageRoot: Uint8Array, forkVersion: Uint8Array): Uint8Array {
  return computeSigningRoot(messageRoot, computeDomain(DOMAIN_DEPOSIT, forkVersion));
}

/** The SSZ Gwei type holds JS numbers; every deposit amount a network allows is far below 2^53. */
export function gweiToSszNumber(amountGwei: bigint): number {
  if (amountGwei < 0n || amountGwei > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${amountGwei} gwei is outside 0..2^53-1`);
  }
  return Number(amountGwei);
}
