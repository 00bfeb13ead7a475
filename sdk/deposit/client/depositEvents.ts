import { getBytes, Interface, type Log, type Provider } from "ethers";
import { DEPOSIT_CONTRACT_ABI } from "./depositContractAbi.js";

const depositInterface = new Interface(DEPOSIT_CONTRACT_ABI);
const DEPOSIT_EVENT = depositInterface.getEvent("DepositEvent")!;

/** One DepositEvent log, decoded (amount and index are 8-byte little-endian in the log). */
export interface DepositEventRecord {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  amountGwei: bigint;
  signature: Uint8Array;
  /** Position in the deposit contract's Merkle tree. */
  depositIndex: bigint;
  blockNumber: number;
  transactionHash: string;
}

/** The DepositEvent logs of `contractAddress` in a transaction receipt, decoded. */
export function parseDepositEvents(logs: readonly Log[], contractAddress: string): DepositEventRecord[] {
  const address = contractAddress.toLowerCase();
  return logs
    .filter((log) => log.address.toLowerCase() === address && log.topics[0] === DEPOSIT_EVENT.topicHash)
    .map(decodeDepositLog);
}

function decodeDepositLog(log: Log): DepositEventRecord {
  const decoded = depositInterface.decodeEventLog(DEPOSIT_EVENT, log.data, log.topics);
  return {
    pubkey: getBytes(decoded[0]),
    withdrawalCredentials: getBytes(decoded[1]),
    amountGwei: littleEndian64(getBytes(decoded[2])),
    signature: getBytes(decoded[3]),
    depositIndex: littleEndian64(getBytes(decoded[4])),
    blockNumber: log.blockNumber,
    transactionHash: log.transactionHash,
  };
}

function littleEndian64(bytes: Uint8Array): bigint {
  if (bytes.length !== 8) throw new RangeError(`expected an 8-byte little-endian integer, got ${bytes.length} bytes`);
  let value = 0n;
  for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

export interface ScanDepositEventsOptions {
  /** First block to scan (e.g. the contract's deployment block); default 0. */
  fromBlock?: number;
  /** Blocks per eth_getLogs request (RPC providers cap the range); default 10,000. */
  blocksPerQuery?: number;
}

/** Every DepositEvent the contract has emitted, oldest first, read in block ranges. */
export async function scanDepositEvents(
  provider: Provider,
  contractAddress: string,
  options: ScanDepositEventsOptions = {},
): Promise<DepositEventRecord[]> {
  const latest = await provider.getBlockNumber();
  const step = options.blocksPerQuery ?? 10_000;
  const events: DepositEventRecord[] = [];
  for (let from = options.fromBlock ?? 0; from <= latest; from += step) {
    const logs = await provider.getLogs({
      address: contractAddress,
      topics: [DEPOSIT_EVENT.topicHash],
      fromBlock: from,
      toBlock: Math.min(from + step - 1, latest),
    });
    events.push(...logs.map(decodeDepositLog));
  }
  return events;
}
