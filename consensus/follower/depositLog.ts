// The deposit contract's `DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature,
// bytes index)` log, parsed strictly: Ethereum's contract always emits the same 576-byte ABI layout, and consensus
// clients reject anything else rather than guess.
import { id } from "ethers";
import { depositDataRoot } from "../../sdk/deposit-tree/index.js";
import { FollowerError } from "./errors.js";

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

/** A 32-byte big-endian ABI word that must hold a small value (an offset or a length); -1 if it does not. */
function readSmallWord(data: Uint8Array, at: number): number {
  for (let i = at; i < at + 30; i++) if (data[i] !== 0) return -1;
  return (data[at + 30] << 8) | data[at + 31];
}

/** Strict hex decoding (Buffer.from stops silently at the first bad digit; the length check catches that). */
function decodeHex(hex: string): Uint8Array | null {
  if (typeof hex !== "string" || !hex.startsWith("0x") || hex.length % 2 !== 0) return null;
  const bytes = Buffer.from(hex.slice(2), "hex");
  return bytes.length * 2 === hex.length - 2 ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : null;
}

function readUint64LE(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
}

function describeWord(data: Uint8Array, at: number): string {
  const small = readSmallWord(data, at);
  return small >= 0 ? String(small) : `0x${Buffer.from(data.subarray(at, at + 32)).toString("hex")}`;
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
  const data = decodeHex(log.data) ?? fail("data is not hex");
  if (data.length !== DEPOSIT_LOG_DATA_BYTES) fail(`data is ${data.length} bytes, expected ${DEPOSIT_LOG_DATA_BYTES}`);
  const fields: Uint8Array[] = [];
  for (const [i, field] of FIELDS.entries()) {
    const offset = readSmallWord(data, i * 32);
    if (offset !== field.offset) fail(`${field.name} offset ${describeWord(data, i * 32)}, expected ${field.offset}`);
    const length = readSmallWord(data, field.offset);
    if (length !== field.length)
      fail(`${field.name} length ${describeWord(data, field.offset)}, expected ${field.length}`);
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
    depositDataRoot: depositDataRoot(depositData),
  };
}
