// Request bodies of the beacon-APIs in JSON, read with the engine's SSZ types. @chainsafe/ssz's fromJson accepts
// numbers, negative and fractional values; the spec's encoding does not (uints are decimal strings, bytes 0x hex of
// the exact length), so the value is checked against the type first and every mismatch is a 400 naming the field.
import {
  BitListType,
  BitVectorType,
  BooleanType,
  ByteListType,
  ByteVectorType,
  ContainerType,
  ListBasicType,
  ListCompositeType,
  type Type,
  UintBigintType,
  UintNumberType,
  VectorBasicType,
  VectorCompositeType,
} from "@chainsafe/ssz";
import { badRequest } from "./errors.js";
import { UINT64_MAX } from "./json.js";

const UINT_RE = /^(0|[1-9][0-9]*)$/;
const HEX_RE = /^0x([0-9a-fA-F]{2})*$/;

/** Why `json` is not a JSON encoding of `type` (the first problem, with its path), or null when it is. */
export function sszJsonProblem(type: Type<unknown>, json: unknown, path: string): string | null {
  const at = path || "body";
  if (type instanceof ContainerType) {
    if (typeof json !== "object" || json === null || Array.isArray(json)) return `${at}: expected an object`;
    for (const f of type.fieldsEntries) {
      const value = (json as Record<string, unknown>)[f.jsonKey];
      if (value === undefined) return `${path ? `${path}.` : ""}${f.jsonKey}: missing`;
      const problem = sszJsonProblem(f.fieldType as Type<unknown>, value, path ? `${path}.${f.jsonKey}` : f.jsonKey);
      if (problem) return problem;
    }
    return null;
  }
  if (
    type instanceof ListCompositeType ||
    type instanceof ListBasicType ||
    type instanceof VectorCompositeType ||
    type instanceof VectorBasicType
  ) {
    if (!Array.isArray(json)) return `${at}: expected an array`;
    const isList = type instanceof ListCompositeType || type instanceof ListBasicType;
    if (isList && json.length > type.limit) return `${at}: at most ${type.limit} items, got ${json.length}`;
    if (!isList && json.length !== type.length) return `${at}: expected ${type.length} items, got ${json.length}`;
    for (let i = 0; i < json.length; i++) {
      const problem = sszJsonProblem(type.elementType as Type<unknown>, json[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (type instanceof UintNumberType || type instanceof UintBigintType) {
    if (typeof json !== "string" || !UINT_RE.test(json)) return `${at}: expected a decimal integer string`;
    if (BigInt(json) >= 2n ** BigInt(8 * type.byteLength)) return `${at}: ${json} exceeds uint${8 * type.byteLength}`;
    // the engine holds uint64 as JS numbers: exact up to 2**53, plus 2**64-1 (FAR_FUTURE_EPOCH) as Infinity
    if (type instanceof UintNumberType && !Number.isSafeInteger(Number(json)) && json !== UINT64_MAX) {
      return `${at}: ${json} is beyond the supported range (2**53-1, or 2**64-1)`;
    }
    return null;
  }
  if (type instanceof BooleanType) return typeof json === "boolean" ? null : `${at}: expected true or false`;
  if (
    type instanceof ByteVectorType ||
    type instanceof ByteListType ||
    type instanceof BitListType ||
    type instanceof BitVectorType
  ) {
    if (typeof json !== "string" || !HEX_RE.test(json)) return `${at}: expected 0x-prefixed hex bytes`;
    const n = (json.length - 2) / 2;
    if (type instanceof ByteVectorType && n !== type.lengthBytes) return `${at}: expected ${type.lengthBytes} bytes`;
    if (type instanceof ByteListType && n > type.limitBytes) return `${at}: at most ${type.limitBytes} bytes`;
    if (type instanceof BitVectorType && n !== Math.ceil(type.lengthBits / 8)) return `${at}: wrong bitvector length`;
    if (type instanceof BitListType) {
      // SSZ bitlist: the highest set bit of the last byte marks the length
      const last = n > 0 ? Number.parseInt(json.slice(-2), 16) : 0;
      if (last === 0) return `${at}: a bitlist needs its length bit (last byte must not be 0)`;
      if ((n - 1) * 8 + Math.floor(Math.log2(last)) > type.limitBits) return `${at}: more than ${type.limitBits} bits`;
    }
    return null;
  }
  return null; // a type this API does not take in request bodies
}

/** Parses a JSON request value into the engine's value of `type`; 400 with the field's path when it does not fit. */
export function fromJsonStrict<T>(type: Type<T>, json: unknown, path = ""): T {
  const problem = sszJsonProblem(type as Type<unknown>, json, path);
  if (problem) throw badRequest("INVALID_REQUEST_BODY", `Invalid ${type.typeName}: ${problem}`);
  try {
    return type.fromJson(json);
  } catch (e) {
    throw badRequest("INVALID_REQUEST_BODY", `Invalid ${type.typeName}: ${(e as Error).message}`);
  }
}

/** Deserializes an SSZ request body; 400 when the bytes are not a `type`. */
export function fromSszStrict<T>(type: Type<T>, bytes: Uint8Array): T {
  try {
    return type.deserialize(bytes);
  } catch (e) {
    throw badRequest("INVALID_REQUEST_BODY", `Invalid SSZ ${type.typeName}: ${(e as Error).message}`);
  }
}
