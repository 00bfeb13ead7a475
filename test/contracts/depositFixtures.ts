// Shared helpers of the deposit contract tests: deposit data with real SSZ roots, a fresh contract on Hardhat's
// simulated network, sending single and batch deposits, reading DepositEvent logs.
import { randomBytes } from "node:crypto";
import { ListCompositeType } from "@chainsafe/ssz";
import type { TransactionReceipt } from "ethers";
import { network } from "hardhat";
import { DepositData } from "../../sdk/ssz/index.js";
import type { DepositContract } from "../../types/ethers-contracts/index.js";

export const GWEI = 10n ** 9n;
export const BTCC = 10n ** 18n;
export const MAX_GWEI = 2n ** 64n - 1n;
/** keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)"), the topic of Ethereum's deposit logs. */
export const DEPOSIT_EVENT_TOPIC = "0x649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5";

/** The consensus spec's deposit list: its hash_tree_root is the contract's get_deposit_root(). */
export const DepositDataList = new ListCompositeType(DepositData, 2 ** 32);

export interface TestDeposit {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  signature: Uint8Array;
  amountGwei: bigint;
  /** hash_tree_root(DepositData), computed off-chain with @chainsafe/ssz. */
  root: Uint8Array;
}

/** `amountGwei` as the SDK's DepositData (UintNum64) takes it: 2**64-1 is Infinity (clipInfinity). */
function sszAmount(amountGwei: bigint): number {
  if (amountGwei === MAX_GWEI) return Number.POSITIVE_INFINITY;
  if (amountGwei > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount ${amountGwei} not exact as a number`);
  return Number(amountGwei);
}

export function depositDataValue(d: Omit<TestDeposit, "root">) {
  return {
    pubkey: d.pubkey,
    withdrawalCredentials: d.withdrawalCredentials,
    amount: sszAmount(d.amountGwei),
    signature: d.signature,
  };
}

/** A deposit of the given fields (random by default: signatures need not be valid BLS, the contract does not check). */
export function makeDeposit(fields: Partial<Omit<TestDeposit, "root">> = {}): TestDeposit {
  const d = {
    pubkey: fields.pubkey ?? randomBytes(48),
    withdrawalCredentials: fields.withdrawalCredentials ?? randomBytes(32),
    signature: fields.signature ?? randomBytes(96),
    amountGwei: fields.amountGwei ?? 1000n * 10n ** 9n,
  };
  return { ...d, root: DepositData.hashTreeRoot(depositDataValue(d)) };
}

/** Off-chain model of the contract: the SSZ list of every deposit, hashed incrementally. */
export class DepositListModel {
  private readonly list = DepositDataList.defaultViewDU();

  push(d: TestDeposit): void {
    this.list.push(DepositData.toViewDU(depositDataValue(d)));
  }

  get count(): number {
    return this.list.length;
  }

  root(): string {
    this.list.commit();
    return `0x${Buffer.from(this.list.hashTreeRoot()).toString("hex")}`;
  }
}

/** A fresh Hardhat network with a funded signer and a newly deployed DepositContract. */
export async function deployDepositContract() {
  const connection = await network.create();
  const { ethers } = connection;
  const [signer] = await ethers.getSigners();
  await ethers.provider.send("hardhat_setBalance", [signer.address, ethers.toQuantity(10n ** 32n)]);
  const contract = (await ethers.deployContract("DepositContract")) as unknown as DepositContract;
  await contract.waitForDeployment();
  return { connection, ethers, signer, contract };
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

export function sendDeposit(contract: DepositContract, d: TestDeposit, valueWei = d.amountGwei * GWEI) {
  return contract.deposit(d.pubkey, d.withdrawalCredentials, d.signature, d.root, { value: valueWei });
}

export function batchArgs(deposits: TestDeposit[]) {
  return [
    concatBytes(deposits.map((d) => d.pubkey)),
    concatBytes(deposits.map((d) => d.withdrawalCredentials)),
    concatBytes(deposits.map((d) => d.signature)),
    deposits.map((d) => d.root),
    deposits.map((d) => d.amountGwei * GWEI),
  ] as const;
}

export function totalWei(deposits: TestDeposit[]): bigint {
  return deposits.reduce((sum, d) => sum + d.amountGwei * GWEI, 0n);
}

export function sendBatch(contract: DepositContract, deposits: TestDeposit[], valueWei = totalWei(deposits)) {
  return contract.batchDeposit(...batchArgs(deposits), { value: valueWei });
}

export async function mined(tx: Promise<{ wait(): Promise<TransactionReceipt | null> }>): Promise<TransactionReceipt> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction was not mined");
  return receipt;
}

/** The raw (topics, data) of each log of a receipt, for byte-for-byte comparisons. */
export function rawLogs(receipt: TransactionReceipt): { topics: readonly string[]; data: string }[] {
  return receipt.logs.map((log) => ({ topics: log.topics, data: log.data }));
}

/** uint64 as 8 bytes little-endian, 0x-hex (the encoding of amount, index and get_deposit_count). */
export function littleEndian64(value: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return `0x${bytes.toString("hex")}`;
}
