// ssz_static (tests/formats/ssz_static/core.md): for each container, serialized.ssz must deserialize, serialize back
// to the same bytes and have the hash_tree_root of roots.yaml.
// Random cases hold uint64 values above 2**53, which the engine's number-based types cannot hold exactly. So each
// container is checked twice: with a mirror of its type whose uint64 fields are bigints (exact for every case), and
// with the engine's own type wherever the values fit a double (2**64-1 reads as Infinity and round-trips exactly).
import {
  ContainerType,
  ListBasicType,
  ListCompositeType,
  type Type,
  UintBigintType,
  UintNumberType,
  VectorBasicType,
  VectorCompositeType,
} from "@chainsafe/ssz";
import { assertBytesEqual } from "../assert.js";
import { readSszBytes, readYaml } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const type = (c.cfg.types as unknown as Record<string, Type<unknown>>)[c.handler];
    if (!type) throw new SpecAssertionError(`no SSZ type ${c.handler} in consensus/types`);
    const bytes = readSszBytes(c, "serialized");
    const { root } = readYaml<{ root: string }>(c, "roots");
    const expectedRoot = Buffer.from(root.slice(2), "hex");

    const exact = bigintMirror(type);
    const exactValue = exact.deserialize(bytes);
    assertBytesEqual(exact.serialize(exactValue), bytes, "serialize(deserialize(bytes)) (bigint uint64)");
    assertBytesEqual(exact.hashTreeRoot(exactValue), expectedRoot, "hash_tree_root (bigint uint64)");

    const value = type.deserialize(bytes);
    if (hasUnsafeInteger(value)) return;
    assertBytesEqual(type.serialize(value), bytes, "serialize(deserialize(bytes))");
    assertBytesEqual(type.hashTreeRoot(value), expectedRoot, "hash_tree_root");
  },
};

const mirrors = new WeakMap<Type<unknown>, Type<unknown>>();

/** The same SSZ type with every 8-byte UintNumberType replaced by UintBigintType (same encoding, exact values). */
function bigintMirror(type: Type<unknown>): Type<unknown> {
  const cached = mirrors.get(type);
  if (cached) return cached;
  let out: Type<unknown> = type;
  if (type instanceof UintNumberType && type.byteLength === 8) {
    out = new UintBigintType(8);
  } else if (type instanceof ContainerType) {
    const fields: Record<string, Type<unknown>> = {};
    for (const [name, t] of Object.entries(type.fields as Record<string, Type<unknown>>))
      fields[name] = bigintMirror(t);
    out = new ContainerType(fields, { typeName: type.typeName });
  } else if (type instanceof ListBasicType) {
    out = new ListBasicType(bigintMirror(type.elementType) as never, type.limit);
  } else if (type instanceof ListCompositeType) {
    out = new ListCompositeType(bigintMirror(type.elementType) as never, type.limit);
  } else if (type instanceof VectorBasicType) {
    out = new VectorBasicType(bigintMirror(type.elementType) as never, type.length);
  } else if (type instanceof VectorCompositeType) {
    out = new VectorCompositeType(bigintMirror(type.elementType) as never, type.length);
  }
  mirrors.set(type, out);
  return out;
}

/** True if a number above 2**53 (other than Infinity, which encodes 2**64-1 exactly) occurs anywhere in v. */
function hasUnsafeInteger(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v) && !Number.isSafeInteger(v);
  if (v instanceof Uint8Array || v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(hasUnsafeInteger);
  return Object.values(v).some(hasUnsafeInteger);
}
