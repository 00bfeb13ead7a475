// Snappy framing format (google/snappy framing_format.txt), as req/resp's ssz_snappy encoding requires
// (p2p-interface.md "Encoding strategies"): a stream identifier, then chunks of at most 65536 uncompressed bytes,
// each compressed (or stored) with the masked CRC-32C of its uncompressed data. The CRC is checked on read.
import crc32c from "@chainsafe/fast-crc32c";
import snappy from "snappyjs";
import { NetworkError } from "../errors.js";
import { isWellFormedSnappyBlock } from "./snappyBlockCheck.js";

const STREAM_IDENTIFIER = Uint8Array.of(0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59);
const CHUNK_COMPRESSED = 0x00;
const CHUNK_UNCOMPRESSED = 0x01;
const CHUNK_STREAM_IDENTIFIER = 0xff;
/** the framing format's limit on the uncompressed bytes of one chunk */
export const MAX_FRAME_DATA_BYTES = 65536;

/** The masked CRC-32C the framing format stores (framing_format.txt section 3). */
export function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c.calculate(data) >>> 0;
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

function header(type: number, length: number): Uint8Array {
  return Uint8Array.of(type, length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff);
}

/** Compresses `data` into framing-format bytes (stream identifier + chunks). */
export function encodeSnappyFrames(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [STREAM_IDENTIFIER];
  for (let off = 0; off < data.length; off += MAX_FRAME_DATA_BYTES) {
    const chunk = data.subarray(off, off + MAX_FRAME_DATA_BYTES);
    const compressed = snappy.compress(chunk);
    const crc = maskedCrc32c(chunk);
    const crcBytes = Uint8Array.of(crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, (crc >>> 24) & 0xff);
    // store uncompressed when compression does not help (framing_format.txt allows either)
    const useCompressed = compressed.length < chunk.length;
    const body = useCompressed ? compressed : chunk;
    parts.push(header(useCompressed ? CHUNK_COMPRESSED : CHUNK_UNCOMPRESSED, 4 + body.length), crcBytes, body);
  }
  return concatAll(parts);
}

/**
 * One chunk of the framing format: `type` and `body` (after the 4-byte header). Returns the uncompressed bytes of a
 * data chunk, "identifier" for the stream identifier, or null for skippable chunks. Rejects unknown unskippable
 * chunks, bad CRCs, chunks over 65536 bytes and data before the stream identifier.
 */
export function decodeFrameChunk(
  type: number,
  body: Uint8Array,
  sawIdentifier: boolean,
): Uint8Array | "identifier" | null {
  if (type === CHUNK_STREAM_IDENTIFIER) {
    if (body.length !== 6 || !STREAM_IDENTIFIER.subarray(4).every((b, i) => body[i] === b)) {
      throw new NetworkError("SNAPPY_INVALID", "snappy frames: bad stream identifier");
    }
    return "identifier";
  }
  if (!sawIdentifier) throw new NetworkError("SNAPPY_INVALID", "snappy frames: data before the stream identifier");
  if (type === CHUNK_COMPRESSED || type === CHUNK_UNCOMPRESSED) {
    if (body.length < 4) throw new NetworkError("SNAPPY_INVALID", "snappy frames: chunk shorter than its CRC");
    const crc = (body[0]! | (body[1]! << 8) | (body[2]! << 16) | (body[3]! << 24)) >>> 0;
    let data: Uint8Array;
    if (type === CHUNK_COMPRESSED) {
      if (!isWellFormedSnappyBlock(body.subarray(4))) {
        throw new NetworkError("SNAPPY_INVALID", "snappy frames: chunk is not a valid snappy block");
      }
      try {
        data = snappy.uncompress(body.subarray(4), MAX_FRAME_DATA_BYTES);
      } catch (e) {
        throw new NetworkError("SNAPPY_INVALID", `snappy frames: chunk does not decompress (${(e as Error).message})`);
      }
    } else {
      data = body.subarray(4);
      if (data.length > MAX_FRAME_DATA_BYTES) {
        throw new NetworkError("SNAPPY_INVALID", "snappy frames: uncompressed chunk over 65536 bytes");
      }
    }
    if (maskedCrc32c(data) !== crc) throw new NetworkError("SNAPPY_CRC_MISMATCH", "snappy frames: CRC-32C mismatch");
    return data;
  }
  if (type >= 0x02 && type <= 0x7f) {
    throw new NetworkError("SNAPPY_INVALID", `snappy frames: reserved unskippable chunk type 0x${type.toString(16)}`);
  }
  // 0x80..0xfd reserved skippable, 0xfe padding: skipped
  return null;
}

/** Decodes a whole framing-format buffer (tests, small payloads). */
export function decodeSnappyFrames(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let saw = false;
  let off = 0;
  while (off < bytes.length) {
    if (bytes.length - off < 4) throw new NetworkError("UNEXPECTED_EOF", "snappy frames: truncated chunk header");
    const len = bytes[off + 1]! | (bytes[off + 2]! << 8) | (bytes[off + 3]! << 16);
    if (bytes.length - off - 4 < len) throw new NetworkError("UNEXPECTED_EOF", "snappy frames: truncated chunk");
    const out = decodeFrameChunk(bytes[off]!, bytes.subarray(off + 4, off + 4 + len), saw);
    if (out === "identifier") saw = true;
    else if (out) parts.push(out);
    off += 4 + len;
  }
  return concatAll(parts);
}

export function concatAll(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
