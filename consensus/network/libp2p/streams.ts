// Req/resp over libp2p 3 streams (p2p-interface.md "The Req/Resp domain"): one stream per request; the requester
// writes the request and closes its write side; the responder reads to EOF, answers with chunks and closes.
import type { Stream } from "@libp2p/interface";
import { RESP_TIMEOUT_MS, TTFB_TIMEOUT_MS } from "../constants.js";
import { NetworkError, ResponseError } from "../errors.js";
import type { SszBounds } from "../gossip/gossipEncoding.js";
import { errorMessageText, SszSnappyDecoder } from "../reqresp/sszSnappy.js";

const asBytes = (chunk: Uint8Array | { subarray(): Uint8Array }): Uint8Array =>
  chunk instanceof Uint8Array ? chunk : chunk.subarray();

/** Writes `data`, waiting for the stream to drain when its buffer is full. */
export async function writeAll(stream: Stream, data: Uint8Array): Promise<void> {
  if (!stream.send(data)) await stream.onDrain();
}

/** Reads the stream to EOF (the request), refusing more than `maxBytes` or a first byte later than `timeoutMs`. */
export async function readRequestBytes(stream: Stream, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const timer = setTimeout(() => stream.abort(new NetworkError("TIMEOUT", "request not received in time")), timeoutMs);
  try {
    for await (const chunk of stream) {
      const bytes = asBytes(chunk);
      total += bytes.length;
      if (total > maxBytes) throw new NetworkError("PAYLOAD_TOO_LARGE", `request over ${maxBytes} bytes`);
      parts.push(bytes);
    }
  } finally {
    clearTimeout(timer);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Reads response chunks until EOF: TTFB for the first byte, RESP between chunks; at most `maxChunks`; an error
 * chunk throws ResponseError.
 */
export async function readResponse(
  stream: Stream,
  bounds: SszBounds,
  maxChunks: number,
  ttfbMs = TTFB_TIMEOUT_MS,
  respMs = RESP_TIMEOUT_MS,
): Promise<Uint8Array[]> {
  const dec = new SszSnappyDecoder(true, bounds);
  const out: Uint8Array[] = [];
  let timer: NodeJS.Timeout | null = null;
  let timedOut = false;
  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      stream.abort(new NetworkError("TIMEOUT", "response timeout"));
    }, ms);
  };
  arm(ttfbMs);
  try {
    for await (const chunk of stream) {
      arm(respMs);
      for (const c of dec.push(asBytes(chunk))) {
        if (c.result !== 0) throw new ResponseError(c.result, errorMessageText(c.ssz));
        out.push(c.ssz);
        if (out.length > maxChunks) throw new NetworkError("TOO_MANY_CHUNKS", `more than ${maxChunks} response chunks`);
      }
    }
    dec.end();
  } catch (e) {
    if (timedOut) throw new NetworkError("TIMEOUT", `response not complete in time (${out.length} chunks read)`);
    throw e;
  } finally {
    if (timer) clearTimeout(timer);
  }
  return out;
}
