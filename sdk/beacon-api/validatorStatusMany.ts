// The node's view of many keys at once (a deposit_data file's worth): Beacon API statuses from one
// `/eth/v1/beacon/states/head/validators?id=...` call per group, and `deposit_pending` from the activation queue.
import { getActivationQueue } from "./activationQueue.js";
import { BeaconApiError } from "./errors.js";
import { type BeaconApiOptions, getJson, normalizePubkey } from "./http.js";
import type { ValidatorStatus } from "./validatorStatus.js";

/** Keys per request (keeps the query string well under common URL limits). */
const KEYS_PER_REQUEST = 32;

/** pubkey (0x, lower case) -> status, for the keys the node knows (in the state, or deposit_pending); others absent. */
export async function getValidatorStatuses(
  opts: BeaconApiOptions,
  pubkeys: readonly (string | Uint8Array)[],
): Promise<Map<string, ValidatorStatus>> {
  const keys = [...new Set(pubkeys.map(normalizePubkey))];
  const out = new Map<string, ValidatorStatus>();
  for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) {
    const group = keys.slice(i, i + KEYS_PER_REQUEST);
    const body = (await getJson(opts, `/eth/v1/beacon/states/head/validators?id=${group.join(",")}`)) as {
      data?: { status: ValidatorStatus; validator: { pubkey: string } }[];
    };
    if (!Array.isArray(body?.data)) {
      throw new BeaconApiError("INVALID_RESPONSE", "validators: response has no data array");
    }
    for (const v of body.data) out.set(v.validator.pubkey.toLowerCase(), v.status);
    const missing = group.filter((k) => !out.has(k));
    if (missing.length === 0) continue;
    const queue = await getActivationQueue(opts, missing);
    for (const e of queue.entries) if (e.status === "deposit_pending") out.set(e.pubkey.toLowerCase(), e.status);
  }
  return out;
}
