// Minimal JSON-over-HTTP for the Beacon API (browser-safe: global fetch only).
import { BeaconApiError } from "./errors.js";

export interface BeaconApiOptions {
  /** base URL of the node's REST API, e.g. http://127.0.0.1:5052 */
  baseUrl: string;
  /** fetch implementation (default: globalThis.fetch) */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** per-request timeout in ms (default: none) */
  timeoutMs?: number;
}

const PUBKEY_RE = /^0x[0-9a-fA-F]{96}$/;

export function normalizePubkey(pubkey: string | Uint8Array): string {
  const text =
    typeof pubkey === "string"
      ? pubkey.startsWith("0x")
        ? pubkey
        : `0x${pubkey}`
      : `0x${Array.from(pubkey, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  if (!PUBKEY_RE.test(text)) {
    throw new BeaconApiError("INVALID_PUBKEY", `invalid BLS public key ${JSON.stringify(text)}: expected 48 bytes hex`);
  }
  return text.toLowerCase();
}

export function apiUrl(opts: BeaconApiOptions, path: string): string {
  return `${opts.baseUrl.replace(/\/+$/, "")}${path}`;
}

export interface JsonRequest {
  method?: "GET" | "POST" | "DELETE";
  /** JSON request body */
  body?: unknown;
  headers?: Record<string, string>;
  /** return null on 404 instead of throwing */
  allow404?: boolean;
}

/** A JSON request; returns the parsed body (null for an empty 2xx body, or a 404 when `allow404`). */
export async function requestJson(opts: BeaconApiOptions, path: string, req: JsonRequest = {}): Promise<unknown> {
  const method = req.method ?? "GET";
  const doFetch = opts.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (req.body !== undefined) headers["content-type"] = "application/json";
  const signals = [opts.signal, opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  let res: Response;
  try {
    res = await doFetch(apiUrl(opts, path), {
      method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals),
    });
  } catch (e) {
    throw new BeaconApiError("NETWORK_ERROR", `${method} ${path} failed: ${(e as Error).message}`);
  }
  if (res.status === 404 && req.allow404) {
    await res.body?.cancel();
    return null;
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: keep the raw text
    }
    throw new BeaconApiError("HTTP_ERROR", `${method} ${path}: HTTP ${res.status}: ${message}`, res.status);
  }
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    // a write that succeeded needs no body; a read does
    if (method !== "GET") return null;
    throw new BeaconApiError("INVALID_RESPONSE", `${method} ${path}: response is not JSON`);
  }
}

/** POSTs `body` as JSON to `path`; resolves on 2xx, throws HTTP_ERROR with the node's message otherwise. */
export async function postJson(opts: BeaconApiOptions, path: string, body: unknown): Promise<void> {
  await requestJson(opts, path, { method: "POST", body });
}

/** GETs `path` and returns the parsed JSON body; a 404 returns null when `allow404`. */
export async function getJson(opts: BeaconApiOptions, path: string, allow404 = false): Promise<unknown> {
  return requestJson(opts, path, { allow404 });
}
