// GET /eth/v1/beacon/states/{state_id}/committees?epoch&index&slot (beacon-APIs getEpochCommittees): the state's
// beacon committees through the engine's get_beacon_committee, for the state's previous, current or next epoch.
import type { FastifyInstance } from "fastify";
import { getBeaconCommittee } from "../../state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../../state-transition/accessors/getCommitteeCountPerSlot.js";
import { computeEpochAtSlot } from "../../state-transition/misc/computeEpochAtSlot.js";
import { computeStartSlotAtEpoch } from "../../state-transition/misc/computeStartSlotAtEpoch.js";
import { badRequest, notFound } from "../errors.js";
import { toUint } from "../json.js";
import { parseStateId, uintParam } from "../stateId.js";
import type { ValidatorApiBackend } from "../validatorApi.js";

type Query = { epoch?: string; index?: string; slot?: string };

export function registerCommitteeRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  const cfg = backend.cfg;
  app.get<{ Params: { state_id: string }; Querystring: Query }>(
    "/eth/v1/beacon/states/:state_id/committees",
    async (req) => {
      const selector = parseStateId(req.params.state_id);
      const q = req.query;
      const epochArg = q.epoch === undefined ? null : uintParam("epoch", q.epoch);
      const index = q.index === undefined ? null : uintParam("index", q.index);
      const slotArg = q.slot === undefined ? null : uintParam("slot", q.slot);
      const found = backend.getBeaconState(selector);
      if (!found) throw notFound("STATE_NOT_FOUND", `State not found: ${req.params.state_id}`);
      const stateEpoch = computeEpochAtSlot(cfg, found.state.slot);
      const epoch = epochArg ?? (slotArg !== null ? computeEpochAtSlot(cfg, slotArg) : stateEpoch);
      // get_seed and the active set are only fixed from one epoch back to one epoch ahead of the state
      if (epoch + 1 < stateEpoch || epoch > stateEpoch + 1) {
        throw badRequest(
          "EPOCH_OUT_OF_RANGE",
          `Committees of epoch ${epoch} cannot be read from a state of epoch ${stateEpoch} (expected ${Math.max(0, stateEpoch - 1)}..${stateEpoch + 1})`,
        );
      }
      if (slotArg !== null && computeEpochAtSlot(cfg, slotArg) !== epoch) {
        throw badRequest("SLOT_NOT_IN_EPOCH", `Slot ${slotArg} is not in epoch ${epoch}`);
      }
      const count = getCommitteeCountPerSlot(cfg, found.state, epoch);
      const start = computeStartSlotAtEpoch(cfg, epoch);
      const data = [];
      for (let slot = start; slot < start + cfg.SLOTS_PER_EPOCH; slot++) {
        if (slotArg !== null && slot !== slotArg) continue;
        for (let i = 0; i < count; i++) {
          if (index !== null && i !== index) continue;
          const committee = getBeaconCommittee(cfg, found.state, slot, i);
          data.push({ index: toUint(i), slot: toUint(slot), validators: Array.from(committee, (v) => toUint(v)) });
        }
      }
      return { execution_optimistic: false, finalized: found.finalized, data };
    },
  );
}
