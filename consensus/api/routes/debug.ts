// Debug routes: /eth/v2/debug/beacon/states/{state_id} (beacon-APIs "Debug", JSON or SSZ with
// `Accept: application/octet-stream`: the checkpoint-sync source) and, behind --debug-api,
// POST /btc20/v1/debug/network/deny (the devnet's partitions: deny these peers until the next call).
import type { FastifyInstance } from "fastify";
import { badRequest, notFound } from "../errors.js";
import type { DebugStateView, NetworkView } from "../networkView.js";
import { parseStateId } from "../stateId.js";

const PEER_ID_RE = /^[1-9A-HJ-NP-Za-km-z]{20,80}$/;

export function registerDebugStateRoutes(app: FastifyInstance, states: DebugStateView): void {
  app.get<{ Params: { state_id: string } }>("/eth/v2/debug/beacon/states/:state_id", async (req, reply) => {
    const selector = parseStateId(req.params.state_id);
    const wantsSsz = String(req.headers.accept ?? "").includes("application/octet-stream");
    reply.header("Eth-Consensus-Version", "phase0");
    if (wantsSsz) {
      const ssz = states.stateSsz(selector);
      if (!ssz) throw notFound("STATE_NOT_FOUND", `State not found: ${req.params.state_id}`);
      reply.header("content-type", "application/octet-stream");
      return reply.send(Buffer.from(ssz));
    }
    const json = states.stateJson(selector);
    if (!json) throw notFound("STATE_NOT_FOUND", `State not found: ${req.params.state_id}`);
    return { version: "phase0", execution_optimistic: false, finalized: false, data: json };
  });
}

export function registerDebugNetworkRoutes(app: FastifyInstance, net: NetworkView): void {
  app.post<{ Body: { peer_ids?: unknown } }>("/btc20/v1/debug/network/deny", async (req) => {
    const ids = req.body?.peer_ids;
    if (!Array.isArray(ids) || !ids.every((p) => typeof p === "string" && PEER_ID_RE.test(p))) {
      throw badRequest("INVALID_PEER_IDS", 'body must be {"peer_ids": ["16Uiu2...", ...]} (base58 peer ids)');
    }
    return { data: { denied: await net.setDenied(ids as string[]) } };
  });
}
