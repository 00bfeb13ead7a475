// /eth/v1/validator/duties/{proposer,attester}/{epoch} (beacon-APIs "ValidatorRequiredApi"): who proposes each slot
// of an epoch and where each asked-for validator attests, from the head chain's state of that epoch through the
// engine's get_beacon_proposer_index and get_beacon_committee, with the spec's dependent_root.
import type { FastifyInstance } from "fastify";
import { getBeaconCommittee } from "../../state-transition/accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../../state-transition/accessors/getBeaconProposerIndex.js";
import { getCommitteeCountPerSlot } from "../../state-transition/accessors/getCommitteeCountPerSlot.js";
import { computeEpochAtSlot } from "../../state-transition/misc/computeEpochAtSlot.js";
import { computeStartSlotAtEpoch } from "../../state-transition/misc/computeStartSlotAtEpoch.js";
import type { BeaconState } from "../../types/index.js";
import { badRequest } from "../errors.js";
import { toHex, toUint } from "../json.js";
import { parseUint, uintParam } from "../stateId.js";
import type { ValidatorApiBackend } from "../validatorApi.js";

/** The state for duties of `epoch`: at most one epoch past the wall clock's, and not before the kept states. */
function dutyState(backend: ValidatorApiBackend, epoch: number): BeaconState {
  const currentEpoch = computeEpochAtSlot(backend.cfg, backend.currentSlot());
  if (epoch > currentEpoch + 1) {
    throw badRequest(
      "EPOCH_TOO_FAR",
      `Duties of epoch ${epoch} are not known yet: the current epoch is ${currentEpoch}`,
    );
  }
  const state = backend.dutyState(epoch);
  if (!state) throw badRequest("EPOCH_TOO_OLD", `No state is kept for epoch ${epoch} (before the finalized state)`);
  return state;
}

export function registerValidatorDutyRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  const cfg = backend.cfg;

  // dependent_root: get_block_root_at_slot(state, compute_start_slot_at_epoch(epoch) - 1), genesis block on underflow
  // clients ask every slot: the answer is fixed by (epoch, dependent root), so the last few are kept
  const proposerCache = new Map<string, unknown[]>();
  app.get<{ Params: { epoch: string } }>("/eth/v1/validator/duties/proposer/:epoch", async (req) => {
    const epoch = uintParam("epoch", req.params.epoch);
    const state = dutyState(backend, epoch);
    const dependentRoot = toHex(backend.dutyDependentRoots(epoch).current);
    const key = `${epoch}:${dependentRoot}`;
    let data = proposerCache.get(key);
    if (!data) {
      data = [];
      const start = computeStartSlotAtEpoch(cfg, epoch);
      for (let slot = start; slot < start + cfg.SLOTS_PER_EPOCH; slot++) {
        // get_beacon_proposer_index reads the slot from the state; the rest of the epoch's state is the same
        const index = getBeaconProposerIndex(cfg, { ...state, slot });
        data.push({
          pubkey: toHex(state.validators[index]!.pubkey),
          validator_index: toUint(index),
          slot: toUint(slot),
        });
      }
      proposerCache.set(key, data);
      if (proposerCache.size > 4) proposerCache.delete(proposerCache.keys().next().value!);
    }
    return { dependent_root: dependentRoot, execution_optimistic: false, data };
  });

  // dependent_root: get_block_root_at_slot(state, compute_start_slot_at_epoch(epoch - 1) - 1), genesis on underflow
  app.post<{ Params: { epoch: string }; Body: unknown }>("/eth/v1/validator/duties/attester/:epoch", async (req) => {
    const epoch = uintParam("epoch", req.params.epoch);
    const body = req.body;
    if (!Array.isArray(body)) {
      throw badRequest("INVALID_REQUEST_BODY", 'Expected a JSON array of validator indices, e.g. ["1","2"]');
    }
    const wanted = new Set<number>();
    for (const [i, item] of body.entries()) {
      const index = typeof item === "string" ? parseUint(item) : null;
      if (index === null) {
        throw badRequest("INVALID_REQUEST_BODY", `Item ${i}: ${JSON.stringify(item)} is not a validator index string`);
      }
      wanted.add(index);
    }
    const state = dutyState(backend, epoch);
    for (const index of wanted) {
      if (index >= state.validators.length) {
        throw badRequest(
          "UNKNOWN_VALIDATOR",
          `Validator index ${index} is not in the state (${state.validators.length} validators)`,
        );
      }
    }
    const count = getCommitteeCountPerSlot(cfg, state, epoch);
    const start = computeStartSlotAtEpoch(cfg, epoch);
    const data = [];
    for (let slot = start; slot < start + cfg.SLOTS_PER_EPOCH && wanted.size > 0; slot++) {
      for (let committeeIndex = 0; committeeIndex < count; committeeIndex++) {
        const committee = getBeaconCommittee(cfg, state, slot, committeeIndex);
        for (let position = 0; position < committee.length; position++) {
          const validatorIndex = committee[position]!;
          if (!wanted.has(validatorIndex)) continue;
          wanted.delete(validatorIndex);
          data.push({
            pubkey: toHex(state.validators[validatorIndex]!.pubkey),
            validator_index: toUint(validatorIndex),
            committee_index: toUint(committeeIndex),
            committee_length: toUint(committee.length),
            committees_at_slot: toUint(count),
            validator_committee_index: toUint(position),
            slot: toUint(slot),
          });
        }
      }
    }
    return {
      dependent_root: toHex(backend.dutyDependentRoots(epoch).previous),
      execution_optimistic: false,
      data,
    };
  });
}
