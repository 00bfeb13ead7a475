// /eth/v1/node/{health,syncing,version} (beacon-APIs "Node" namespace).
import type { FastifyInstance } from "fastify";
import type { ChainView } from "../chainView.js";
import { toUint } from "../json.js";

export const NODE_VERSION = "btc20-node/v0.1.0";

export function registerNodeRoutes(app: FastifyInstance, view: ChainView): void {
  // 200 ready, 206 syncing, 503 not initialized (no genesis yet); no body.
  app.get("/eth/v1/node/health", async (_req, reply) => {
    if (view.genesisState() === null) return reply.code(503).send();
    return reply.code(view.syncStatus().isSyncing ? 206 : 200).send();
  });

  app.get("/eth/v1/node/syncing", async () => {
    const s = view.syncStatus();
    return {
      data: {
        head_slot: toUint(s.headSlot),
        sync_distance: toUint(s.syncDistance),
        is_syncing: s.isSyncing,
        is_optimistic: false,
        el_offline: false,
      },
    };
  });

  app.get("/eth/v1/node/version", async () => ({
    data: { version: `${NODE_VERSION}/${process.platform}-${process.arch}/node-${process.version}` },
  }));
}
