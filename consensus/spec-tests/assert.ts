// Comparisons used by the runners, failing with SpecAssertionError that shows both sides.
import type { Type } from "@chainsafe/ssz";
import { SpecAssertionError } from "./types.js";

export const toHex = (b: Uint8Array): string => `0x${Buffer.from(b).toString("hex")}`;

export function assertBytesEqual(actual: Uint8Array, expected: Uint8Array, what: string): void {
  if (!Buffer.from(actual).equals(Buffer.from(expected))) {
    throw new SpecAssertionError(`${what}: expected ${short(expected)}, got ${short(actual)}`);
  }
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new SpecAssertionError(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

/** Compares two SSZ values by hash_tree_root; on mismatch names the first differing top-level field. */
export function assertSszEqual<T>(type: Type<T>, actual: T, expected: T, what: string): void {
  if (type.equals(actual, expected)) return;
  const fields = (type as unknown as { fields?: Record<string, Type<unknown>> }).fields;
  if (fields) {
    for (const [name, fieldType] of Object.entries(fields)) {
      const a = (actual as Record<string, unknown>)[name];
      const e = (expected as Record<string, unknown>)[name];
      if (!fieldType.equals(a, e)) {
        throw new SpecAssertionError(
          `${what}: field ${name} differs: expected ${describeValue(fieldType, e)}, got ${describeValue(fieldType, a)}`,
        );
      }
    }
  }
  throw new SpecAssertionError(`${what}: values differ`);
}

/** Expects `fn` to throw (an invalid case); fails if it returns. */
export function assertThrows(fn: () => unknown, what: string): void {
  let threw = false;
  try {
    fn();
  } catch {
    threw = true;
  }
  if (!threw) throw new SpecAssertionError(`${what}: expected the operation to be rejected, it was accepted`);
}

function describeValue(type: Type<unknown>, v: unknown): string {
  try {
    const json = JSON.stringify(type.toJson(v));
    return json.length > 200 ? `${json.slice(0, 200)}...` : json;
  } catch {
    return String(v);
  }
}

function short(b: Uint8Array): string {
  const h = toHex(b);
  return h.length > 74 ? `${h.slice(0, 74)}... (${b.length} bytes)` : h;
}
