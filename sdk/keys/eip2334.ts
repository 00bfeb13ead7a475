// EIP-2334 key paths: "m/12381/<coin_type>/<account>/0/0" (signing) and "m/12381/<coin_type>/<account>/0"
// (withdrawal). `parsePath` reads any EIP-2333 path ("m" then "/"-separated indices below 2^32).
import { KeyError } from "./errors.js";

/** EIP-2334 purpose: the BLS12-381 curve number. */
export const EIP2334_PURPOSE = 12381;
/** Ethereum's coin type; BTC20 networks carry their own (see the network registry). */
export const ETH_COIN_TYPE = 3600;

const MAX_INDEX = 2 ** 32 - 1;

function assertIndex(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_INDEX) {
    throw new KeyError("INVALID_INDEX", `${what} must be an integer in [0, 2^32-1], got ${value}`);
  }
}

/** The child indices of an EIP-2333 path, e.g. "m/12381/3600/0/0/0" -> [12381, 3600, 0, 0, 0]. */
export function parsePath(path: string): number[] {
  const parts = path.trim().split("/");
  if (parts[0] !== "m") throw new KeyError("INVALID_PATH", `key path must start with "m/", got "${path}"`);
  return parts.slice(1).map((part) => {
    if (!/^(0|[1-9][0-9]*)$/.test(part)) {
      throw new KeyError("INVALID_PATH", `key path component "${part}" in "${path}" is not a decimal index`);
    }
    const index = Number(part);
    if (index > MAX_INDEX) throw new KeyError("INVALID_PATH", `key path index ${part} in "${path}" exceeds 2^32-1`);
    return index;
  });
}

export function signingKeyPath(coinType: number, index: number): string {
  assertIndex(coinType, "coin type");
  assertIndex(index, "validator index");
  return `m/${EIP2334_PURPOSE}/${coinType}/${index}/0/0`;
}

export function withdrawalKeyPath(coinType: number, index: number): string {
  assertIndex(coinType, "coin type");
  assertIndex(index, "validator index");
  return `m/${EIP2334_PURPOSE}/${coinType}/${index}/0`;
}

export interface ValidatorKeyPath {
  kind: "signing" | "withdrawal";
  coinType: number;
  index: number;
}

/** Reads an EIP-2334 validator path; anything else is INVALID_PATH. */
export function parseValidatorKeyPath(path: string): ValidatorKeyPath {
  const nodes = parsePath(path);
  const shaped =
    nodes[0] === EIP2334_PURPOSE && (nodes.length === 5 || nodes.length === 4) && nodes.slice(3).every((n) => n === 0);
  if (!shaped) {
    throw new KeyError(
      "INVALID_PATH",
      `"${path}" is not an EIP-2334 validator path (m/12381/<coin>/<i>/0/0 signing or m/12381/<coin>/<i>/0 withdrawal)`,
    );
  }
  return { kind: nodes.length === 5 ? "signing" : "withdrawal", coinType: nodes[1], index: nodes[2] };
}
