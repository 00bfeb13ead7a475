// JSON encoding of the beacon-APIs: integers as decimal strings, bytes as 0x-prefixed lowercase hex.
import type { Checkpoint, ValidatorRecord } from "./chainView.js";

/** uint64 max, which FAR_FUTURE_EPOCH (Infinity in the engine's values) stands for on the wire. */
export const UINT64_MAX = "18446744073709551615";

export function toHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

/** A uint64 as a decimal string; Infinity (FAR_FUTURE_EPOCH) becomes 2**64-1. */
export function toUint(value: number | bigint): string {
  if (typeof value === "bigint") return value.toString(10);
  if (value === Number.POSITIVE_INFINITY) return UINT64_MAX;
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a uint64 value: ${value}`);
  return value.toString(10);
}

export function checkpointJson(cp: Checkpoint) {
  return { epoch: toUint(cp.epoch), root: toHex(cp.root) };
}

export function validatorJson(v: ValidatorRecord) {
  return {
    pubkey: toHex(v.pubkey),
    withdrawal_credentials: toHex(v.withdrawalCredentials),
    effective_balance: toUint(v.effectiveBalance),
    slashed: v.slashed,
    activation_eligibility_epoch: toUint(v.activationEligibilityEpoch),
    activation_epoch: toUint(v.activationEpoch),
    exit_epoch: toUint(v.exitEpoch),
    withdrawable_epoch: toUint(v.withdrawableEpoch),
  };
}

/** A config value for /eth/v1/config/spec: every value is a string (numbers decimal, bytes 0x hex). */
export function specValueJson(value: unknown): string | undefined {
  if (value instanceof Uint8Array) return toHex(value);
  if (typeof value === "number" || typeof value === "bigint") return toUint(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return undefined;
}
