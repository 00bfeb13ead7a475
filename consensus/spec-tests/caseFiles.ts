// Readers for the parts of a spec-test case (consensus-specs tests/formats): `<part>.ssz` (up to v0.12.x) or
// `<part>.ssz_snappy` (v1.0.0 on: the same SSZ bytes compressed with the snappy block format, not the framed one)
// holds SSZ bytes, `<part>.yaml` YAML data.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Type } from "@chainsafe/ssz";
import { uncompress } from "snappyjs";
import { parse } from "yaml";
import { UintNum64 } from "../../sdk/ssz/index.js";
import { SpecAssertionError, type SpecCase } from "./types.js";

/** Path of the SSZ part `name`: `<name>.ssz_snappy` if present, else `<name>.ssz`, else undefined. */
export function sszPartPath(c: SpecCase, name: string): string | undefined {
  for (const ext of [".ssz_snappy", ".ssz"]) {
    const file = path.join(c.dir, `${name}${ext}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The raw SSZ bytes of `<name>.ssz_snappy` (decompressed) or `<name>.ssz`. */
export function readSszBytes(c: SpecCase, name: string): Uint8Array {
  const file = sszPartPath(c, name);
  if (file === undefined) {
    throw new SpecAssertionError(`case part ${name} missing: neither ${name}.ssz_snappy nor ${name}.ssz in ${c.dir}`);
  }
  const bytes = new Uint8Array(readFileSync(file));
  return file.endsWith(".ssz_snappy") ? uncompress(bytes) : bytes;
}

/** The SSZ part `name` deserialized with `type` into a plain value. */
export function readSsz<T>(c: SpecCase, name: string, type: Type<T>): T {
  return type.deserialize(readSszBytes(c, name));
}

/** `<name>.yaml` parsed (integers beyond 2**53 come back as bigint so they stay exact). */
export function readYaml<T = unknown>(c: SpecCase, name: string): T {
  const text = readFileSync(path.join(c.dir, `${name}.yaml`), "utf8");
  return parse(text, safeIntReviver, { intAsBigInt: true }) as T;
}

/** True if the case holds a part `<name>.ssz`, `<name>.ssz_snappy`, `<name>.yaml` or a file called exactly `name`. */
export function exists(c: SpecCase, name: string): boolean {
  return ["", ".ssz", ".ssz_snappy", ".yaml"].some((ext) => existsSync(path.join(c.dir, `${name}${ext}`)));
}

/** The `bls_setting` of meta.yaml: 0 optional (verify), 1 required (verify), 2 ignored (do not verify). */
export function shouldVerifySignatures(c: SpecCase): boolean {
  if (!exists(c, "meta")) return true;
  const meta = readYaml<{ bls_setting?: number }>(c, "meta");
  return meta?.bls_setting !== 2;
}

/** Converts bigints that fit a double exactly back to numbers, so common cases compare as plain numbers. */
function safeIntReviver(_key: unknown, value: unknown): unknown {
  if (typeof value === "bigint" && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= 0n) return Number(value);
  return value;
}

/** A uint64 part stored either as SSZ (`.ssz` / `.ssz_snappy`) or as `<name>.yaml`. */
export function readUint64(c: SpecCase, name: string): number {
  if (sszPartPath(c, name) !== undefined) return UintNum64.deserialize(readSszBytes(c, name));
  return Number(readYaml<number | bigint>(c, name));
}
