// /btc20/v1/activation_queue: BTC20's view of the activation queue (not part of the beacon-APIs).
import type { FastifyInstance } from "fastify";
import { computeActivationQueue, type QueueEntry } from "../activationQueue.js";
import type { ChainView } from "../chainView.js";
import { badRequest, notFound } from "../errors.js";
import { toHex, toUint } from "../json.js";
import { queryList } from "../stateId.js";

const PUBKEY_RE = /^0x[0-9a-fA-F]{96}$/;
const orNull = (n: number | null) => (n === null ? null : toUint(n));

function entryJson(e: QueueEntry) {
  return {
    pubkey: toHex(e.pubkey),
    index: orNull(e.index),
    status: e.status,
    position: orNull(e.position),
    eligibility_epoch: orNull(e.eligibilityEpoch),
    activation_epoch: orNull(e.activationEpoch),
    eta_time: orNull(e.etaTime),
    estimated: e.estimated,
  };
}

export function registerActivationQueueRoutes(app: FastifyInstance, view: ChainView): void {
  app.get<{ Querystring: { pubkey?: string | string[] } }>("/btc20/v1/activation_queue", async (req) => {
    const pubkeys = queryList(req.query.pubkey).map((p) => {
      if (!PUBKEY_RE.test(p)) {
        throw badRequest("INVALID_PUBKEY", `Invalid pubkey: ${JSON.stringify(p)}; expected 0x + 96 hex characters`);
      }
      return p.toLowerCase();
    });
    const head = view.getState({ kind: "head" });
    if (!head) throw notFound("NO_HEAD", "No head state yet");
    const q = computeActivationQueue(view.config, head.state, view.pendingDeposits());
    const wanted = pubkeys.length > 0 ? new Set(pubkeys) : null;
    return {
      data: {
        current_epoch: toUint(q.currentEpoch),
        finalized_epoch: toUint(q.finalizedEpoch),
        churn_limit: toUint(q.churnLimit),
        active_validators: toUint(q.activeValidators),
        length: toUint(q.length),
        deposit_pending: toUint(q.entries.filter((e) => e.status === "deposit_pending").length),
        entries: q.entries.filter((e) => !wanted || wanted.has(toHex(e.pubkey))).map(entryJson),
      },
    };
  });
}
