import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";

/** Hex (with or without 0x) of exactly `length` bytes -> bytes; throws a RangeError naming `what` otherwise. */
export function fixedHexToBytes(value: unknown, length: number, what: string): Uint8Array {
  if (typeof value !== "string" || !/^(0x)?[0-9a-fA-F]*$/.test(value)) {
    throw new RangeError(`${what} must be a hex string of ${length} bytes, got ${JSON.stringify(value)}`);
  }
  const digits = value.startsWith("0x") ? value.slice(2) : value;
  if (digits.length !== length * 2) {
    throw new RangeError(`${what} must be ${length} bytes (${length * 2} hex digits), got ${digits.length} digits`);
  }
  return hexToBytes(digits);
}

/** Lower-case hex without 0x, the format of deposit_data files. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}
