import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Parses a JSON file from ../shared/vectors/keys (next to the repository). */
export function readKeyVectors<T>(file: string): T {
  return JSON.parse(readFileSync(path.resolve(repoRoot, "../shared/vectors/keys", file), "utf8")) as T;
}

export const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ""), "hex"));
export const bytesToHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
