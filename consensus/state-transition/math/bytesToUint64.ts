/** bytes_to_uint64 (phase0 beacon-chain.md, "Math"): the first 8 bytes as a little-endian uint64, exact (bigint). */
export function bytesToUint64(data: Uint8Array): bigint {
  if (data.length < 8) throw new RangeError(`bytesToUint64 needs 8 bytes, got ${data.length}`);
  return new DataView(data.buffer, data.byteOffset, 8).getBigUint64(0, true);
}
