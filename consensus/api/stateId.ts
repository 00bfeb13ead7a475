// Parsing of the beacon-APIs path/query identifiers: state_id, validator id, uints (epoch, slot, index).
import type { ApiState, StateSelector } from "./chainView.js";
import { badRequest } from "./errors.js";
import { toHex } from "./json.js";

const UINT_RE = /^(0|[1-9][0-9]*)$/;
const ROOT_RE = /^0x[0-9a-fA-F]{64}$/;
const PUBKEY_RE = /^0x[0-9a-fA-F]{96}$/;

export function hexToBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.slice(2), "hex"));
}

/** Parses a decimal uint that fits a JS safe integer, or returns null. */
export function parseUint(text: string): number | null {
  if (!UINT_RE.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** A path/query uint (epoch, slot, index); 400 naming the parameter otherwise. */
export function uintParam(name: string, text: string | undefined): number {
  const n = text === undefined ? null : parseUint(text);
  if (n === null) {
    throw badRequest(
      `INVALID_${name.toUpperCase()}`,
      `Invalid ${name}: ${JSON.stringify(text)}; expected a decimal uint`,
    );
  }
  return n;
}

/** state_id: head | genesis | finalized | justified | <slot> | <0x-prefixed state root>. */
export function parseStateId(stateId: string): StateSelector {
  if (stateId === "head" || stateId === "genesis" || stateId === "finalized" || stateId === "justified") {
    return { kind: stateId };
  }
  const slot = parseUint(stateId);
  if (slot !== null) return { kind: "slot", slot };
  if (ROOT_RE.test(stateId)) return { kind: "root", root: hexToBytes(stateId) };
  throw badRequest(
    "INVALID_STATE_ID",
    `Invalid state ID: ${JSON.stringify(stateId)}; expected head, genesis, finalized, justified, a slot number or a 0x-prefixed 32-byte state root`,
  );
}

export type ValidatorId = { kind: "index"; index: number } | { kind: "pubkey"; pubkey: string };

/** validator id: a validator index or a 0x-prefixed 48-byte BLS public key. */
export function parseValidatorId(id: string): ValidatorId {
  const index = parseUint(id);
  if (index !== null) return { kind: "index", index };
  if (PUBKEY_RE.test(id)) return { kind: "pubkey", pubkey: id.toLowerCase() };
  throw badRequest(
    "INVALID_VALIDATOR_ID",
    `Invalid validator ID: ${JSON.stringify(id)}; expected a validator index or a 0x-prefixed 48-byte public key`,
  );
}

// pubkey -> index, built once per validators array and extended when the registry grows (deposits only append).
const pubkeyIndexCache = new WeakMap<object, Map<string, number>>();

export function pubkeyIndex(state: ApiState): Map<string, number> {
  let map = pubkeyIndexCache.get(state.validators);
  if (!map) {
    map = new Map();
    pubkeyIndexCache.set(state.validators, map);
  }
  for (let i = map.size; i < state.validators.length; i++) map.set(toHex(state.validators[i]!.pubkey), i);
  return map;
}

/** Resolves a validator id in a state; null when no such validator. */
export function resolveValidatorIndex(state: ApiState, id: ValidatorId): number | null {
  if (id.kind === "index") return id.index < state.validators.length ? id.index : null;
  return pubkeyIndex(state).get(id.pubkey) ?? null;
}

/** Splits a repeated or comma-separated query parameter into its values. */
export function queryList(value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items
    .flatMap((v) => String(v).split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
