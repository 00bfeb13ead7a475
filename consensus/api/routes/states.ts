// /eth/v1/beacon/states/{state_id}/{validators, validators/{validator_id}, validator_balances, finality_checkpoints}.
import type { FastifyInstance } from "fastify";
import type { ChainView, StateLookup } from "../chainView.js";
import { badRequest, notFound } from "../errors.js";
import { checkpointJson, toUint, validatorJson } from "../json.js";
import { parseStateId, parseValidatorId, queryList, resolveValidatorIndex } from "../stateId.js";
import { getValidatorStatus, STATUS_GROUPS, VALIDATOR_STATUSES, type ValidatorStatus } from "../validatorStatus.js";

type StateParams = { state_id: string };

function lookupState(view: ChainView, stateId: string): StateLookup {
  const found = view.getState(parseStateId(stateId));
  if (!found) throw notFound("STATE_NOT_FOUND", `State not found: ${stateId}`);
  return found;
}

/** Indices named by the `id` query (all validators when absent); unknown ids are left out, as the spec says. */
function selectIndices(lookup: StateLookup, ids: string[]): number[] {
  const state = lookup.state;
  if (ids.length === 0) return Array.from({ length: state.validators.length }, (_, i) => i);
  const out: number[] = [];
  const seen = new Set<number>();
  for (const raw of ids) {
    const index = resolveValidatorIndex(state, parseValidatorId(raw));
    if (index !== null && !seen.has(index)) {
      seen.add(index);
      out.push(index);
    }
  }
  return out;
}

/** An optional list of strings in a JSON body (absent or null: empty). */
function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw badRequest("INVALID_REQUEST_BODY", `${name} must be an array of strings`);
  }
  return value as string[];
}

function parseStatusFilter(values: string[]): Set<ValidatorStatus> | null {
  if (values.length === 0) return null;
  const out = new Set<ValidatorStatus>();
  for (const s of values) {
    // own keys only: "toString" & co. are not status groups
    const group = Object.hasOwn(STATUS_GROUPS, s) ? STATUS_GROUPS[s] : undefined;
    if (group) for (const g of group) out.add(g);
    else if ((VALIDATOR_STATUSES as readonly string[]).includes(s)) out.add(s as ValidatorStatus);
    else
      throw badRequest(
        "INVALID_STATUS",
        `Invalid validator status: ${JSON.stringify(s)}; expected one of ${[...VALIDATOR_STATUSES, ...Object.keys(STATUS_GROUPS)].join(", ")}`,
      );
  }
  return out;
}

function validatorEntry(lookup: StateLookup, index: number, epoch: number) {
  const v = lookup.state.validators[index]!;
  return {
    index: toUint(index),
    balance: toUint(lookup.state.balances[index]!),
    status: getValidatorStatus(v, epoch),
    validator: validatorJson(v),
  };
}

const meta = (lookup: StateLookup) => ({ execution_optimistic: false, finalized: lookup.finalized });

export function registerStateRoutes(app: FastifyInstance, view: ChainView): void {
  const epochOf = (lookup: StateLookup) => Math.floor(lookup.state.slot / view.config.SLOTS_PER_EPOCH);

  const validators = (stateId: string, ids: string[], statusValues: string[]) => {
    const statuses = parseStatusFilter(statusValues);
    const lookup = lookupState(view, stateId);
    const epoch = epochOf(lookup);
    const data = [];
    for (const index of selectIndices(lookup, ids)) {
      const entry = validatorEntry(lookup, index, epoch);
      if (!statuses || statuses.has(entry.status)) data.push(entry);
    }
    return { ...meta(lookup), data };
  };

  app.get<{ Params: StateParams; Querystring: { id?: string | string[]; status?: string | string[] } }>(
    "/eth/v1/beacon/states/:state_id/validators",
    async (req) => validators(req.params.state_id, queryList(req.query.id), queryList(req.query.status)),
  );

  // the POST form (beacon-APIs postStateValidators): body {ids?, statuses?}, either may be absent or null
  app.post<{ Params: StateParams; Body: unknown }>("/eth/v1/beacon/states/:state_id/validators", async (req) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== "object" || Array.isArray(body)) {
      throw badRequest("INVALID_REQUEST_BODY", "Expected a JSON object {ids?: string[], statuses?: string[]}");
    }
    return validators(req.params.state_id, stringList(body.ids, "ids"), stringList(body.statuses, "statuses"));
  });

  // the POST form of validator_balances: body is a JSON array of ids
  app.post<{ Params: StateParams; Body: unknown }>(
    "/eth/v1/beacon/states/:state_id/validator_balances",
    async (req) => {
      const lookup = lookupState(view, req.params.state_id);
      const data = selectIndices(lookup, stringList(req.body, "body")).map((i) => ({
        index: toUint(i),
        balance: toUint(lookup.state.balances[i]!),
      }));
      return { ...meta(lookup), data };
    },
  );

  app.get<{ Params: StateParams & { validator_id: string } }>(
    "/eth/v1/beacon/states/:state_id/validators/:validator_id",
    async (req) => {
      const id = parseValidatorId(req.params.validator_id);
      const lookup = lookupState(view, req.params.state_id);
      const index = resolveValidatorIndex(lookup.state, id);
      if (index === null) throw notFound("VALIDATOR_NOT_FOUND", `Validator not found: ${req.params.validator_id}`);
      return { ...meta(lookup), data: validatorEntry(lookup, index, epochOf(lookup)) };
    },
  );

  app.get<{ Params: StateParams; Querystring: { id?: string | string[] } }>(
    "/eth/v1/beacon/states/:state_id/validator_balances",
    async (req) => {
      const ids = queryList(req.query.id);
      const lookup = lookupState(view, req.params.state_id);
      const data = selectIndices(lookup, ids).map((i) => ({
        index: toUint(i),
        balance: toUint(lookup.state.balances[i]!),
      }));
      return { ...meta(lookup), data };
    },
  );

  app.get<{ Params: StateParams }>("/eth/v1/beacon/states/:state_id/finality_checkpoints", async (req) => {
    const lookup = lookupState(view, req.params.state_id);
    const s = lookup.state;
    return {
      ...meta(lookup),
      data: {
        previous_justified: checkpointJson(s.previousJustifiedCheckpoint),
        current_justified: checkpointJson(s.currentJustifiedCheckpoint),
        finalized: checkpointJson(s.finalizedCheckpoint),
      },
    };
  });
}
