// Attesting and aggregating through the API (beacon-APIs; phase0 validator.md "Attesting", "Attestation aggregation"):
// GET /eth/v1/validator/attestation_data, GET/POST /eth/v1/beacon/pool/attestations (+ v2 POST),
// GET /eth/v1/validator/aggregate_attestation, POST /eth/v1/validator/aggregate_and_proofs (+ v2),
// POST /eth/v1/validator/beacon_committee_subscriptions.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { getBlockRootAtSlot } from "../../state-transition/accessors/getBlockRootAtSlot.js";
import { getCommitteeCountPerSlot } from "../../state-transition/accessors/getCommitteeCountPerSlot.js";
import { computeEpochAtSlot } from "../../state-transition/misc/computeEpochAtSlot.js";
import { computeStartSlotAtEpoch } from "../../state-transition/misc/computeStartSlotAtEpoch.js";
import type { AttestationData } from "../../types/index.js";
import { badRequest, notFound } from "../errors.js";
import { fromJsonStrict } from "../sszJson.js";
import { hexToBytes, parseUint, uintParam } from "../stateId.js";
import type { BeaconCommitteeSubscription, ValidatorApiBackend } from "../validatorApi.js";
import { requireConsensusVersion } from "../wire.js";
import { submitEach } from "./submitEach.js";

const ROOT_RE = /^0x[0-9a-fA-F]{64}$/;

export function registerAttestationRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  const cfg = backend.cfg;
  const types = cfg.types;

  /** validator.md "Attestation data": head block, justified source and epoch-boundary target of the chain at `slot`. */
  app.get<{ Querystring: { slot?: string; committee_index?: string } }>(
    "/eth/v1/validator/attestation_data",
    async (req) => {
      const slot = uintParam("slot", req.query.slot);
      const index = uintParam("committee_index", req.query.committee_index);
      const currentSlot = backend.currentSlot();
      if (slot > currentSlot + 1) {
        throw badRequest("SLOT_TOO_FAR", `Slot ${slot} is in the future (current slot ${currentSlot})`);
      }
      const at = backend.chainAtSlot(slot);
      if (!at) throw badRequest("SLOT_TOO_OLD", `Slot ${slot} is before the states this node keeps`);
      const epoch = computeEpochAtSlot(cfg, slot);
      const count = getCommitteeCountPerSlot(cfg, at.state, epoch);
      if (index >= count) {
        throw badRequest("INVALID_COMMITTEE_INDEX", `Committee index ${index} >= ${count} committees at slot ${slot}`);
      }
      const start = computeStartSlotAtEpoch(cfg, epoch);
      const data: AttestationData = {
        slot,
        index,
        beaconBlockRoot: at.blockRoot,
        source: at.state.currentJustifiedCheckpoint,
        target: { epoch, root: start >= at.state.slot ? at.blockRoot : getBlockRootAtSlot(cfg, at.state, start) },
      };
      return { data: types.AttestationData.toJson(data) };
    },
  );

  app.get<{ Querystring: { slot?: string; committee_index?: string } }>(
    "/eth/v1/beacon/pool/attestations",
    async (req) => {
      const slot = req.query.slot === undefined ? null : uintParam("slot", req.query.slot);
      const index =
        req.query.committee_index === undefined ? null : uintParam("committee_index", req.query.committee_index);
      const data = backend
        .poolAttestations()
        .filter((a) => (slot === null || a.data.slot === slot) && (index === null || a.data.index === index))
        .map((a) => types.Attestation.toJson(a));
      return { data };
    },
  );

  const postAttestations = (req: FastifyRequest<{ Body: unknown }>) =>
    submitEach(req.body, (item, path) => backend.publishAttestation(fromJsonStrict(types.Attestation, item, path)));
  app.post<{ Body: unknown }>("/eth/v1/beacon/pool/attestations", async (req, reply) => {
    postAttestations(req);
    return reply.code(200).send();
  });
  app.post<{ Body: unknown }>("/eth/v2/beacon/pool/attestations", async (req, reply) => {
    requireConsensusVersion(req);
    postAttestations(req);
    return reply.code(200).send();
  });

  app.get<{ Querystring: { attestation_data_root?: string; slot?: string } }>(
    "/eth/v1/validator/aggregate_attestation",
    async (req) => {
      const rootHex = req.query.attestation_data_root;
      if (rootHex === undefined || !ROOT_RE.test(rootHex)) {
        throw badRequest(
          "INVALID_ATTESTATION_DATA_ROOT",
          `Invalid attestation_data_root: ${JSON.stringify(rootHex)}; expected 0x + 64 hex characters`,
        );
      }
      const slot = uintParam("slot", req.query.slot);
      const aggregate = backend.getAggregate(slot, hexToBytes(rootHex));
      if (!aggregate) throw notFound("NO_AGGREGATE", `No attestation with data root ${rootHex} at slot ${slot}`);
      return { data: types.Attestation.toJson(aggregate) };
    },
  );

  const postAggregates = (req: FastifyRequest<{ Body: unknown }>) =>
    submitEach(req.body, (item, path) =>
      backend.publishAggregateAndProof(fromJsonStrict(types.SignedAggregateAndProof, item, path)),
    );
  app.post<{ Body: unknown }>("/eth/v1/validator/aggregate_and_proofs", async (req, reply) => {
    postAggregates(req);
    return reply.code(200).send();
  });
  app.post<{ Body: unknown }>("/eth/v2/validator/aggregate_and_proofs", async (req, reply) => {
    requireConsensusVersion(req);
    postAggregates(req);
    return reply.code(200).send();
  });

  app.post<{ Body: unknown }>("/eth/v1/validator/beacon_committee_subscriptions", async (req, reply) => {
    if (!Array.isArray(req.body)) throw badRequest("INVALID_REQUEST_BODY", "Expected a JSON array of subscriptions");
    const subscriptions = req.body.map((item, i) => parseSubscription(item, i));
    backend.subscribeToBeaconCommittees(subscriptions);
    return reply.code(200).send();
  });
}

function parseSubscription(item: unknown, i: number): BeaconCommitteeSubscription {
  if (typeof item !== "object" || item === null)
    throw badRequest("INVALID_REQUEST_BODY", `Item ${i}: expected an object`);
  const o = item as Record<string, unknown>;
  const uint = (key: string) => {
    const v = o[key];
    const n = typeof v === "string" ? parseUint(v) : null;
    if (n === null) throw badRequest("INVALID_REQUEST_BODY", `Item ${i}: ${key} must be a decimal integer string`);
    return n;
  };
  if (typeof o.is_aggregator !== "boolean") {
    throw badRequest("INVALID_REQUEST_BODY", `Item ${i}: is_aggregator must be true or false`);
  }
  return {
    validatorIndex: uint("validator_index"),
    committeeIndex: uint("committee_index"),
    committeesAtSlot: uint("committees_at_slot"),
    slot: uint("slot"),
    isAggregator: o.is_aggregator,
  };
}
