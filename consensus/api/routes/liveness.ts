// POST /eth/v1/validator/liveness/{epoch} (beacon-APIs "getLiveness"): body ["index", ...] ->
// {data: [{index, is_live}]}; is_live when the node saw the validator attest or propose in that epoch.
import type { FastifyInstance } from "fastify";
import { badRequest } from "../errors.js";
import { toUint } from "../json.js";

export interface LivenessView {
  /** null when `epoch` is outside the epochs the node keeps */
  liveness(epoch: number, indices: readonly number[]): boolean[] | null;
}

const UINT_RE = /^(0|[1-9][0-9]{0,15})$/;

export function registerLivenessRoutes(app: FastifyInstance, view: LivenessView): void {
  app.post<{ Params: { epoch: string }; Body: unknown }>("/eth/v1/validator/liveness/:epoch", async (req) => {
    if (!UINT_RE.test(req.params.epoch)) {
      throw badRequest("INVALID_EPOCH", `epoch must be a decimal uint64, got ${JSON.stringify(req.params.epoch)}`);
    }
    const body = req.body;
    if (!Array.isArray(body) || !body.every((v) => typeof v === "string" && UINT_RE.test(v))) {
      throw badRequest("INVALID_BODY", "body must be an array of validator indices as decimal strings");
    }
    const indices = (body as string[]).map(Number);
    const live = view.liveness(Number(req.params.epoch), indices);
    if (!live)
      throw badRequest("EPOCH_NOT_TRACKED", `epoch ${req.params.epoch} is older than the epochs this node tracks`);
    return { data: indices.map((index, i) => ({ index: toUint(index), is_live: live[i] })) };
  });
}
