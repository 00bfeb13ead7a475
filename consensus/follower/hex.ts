// Hex <-> bytes for JSON-RPC payloads (ethers' helpers return strings; the follower keeps bytes).
import { getBytes, hexlify } from "ethers";

export const toHex = (bytes: Uint8Array): string => hexlify(bytes);
export const fromHex = (hex: string): Uint8Array => getBytes(hex);

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
