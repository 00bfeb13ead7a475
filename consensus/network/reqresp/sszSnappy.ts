// The ssz_snappy req/resp encoding (p2p-interface.md "Encoding strategies", "SSZ-snappy encoding strategy"):
// request = <varint ssz length><snappy frames>; response chunk = <result byte><varint ssz length><snappy frames>.
// The reader checks, in order: the varint is at most 10 bytes; the length is within the type's [min, max] and
// MAX_PAYLOAD_SIZE; no more than max_compressed_len(n) bytes of frames are read; the frames yield exactly n bytes;
// nothing is left over at the end of the stream.
import { encode as encodeVarint, encodingLength } from "uint8-varint";
import { MAX_PAYLOAD_SIZE, maxCompressedLen } from "../constants.js";
import { concatAll, decodeFrameChunk, encodeSnappyFrames } from "../encoding/snappyFrames.js";
import { NetworkError } from "../errors.js";
import type { SszBounds } from "../gossip/gossipEncoding.js";
import { ErrorMessage } from "./types.js";

/** Response result codes ("Responding side"). */
export const RespCode = {
  SUCCESS: 0,
  INVALID_REQUEST: 1,
  SERVER_ERROR: 2,
  RESOURCE_UNAVAILABLE: 3,
} as const;

const MAX_VARINT_BYTES = 10;
const ERROR_BOUNDS: SszBounds = { minSize: 0, maxSize: 256 };

export function encodePayload(ssz: Uint8Array): Uint8Array {
  const frames = encodeSnappyFrames(ssz);
  const out = new Uint8Array(encodingLength(ssz.length) + frames.length);
  encodeVarint(ssz.length, out, 0);
  out.set(frames, encodingLength(ssz.length));
  return out;
}

export function encodeRequest(ssz: Uint8Array): Uint8Array {
  return encodePayload(ssz);
}

export function encodeResponseChunk(resultCode: number, ssz: Uint8Array): Uint8Array {
  const body = encodePayload(ssz);
  const out = new Uint8Array(1 + body.length);
  out[0] = resultCode;
  out.set(body, 1);
  return out;
}

export function encodeErrorChunk(resultCode: number, message: string): Uint8Array {
  const bytes = new TextEncoder().encode(message).subarray(0, 256);
  return encodeResponseChunk(resultCode, ErrorMessage.serialize(bytes));
}

export interface DecodedChunk {
  /** 0 for a request or a successful response chunk */
  result: number;
  ssz: Uint8Array;
}

/**
 * Streaming decoder: `push` bytes as they arrive and get every complete chunk; `end` at EOF throws if a chunk is
 * incomplete. For requests (`withResult` false) exactly one chunk is expected.
 */
export class SszSnappyDecoder {
  private buf: Uint8Array = new Uint8Array(0);
  private header: { result: number; n: number } | null = null;
  private parts: Uint8Array[] = [];
  private produced = 0;
  private consumed = 0;
  private sawIdentifier = false;

  constructor(
    private readonly withResult: boolean,
    private readonly bounds: SszBounds,
  ) {}

  push(bytes: Uint8Array): DecodedChunk[] {
    this.buf = this.buf.length === 0 ? bytes : concatAll([this.buf, bytes]);
    const out: DecodedChunk[] = [];
    for (;;) {
      if (!this.header && !this.readHeader()) break;
      const chunk = this.readBody();
      if (!chunk) break;
      out.push(chunk);
    }
    return out;
  }

  /** Call at EOF: a partially received chunk is an error. */
  end(): void {
    if (this.header || this.buf.length > 0) {
      throw new NetworkError("UNEXPECTED_EOF", "ssz_snappy: stream ended inside a chunk");
    }
  }

  private readHeader(): boolean {
    const headerStart = this.withResult ? 1 : 0;
    if (this.buf.length <= headerStart) return false;
    const result = this.withResult ? this.buf[0]! : 0;
    let n = 0;
    let i = headerStart;
    for (let shift = 0; ; shift += 7, i++) {
      if (i - headerStart >= MAX_VARINT_BYTES) {
        throw new NetworkError("VARINT_INVALID", "ssz_snappy: length varint longer than 10 bytes");
      }
      if (i >= this.buf.length) return false;
      const b = this.buf[i]!;
      n += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) break;
    }
    const bounds = result === 0 ? this.bounds : ERROR_BOUNDS;
    const max = Math.min(bounds.maxSize, MAX_PAYLOAD_SIZE);
    if (n < bounds.minSize || n > max) {
      throw new NetworkError("SSZ_LENGTH_OUT_OF_BOUNDS", `ssz length ${n} outside [${bounds.minSize}, ${max}]`);
    }
    this.buf = this.buf.subarray(i + 1);
    this.header = { result, n };
    this.parts = [];
    this.produced = 0;
    this.consumed = 0;
    this.sawIdentifier = false;
    return true;
  }

  private readBody(): DecodedChunk | null {
    const { result, n } = this.header!;
    const limit = maxCompressedLen(n);
    for (;;) {
      if (this.sawIdentifier && this.produced === n) {
        this.header = null;
        return { result, ssz: concatAll(this.parts) };
      }
      if (this.buf.length < 4) return null;
      const len = this.buf[1]! | (this.buf[2]! << 8) | (this.buf[3]! << 16);
      if (this.consumed + 4 + len > limit) {
        throw new NetworkError("PAYLOAD_TOO_LARGE", `ssz_snappy: more than max_compressed_len(${n}) = ${limit} bytes`);
      }
      if (this.buf.length < 4 + len) return null;
      const data = decodeFrameChunk(this.buf[0]!, this.buf.subarray(4, 4 + len), this.sawIdentifier);
      this.buf = this.buf.subarray(4 + len);
      this.consumed += 4 + len;
      if (data === "identifier") this.sawIdentifier = true;
      else if (data) {
        this.produced += data.length;
        if (this.produced > n) {
          throw new NetworkError(
            "SSZ_LENGTH_OUT_OF_BOUNDS",
            `ssz_snappy: frames hold more than the ${n} bytes announced`,
          );
        }
        this.parts.push(data);
      }
    }
  }
}

/** Decodes a complete request body (the requester half-closed its side). */
export function decodeRequest(bytes: Uint8Array, bounds: SszBounds): Uint8Array {
  const dec = new SszSnappyDecoder(false, bounds);
  const chunks = dec.push(bytes);
  dec.end();
  if (chunks.length !== 1) {
    throw new NetworkError(chunks.length === 0 ? "UNEXPECTED_EOF" : "TRAILING_BYTES", "request: expected one chunk");
  }
  return chunks[0]!.ssz;
}

export function errorMessageText(ssz: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: false }).decode(ErrorMessage.deserialize(ssz));
  } catch {
    return "<malformed ErrorMessage>";
  }
}
