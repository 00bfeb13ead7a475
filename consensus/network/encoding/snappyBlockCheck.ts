// A strict structural check of a snappy block (google/snappy format_description.txt) before it is decompressed:
// snappyjs accepts copies that reach before the start of the output and streams that end before the announced
// length (filling the rest with zeros), which a network peer could use to make two different byte strings decode
// alike. This walks the elements without producing output and requires every literal to be inside the input, every
// copy offset to point into what is already written, and the total to be exactly the announced length.

/** True if `data` is a well-formed snappy block whose elements produce exactly its preamble's length. */
export function isWellFormedSnappyBlock(data: Uint8Array): boolean {
  let pos = 0;
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= data.length || shift > 28) return false;
    const b = data[pos++]!;
    n += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
  }
  let written = 0;
  while (pos < data.length) {
    const tag = data[pos++]!;
    const type = tag & 3;
    let len: number;
    if (type === 0) {
      len = (tag >>> 2) + 1;
      if (len > 60) {
        const extra = len - 60;
        if (pos + extra > data.length) return false;
        len = 0;
        for (let i = 0; i < extra; i++) len += data[pos + i]! * 2 ** (8 * i);
        len += 1;
        pos += extra;
      }
      if (pos + len > data.length) return false;
      pos += len;
    } else {
      let offset: number;
      if (type === 1) {
        if (pos + 1 > data.length) return false;
        len = ((tag >>> 2) & 7) + 4;
        offset = ((tag >>> 5) << 8) | data[pos]!;
        pos += 1;
      } else if (type === 2) {
        if (pos + 2 > data.length) return false;
        len = (tag >>> 2) + 1;
        offset = data[pos]! | (data[pos + 1]! << 8);
        pos += 2;
      } else {
        if (pos + 4 > data.length) return false;
        len = (tag >>> 2) + 1;
        offset = (data[pos]! | (data[pos + 1]! << 8) | (data[pos + 2]! << 16) | (data[pos + 3]! << 24)) >>> 0;
        pos += 4;
      }
      if (offset === 0 || offset > written) return false;
    }
    written += len;
    if (written > n) return false;
  }
  return written === n;
}
