// The deposit contract's `DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature,
// bytes index)` log, parsed strictly: Ethereum's contract always emits the same 576-byte ABI layout, and consensus
// clients reject anything else rather than guess.
import { id } from "ethers";
import { DepositData } from "../../sdk/ssz/index.js";
import { FollowerError } from "./errors.js";
import { fromHex } from "./hex.js";

export const DEPOSIT_EVENT_TOPIC = id("DepositEvent(bytes,bytes,bytes,bytes,bytes)");
export const DEPOSIT_LOG_DATA_BYTES = 576;

/** The raw log fields the follower reads (eth_getLogs result item). */
export interface RawLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string | number;
  blockHash: string;
  transactionHash: string;
  logIndex: string | number;
  removed?: boolean;
}

export interface DepositDataValue {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  amount: number;
  signature: Uint8Array;
}

export interface DepositEvent {
  index: number;
  blockNumber: number;
  blockHash: string;
  transactionHash: string;
  logIndex: number;
  depositData: DepositDataValue;
  /** hash_tree_root(depositData): the contract's leaf. */
  depositDataRoot: Uint8Array;
}

// The fixed layout: five offsets, then each field as (length word, data padded to 32 bytes).
const FIELDS = [
  { name: "pubkey", offset: 160, length: 48 },
  { name: "withdrawal_credentials", offset: 256, length: 32 },
  { name: "amount", offset: 320, length: 8 },
  { name: "signature", offset: 384, length: 96 },
  { name: "index", offset: 512, length: 8 },
] as const;

function readWord(data: Uint8Array, at: number): bigint {
  let v = 0n;
  for (let i = at; i < at + 32; i++) v = (v << 8n) | BigInt(data[i]);
  return v;
}

function readUint64LE(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
}

function safeNumber(value: string | number): string {
  try {
    return String(toNumber(value));
  } catch {
    return String(value);
  }
}

function toNumber(value: string | number): number {
  const n = typeof value === "number" ? value : Number(BigInt(value));
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a block/log number: ${value}`);
  return n;
}

/** Decode one DepositEvent log; throws MALFORMED_DEPOSIT_LOG naming the block, log and what was wrong. */
export function parseDepositLog(log: RawLog): DepositEvent {
  const where = `block ${safeNumber(log.blockNumber)} tx ${log.transactionHash} log ${safeNumber(log.logIndex)}`;
  const fail = (what: string): never => {
    throw new FollowerError("MALFORMED_DEPOSIT_LOG", `${where}: ${what}`);
  };
  if (log.topics?.[0]?.toLowerCase() !== DEPOSIT_EVENT_TOPIC) fail(`topic ${log.topics?.[0]} is not DepositEvent`);
  let data: Uint8Array;
  try {
    data = fromHex(log.data);
  } catch {
    return fail("data is not hex");
  }
  if (data.length !== DEPOSIT_LOG_DATA_BYTES) fail(`data is ${data.length} bytes, expected ${DEPOSIT_LOG_DATA_BYTES}`);
  const fields: Uint8Array[] = [];
  for (const [i, field] of FIELDS.entries()) {
    const offset = readWord(data, i * 32);
    if (offset !== BigInt(field.offset)) fail(`${field.name} offset ${offset}, expected ${field.offset}`);
    const length = readWord(data, field.offset);
    if (length !== BigInt(field.length)) fail(`${field.name} length ${length}, expected ${field.length}`);
    const start = field.offset + 32;
    const padded = Math.ceil(field.length / 32) * 32;
    for (let j = start + field.length; j < start + padded; j++) {
      if (data[j] !== 0) fail(`${field.name} padding is not zero`);
    }
    fields.push(data.slice(start, start + field.length));
  }
  const [pubkey, withdrawalCredentials, amountBytes, signature, indexBytes] = fields;
  const amount = readUint64LE(amountBytes);
  const index = readUint64LE(indexBytes);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) fail(`amount ${amount} gwei exceeds 2**53-1`);
  if (index >= 2n ** 32n) fail(`index ${index} is beyond the tree`);
  const depositData = { pubkey, withdrawalCredentials, amount: Number(amount), signature };
  return {
    index: Number(index),
    blockNumber: toNumber(log.blockNumber),
    blockHash: log.blockHash.toLowerCase(),
    transactionHash: log.transactionHash,
    logIndex: toNumber(log.logIndex),
    depositData,
    depositDataRoot: DepositData.hashTreeRoot(depositData),
  };
}
