import { type BeaconParams, BYTES_PARAM_LENGTHS, type BytesParamKey, NUMBER_PARAM_KEYS } from "./beaconParams.js";
import { BeaconConfigError } from "./errors.js";

/**
 * Converts the raw key/value pairs of a phase0.yaml (strings as the YAML failsafe schema reads them, or numbers,
 * bigints and Uint8Arrays when built in code) into typed BeaconParams. Every spec key must be present; unknown keys
 * are ignored so newer files still load.
 */
export function parseBeaconParams(raw: Record<string, unknown>): BeaconParams {
  const out: Record<string, unknown> = {};
  out.CONFIG_NAME = raw.CONFIG_NAME === undefined ? "custom" : String(raw.CONFIG_NAME);
  for (const key of NUMBER_PARAM_KEYS) out[key] = parseInteger(key, requireKey(raw, key));
  for (const key of Object.keys(BYTES_PARAM_LENGTHS) as BytesParamKey[]) {
    out[key] = parseBytes(key, requireKey(raw, key), BYTES_PARAM_LENGTHS[key]);
  }
  return out as BeaconParams;
}

function requireKey(raw: Record<string, unknown>, key: string): unknown {
  const value = raw[key];
  if (value === undefined || value === null) {
    throw new BeaconConfigError("MISSING_KEY", `config key ${key} is missing`);
  }
  return value;
}

function parseInteger(key: string, value: unknown): number {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  const num = typeof n === "bigint" ? Number(n) : n;
  if (typeof num !== "number" || !Number.isSafeInteger(num) || num < 0) {
    throw new BeaconConfigError(
      "INVALID_INTEGER",
      `config key ${key} must be a non-negative integer below 2**53, got ${String(value)}`,
    );
  }
  return num;
}

function parseBytes(key: string, value: unknown, length: number): Uint8Array {
  if (value instanceof Uint8Array) {
    if (value.length !== length) {
      throw new BeaconConfigError("INVALID_BYTES", `config key ${key} must be ${length} bytes, got ${value.length}`);
    }
    return Uint8Array.from(value);
  }
  const text = String(value).trim();
  if (!new RegExp(`^0x[0-9a-fA-F]{${2 * length}}$`).test(text)) {
    throw new BeaconConfigError(
      "INVALID_BYTES",
      `config key ${key} must be 0x followed by ${2 * length} hex digits, got ${text}`,
    );
  }
  return Uint8Array.from(Buffer.from(text.slice(2), "hex"));
}
