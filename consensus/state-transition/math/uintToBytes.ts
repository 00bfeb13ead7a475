/** uint_to_bytes (phase0 beacon-chain.md, "Math"): little-endian encoding of an unsigned integer in `length` bytes. */
export function uintToBytes(n: number, length: 1 | 4 | 8): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`uintToBytes expects a non-negative safe integer, got ${n}`);
  const out = new Uint8Array(length);
  let v = n;
  for (let i = 0; i < length; i++) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  if (v !== 0) throw new RangeError(`${n} does not fit in ${length} bytes`);
  return out;
}
