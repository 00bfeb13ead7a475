// A staker's view of one key: its Beacon API status, or `deposit_pending` while the deposit is on the contract but
// not yet in the beacon state.
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

export async function getValidatorStatus(
  opts: BeaconApiOptions,
  pubkey: string | Uint8Array,
  stateId = "head",
): Promise<ValidatorStatusInfo> {
  const key = normalizePubkey(pubkey);
  const body = (await getJson(opts, `/eth/v1/beacon/states/${stateId}/validators/${key}`, true)) as {
    data?: { index: string; balance: string; status: ValidatorStatus; validator: { activation_epoch: string } };
  } | null;
  if (body) {
    const d = body.data;
    if (!d || typeof d.status !== "string" || typeof d.index !== "string") {
      throw new BeaconApiError("INVALID_RESPONSE", `validator ${key}: response has no data.status/data.index`);
    }
    const activation = BigInt(d.validator.activation_epoch);
    return {
      pubkey: key,
      status: d.status,
      index: Number(d.index),
      balance: BigInt(d.balance),
      activationEpoch: activation === FAR_FUTURE ? null : activation,
    };
  }
  const queue = await getActivationQueue(opts, [key]);
  const entry = queue.entries.find((e) => e.pubkey === key && e.status === "deposit_pending");
  return { pubkey: key, status: entry ? "deposit_pending" : null, index: null, balance: null, activationEpoch: null };
}
