// Client for the node's activation-queue view (/btc20/v1/activation_queue).
import { BeaconApiError } from "./errors.js";
import { type BeaconApiOptions, getJson, normalizePubkey } from "./http.js";

export interface ActivationQueueEntry {
  pubkey: string;
  index: number | null;
  status: "deposit_pending" | "pending_initialized" | "pending_queued";
  /** 0-based place in the queue; null if the key needs more stake first */
  position: number | null;
  eligibilityEpoch: number | null;
  activationEpoch: number | null;
  /** unix seconds when the key is expected to activate */
  etaTime: number | null;
  /** false when the activation epoch is already fixed in the state */
  estimated: boolean;
}

export interface ActivationQueue {
  currentEpoch: number;
  finalizedEpoch: number;
  churnLimit: number;
  activeValidators: number;
  length: number;
  depositPending: number;
  entries: ActivationQueueEntry[];
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function getActivationQueue(
  opts: BeaconApiOptions,
  pubkeys: readonly (string | Uint8Array)[] = [],
): Promise<ActivationQueue> {
  const query = pubkeys.map((p) => `pubkey=${normalizePubkey(p)}`).join("&");
  const body = (await getJson(opts, `/btc20/v1/activation_queue${query ? `?${query}` : ""}`)) as {
    data?: Record<string, unknown> & { entries?: Record<string, unknown>[] };
  };
  const d = body?.data;
  if (!d || !Array.isArray(d.entries)) {
    throw new BeaconApiError("INVALID_RESPONSE", "activation_queue: response has no data.entries");
  }
  return {
    currentEpoch: Number(d.current_epoch),
    finalizedEpoch: Number(d.finalized_epoch),
    churnLimit: Number(d.churn_limit),
    activeValidators: Number(d.active_validators),
    length: Number(d.length),
    depositPending: Number(d.deposit_pending),
    entries: d.entries.map((e) => ({
      pubkey: String(e.pubkey),
      index: num(e.index),
      status: e.status as ActivationQueueEntry["status"],
      position: num(e.position),
      eligibilityEpoch: num(e.eligibility_epoch),
      activationEpoch: num(e.activation_epoch),
      etaTime: num(e.eta_time),
      estimated: Boolean(e.estimated),
    })),
  };
}
