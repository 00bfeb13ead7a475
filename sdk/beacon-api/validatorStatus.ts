// A staker's view of keys: their Beacon API status, or `deposit_pending` while the deposit is on the contract but
// not yet in the beacon state. Read with `/eth/v1/beacon/states/{state}/validators?id=...` (unknown keys are simply
// absent, so a browser logs no 404 per key not yet in the state), a group of keys per request.
import { getActivationQueue } from "./activationQueue.js";
import { BeaconApiError } from "./errors.js";
import { type BeaconApiOptions, getJson, normalizePubkey } from "./http.js";
import type { BeaconValidatorStatus } from "./validatorStatuses.js";

/** A Beacon API status, or BTC20's `deposit_pending`. */
export type ValidatorStatus = "deposit_pending" | BeaconValidatorStatus;

export interface ValidatorStatusInfo {
  pubkey: string;
  /** null when the node does not know the key at all (no deposit seen) */
  status: ValidatorStatus | null;
  index: number | null;
  /** gwei */
  balance: bigint | null;
  activationEpoch: bigint | null;
}

const FAR_FUTURE = 2n ** 64n - 1n;
/** Keys per request (keeps the query string well under common URL limits). */
const KEYS_PER_REQUEST = 32;

interface ValidatorJson {
  index: string;
  balance: string;
  status: ValidatorStatus;
  validator: { pubkey: string; activation_epoch: string };
}

/** The status of each key, in the order given (duplicates allowed). */
export async function getValidatorStatusInfos(
  opts: BeaconApiOptions,
  pubkeys: readonly (string | Uint8Array)[],
  stateId = "head",
): Promise<ValidatorStatusInfo[]> {
  const keys = pubkeys.map(normalizePubkey);
  const found = new Map<string, ValidatorStatusInfo>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += KEYS_PER_REQUEST) {
    const group = unique.slice(i, i + KEYS_PER_REQUEST);
    const body = (await getJson(opts, `/eth/v1/beacon/states/${stateId}/validators?id=${group.join(",")}`)) as {
      data?: ValidatorJson[];
    };
    if (!Array.isArray(body?.data)) {
      throw new BeaconApiError("INVALID_RESPONSE", "validators: response has no data array");
    }
    for (const d of body.data) {
      if (typeof d?.status !== "string" || typeof d.index !== "string" || typeof d.validator?.pubkey !== "string") {
        throw new BeaconApiError("INVALID_RESPONSE", "validators: an entry has no status/index/validator.pubkey");
      }
      const activation = BigInt(d.validator.activation_epoch);
      const pubkey = d.validator.pubkey.toLowerCase();
      found.set(pubkey, {
        pubkey,
        status: d.status,
        index: Number(d.index),
        balance: BigInt(d.balance),
        activationEpoch: activation === FAR_FUTURE ? null : activation,
      });
    }
    const missing = group.filter((k) => !found.has(k));
    if (missing.length === 0) continue;
    const queue = await getActivationQueue(opts, missing);
    const pending = new Set(
      queue.entries.filter((e) => e.status === "deposit_pending").map((e) => e.pubkey.toLowerCase()),
    );
    for (const k of missing) {
      found.set(k, {
        pubkey: k,
        status: pending.has(k) ? "deposit_pending" : null,
        index: null,
        balance: null,
        activationEpoch: null,
      });
    }
  }
  return keys.map((k) => found.get(k)!);
}

export async function getValidatorStatus(
  opts: BeaconApiOptions,
  pubkey: string | Uint8Array,
  stateId = "head",
): Promise<ValidatorStatusInfo> {
  return (await getValidatorStatusInfos(opts, [pubkey], stateId))[0]!;
}
