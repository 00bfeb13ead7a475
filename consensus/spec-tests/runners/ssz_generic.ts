// ssz_generic (consensus-specs tests/formats/ssz_generic/README.md, v0.12.3 / v1.x): SSZ of test-only types.
// The case name spells the type: `vec_<elem>_<N>_...` (Vector[elem, N], elem bool or uintB), `bitlist_<N>_...`,
// `bitvec_<N>_...`, `uint_<B>_...`, `true`/`false`/`byte_...` (boolean), `<Container>_...` (the test containers below).
// valid/: serialized (.ssz or .ssz_snappy) must deserialize to value.yaml, serialize back to the same bytes and have the
// root of meta.yaml (roots.yaml in some releases). invalid/: deserializing serialized must fail (a type that cannot
// exist, such as a zero-length vector, counts as rejected too).
import {
  BitListType,
  BitVectorType,
  BooleanType,
  ByteListType,
  ContainerType,
  ListBasicType,
  type Type,
  UintBigintType,
  VectorBasicType,
  VectorCompositeType,
} from "@chainsafe/ssz";
import { assertBytesEqual, assertThrows } from "../assert.js";
import { exists, readSszBytes, readYaml } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    if (c.suite === "invalid") {
      const bytes = readSszBytes(c, "serialized");
      assertThrows(() => typeOfCase(c.handler, c.name).deserialize(bytes), `deserialize ${c.name}`);
      return;
    }
    if (c.suite !== "valid") throw new SpecAssertionError(`unknown ssz_generic suite ${c.suite} (valid or invalid)`);
    const type = typeOfCase(c.handler, c.name);
    const bytes = readSszBytes(c, "serialized");
    const value = type.deserialize(bytes);
    assertBytesEqual(type.serialize(value), bytes, "serialize(deserialize(serialized))");
    const { root } = readYaml<{ root: string }>(c, exists(c, "roots") ? "roots" : "meta");
    assertBytesEqual(type.hashTreeRoot(value), Buffer.from(root.slice(2), "hex"), "hash_tree_root");
    if (exists(c, "value")) {
      const expected = type.fromJson(readYaml(c, "value"));
      if (!type.equals(value, expected)) {
        throw new SpecAssertionError(
          `value: expected ${JSON.stringify(type.toJson(expected))}, got ${JSON.stringify(type.toJson(value))}`,
        );
      }
    }
  },
};

/** uintB with bigint values, so uint64..uint256 stay exact (same encoding as the number-based types). */
const uint = (bits: number): UintBigintType => {
  if (![8, 16, 32, 64, 128, 256].includes(bits)) throw new SpecAssertionError(`unknown uint size ${bits}`);
  return new UintBigintType((bits / 8) as 1 | 2 | 4 | 8 | 16 | 32);
};

/** Field types keyed by their spec names (A, B, ...), JSON keys the same (casingMap). */
function container(fields: Record<string, Type<unknown>>, typeName: string): ContainerType<never> {
  const casingMap = Object.fromEntries(Object.keys(fields).map((k) => [k, k]));
  return new ContainerType(fields as never, { typeName, casingMap: casingMap as never });
}

// The test containers of the ssz_generic format.
const SingleFieldTestStruct = container({ A: uint(8) }, "SingleFieldTestStruct");
const SmallTestStruct = container({ A: uint(16), B: uint(16) }, "SmallTestStruct");
const FixedTestStruct = container({ A: uint(8), B: uint(64), C: uint(32) }, "FixedTestStruct");
const VarTestStruct = container({ A: uint(16), B: new ListBasicType(uint(16), 1024), C: uint(8) }, "VarTestStruct");
const ComplexTestStruct = container(
  {
    A: uint(16),
    B: new ListBasicType(uint(16), 128),
    C: uint(8),
    D: new ByteListType(256),
    E: VarTestStruct,
    F: new VectorCompositeType(FixedTestStruct, 4),
    G: new VectorCompositeType(VarTestStruct, 2),
  },
  "ComplexTestStruct",
);
const BitsStruct = container(
  {
    A: new BitListType(5),
    B: new BitVectorType(2),
    C: new BitVectorType(1),
    D: new BitListType(6),
    E: new BitVectorType(8),
  },
  "BitsStruct",
);
const CONTAINERS: Record<string, Type<unknown>> = {
  SingleFieldTestStruct,
  SmallTestStruct,
  FixedTestStruct,
  VarTestStruct,
  ComplexTestStruct,
  BitsStruct,
};

/** The SSZ type a case name describes (throws for a type that cannot exist, e.g. a zero-length vector). */
export function typeOfCase(handler: string, name: string): Type<unknown> {
  const parts = name.split("_");
  const n = (i: number): number => {
    const v = Number(parts[i]);
    if (!Number.isSafeInteger(v)) throw new SpecAssertionError(`case name ${name}: expected a number at part ${i}`);
    return v;
  };
  switch (handler) {
    case "boolean":
      return new BooleanType();
    case "uints":
      return uint(n(1));
    case "basic_vector": {
      const elem = parts[1] === "bool" ? new BooleanType() : uint(Number(parts[1]?.replace(/^uint/, "")));
      return new VectorBasicType(elem as never, n(2));
    }
    case "bitvector":
      return new BitVectorType(n(1));
    case "bitlist":
      // bitlist_no_delimiter_*: bytes without the length delimiter bit, invalid for any limit.
      return new BitListType(parts[1] === "no" ? 2048 : n(1));
    case "containers": {
      const type = CONTAINERS[parts[0] ?? ""];
      if (!type) throw new SpecAssertionError(`unknown ssz_generic container in case name ${name}`);
      return type;
    }
    default:
      throw new SpecAssertionError(`unknown ssz_generic handler ${handler}`);
  }
}
