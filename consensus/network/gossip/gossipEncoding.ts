// Gossip payload encoding (p2p-interface.md "Encodings" and "Gossipsub size limits"): SSZ compressed with the
// snappy *block* format. On receipt the compressed size is bounded by max_compressed_len(MAX_PAYLOAD_SIZE), and the
// uncompressed size (read from the snappy preamble before decompressing) by the topic type's SSZ bounds and
// MAX_PAYLOAD_SIZE.
import snappy from "snappyjs";
import { MAX_PAYLOAD_SIZE, maxCompressedLen } from "../constants.js";
import { isWellFormedSnappyBlock } from "../encoding/snappyBlockCheck.js";
import { NetworkError } from "../errors.js";

export interface SszBounds {
  minSize: number;
  maxSize: number;
}

export function encodeGossip(ssz: Uint8Array): Uint8Array {
  return snappy.compress(ssz);
}

/** The uncompressed length from a snappy block's varint preamble. */
export function snappyUncompressedLength(data: Uint8Array): number {
  let result = 0;
  for (let i = 0, shift = 0; i < 5 && i < data.length; i++, shift += 7) {
    const b = data[i]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return result;
  }
  throw new NetworkError("SNAPPY_INVALID", "snappy block: bad length preamble");
}

/** Decompresses a gossip payload after the size checks; throws NetworkError (the message is then rejected). */
export function decodeGossip(data: Uint8Array, bounds: SszBounds): Uint8Array {
  if (data.length > maxCompressedLen(MAX_PAYLOAD_SIZE)) {
    throw new NetworkError("PAYLOAD_TOO_LARGE", `gossip data of ${data.length} bytes exceeds max_compressed_len`);
  }
  const n = snappyUncompressedLength(data);
  const max = Math.min(MAX_PAYLOAD_SIZE, bounds.maxSize);
  if (n < bounds.minSize || n > max) {
    throw new NetworkError("SSZ_LENGTH_OUT_OF_BOUNDS", `gossip ssz length ${n} outside [${bounds.minSize}, ${max}]`);
  }
  if (!isWellFormedSnappyBlock(data))
    throw new NetworkError("SNAPPY_INVALID", "gossip data is not a valid snappy block");
  let out: Uint8Array;
  try {
    out = snappy.uncompress(data, max);
  } catch (e) {
    throw new NetworkError("SNAPPY_INVALID", `gossip data does not decompress: ${(e as Error).message}`);
  }
  if (out.length !== n) throw new NetworkError("SNAPPY_INVALID", "gossip data: length differs from its preamble");
  return out;
}
