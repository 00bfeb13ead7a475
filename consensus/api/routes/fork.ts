// GET /eth/v1/config/fork_schedule and /eth/v1/beacon/states/{state_id}/fork (beacon-APIs; validator clients read
// them at start). This chain has one fork, phase0, from genesis.
import type { FastifyInstance } from "fastify";
import type { ChainView } from "../chainView.js";
import { notFound } from "../errors.js";
import { toHex, toUint } from "../json.js";
import { parseStateId } from "../stateId.js";

export function registerForkRoutes(app: FastifyInstance, view: ChainView): void {
  app.get("/eth/v1/config/fork_schedule", async () => {
    const version = toHex(view.config.GENESIS_FORK_VERSION);
    return { data: [{ previous_version: version, current_version: version, epoch: "0" }] };
  });

  app.get<{ Params: { state_id: string } }>("/eth/v1/beacon/states/:state_id/fork", async (req) => {
    const found = view.getState(parseStateId(req.params.state_id));
    if (!found) throw notFound("STATE_NOT_FOUND", `State not found: ${req.params.state_id}`);
    const fork = found.state.fork;
    return {
      execution_optimistic: false,
      finalized: found.finalized,
      data: {
        previous_version: toHex(fork.previousVersion),
        current_version: toHex(fork.currentVersion),
        epoch: toUint(fork.epoch),
      },
    };
  });
}
