/** Byte-wise equality of two roots (the spec's `==` on Bytes32). Written by hand: a 32-byte loop needs no library. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}
