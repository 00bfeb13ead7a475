// Real deposits for the follower tests: BLS keys derived from a label, signed DepositData, and calls of the
// contract's deposit / batchDeposit.
import { createHash } from "node:crypto";
import { type Contract, concat } from "ethers";
import { bls } from "../../../../sdk/crypto/bls/index.js";
import {
  computeDomain,
  computeSigningRoot,
  DepositData,
  DepositMessage,
  DOMAIN_DEPOSIT,
} from "../../../../sdk/ssz/index.js";

/** BTC20's GENESIS_FORK_VERSION (consensus/params btc20 preset). */
export const FORK_VERSION = Uint8Array.of(0x20, 0x20, 0x00, 0x00);
export const DEPOSIT_DOMAIN = computeDomain(DOMAIN_DEPOSIT, FORK_VERSION);

export interface TestKey {
  secretKey: Uint8Array;
  pubkey: Uint8Array;
}

export interface SignedDeposit {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  amount: number;
  signature: Uint8Array;
  root: Uint8Array;
}

export function testKey(label: string): TestKey {
  const secretKey = createHash("sha256").update(`btc20-follower-test-${label}`).digest();
  secretKey[0] &= 0x3f; // below the curve order
  return { secretKey, pubkey: bls.secretKeyToPublicKey(secretKey) };
}

/** A deposit of `amountGwei` for `key`; `badSignature` signs a different message (a proof of possession that fails). */
export function signedDeposit(key: TestKey, amountGwei: number, opts: { badSignature?: boolean } = {}): SignedDeposit {
  const withdrawalCredentials = createHash("sha256").update(key.pubkey).digest();
  withdrawalCredentials[0] = 0;
  const messageRoot = DepositMessage.hashTreeRoot({ pubkey: key.pubkey, withdrawalCredentials, amount: amountGwei });
  const signingRoot = computeSigningRoot(messageRoot, DEPOSIT_DOMAIN);
  if (opts.badSignature) signingRoot[0] ^= 1;
  const signature = bls.sign(key.secretKey, signingRoot);
  const data = { pubkey: key.pubkey, withdrawalCredentials, amount: amountGwei, signature };
  return { ...data, root: DepositData.hashTreeRoot(data) };
}

const GWEI = 1_000_000_000n;

export async function sendDeposit(contract: Contract, d: SignedDeposit): Promise<void> {
  const tx = await contract.deposit(d.pubkey, d.withdrawalCredentials, d.signature, d.root, {
    value: BigInt(d.amount) * GWEI,
  });
  await tx.wait();
}

export async function sendBatch(contract: Contract, deposits: SignedDeposit[]): Promise<void> {
  const amounts = deposits.map((d) => BigInt(d.amount) * GWEI);
  const tx = await contract.batchDeposit(
    concat(deposits.map((d) => d.pubkey)),
    concat(deposits.map((d) => d.withdrawalCredentials)),
    concat(deposits.map((d) => d.signature)),
    deposits.map((d) => d.root),
    amounts,
    { value: amounts.reduce((a, b) => a + b, 0n) },
  );
  await tx.wait();
}
