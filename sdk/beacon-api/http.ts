// Minimal JSON-over-HTTP for the Beacon API (browser-safe: global fetch only).
import { BeaconApiError } from "./errors.js";

export interface BeaconApiOptions {
  /** base URL of the node's REST API, e.g. http://127.0.0.1:5052 */
  baseUrl: string;
  /** fetch implementation (default: globalThis.fetch) */
  fetch?: typeof fetch;
  signal?: AbortSignal;
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

/** GETs `path` and returns the parsed JSON body; a 404 returns null when `allow404`. */
export async function getJson(opts: BeaconApiOptions, path: string, allow404 = false): Promise<unknown> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  let res: Response;
  try {
    res = await doFetch(apiUrl(opts, path), { headers: { accept: "application/json" }, signal: opts.signal });
  } catch (e) {
    throw new BeaconApiError("NETWORK_ERROR", `GET ${path} failed: ${(e as Error).message}`);
  }
  if (res.status === 404 && allow404) return null;
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: keep the raw text
    }
    throw new BeaconApiError("HTTP_ERROR", `GET ${path}: HTTP ${res.status}: ${message}`, res.status);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BeaconApiError("INVALID_RESPONSE", `GET ${path}: response is not JSON`);
  }
}

/** POSTs `body` as JSON to `path`; resolves on 2xx, throws HTTP_ERROR with the node's message otherwise. */
export async function postJson(opts: BeaconApiOptions, path: string, body: unknown): Promise<void> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  let res: Response;
  try {
    res = await doFetch(apiUrl(opts, path), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (e) {
    throw new BeaconApiError("NETWORK_ERROR", `POST ${path} failed: ${(e as Error).message}`);
  }
  if (res.ok) return;
  const text = await res.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    // not JSON: keep the raw text
  }
  throw new BeaconApiError("HTTP_ERROR", `POST ${path}: HTTP ${res.status}: ${message}`, res.status);
}
