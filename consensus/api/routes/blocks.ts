// POST /eth/v1/beacon/blocks and /eth/v2/beacon/blocks (beacon-APIs publishBlock, publishBlockV2): a signed phase0
// block as JSON or SSZ. 200 when it was imported and broadcast, 202 when it was broadcast but is not imported yet
// (its parent is unknown), 400 (nothing broadcast) when it is invalid.
//
// broadcast_validation: this node runs the full state transition before broadcasting at every level, which is what
// `consensus` asks and stricter than `gossip` (a phase0 block imports in milliseconds); `consensus_and_equivocation`
// also refuses a second block of the same proposer at the same slot.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SignedBeaconBlock } from "../../types/index.js";
import { badRequest } from "../errors.js";
import { fromJsonStrict, fromSszStrict } from "../sszJson.js";
import { BROADCAST_VALIDATIONS, type BroadcastValidation, type ValidatorApiBackend } from "../validatorApi.js";
import { isSszBody, registerSszBodyParser, requireConsensusVersion } from "../wire.js";

type PublishRequest = FastifyRequest<{ Body: unknown; Querystring: { broadcast_validation?: string } }>;

export function registerBlockRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  // SSZ request bodies are taken here only (an encapsulated scope): other routes answer an SSZ body with 415, on
  // which Lodestar's client retries in JSON
  app.register(async (scope) => {
    registerSszBodyParser(scope);
    registerPublishRoutes(scope, backend);
  });
}

function registerPublishRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  const types = backend.cfg.types;

  const readBlock = (req: PublishRequest): SignedBeaconBlock =>
    isSszBody(req)
      ? fromSszStrict(types.SignedBeaconBlock, req.body as Buffer)
      : fromJsonStrict(types.SignedBeaconBlock, req.body);

  const publish = (reply: FastifyReply, block: SignedBeaconBlock, validation: BroadcastValidation) => {
    let outcome: string;
    try {
      outcome = backend.publishBlock(block, validation);
    } catch (e) {
      throw badRequest("INVALID_BLOCK", (e as Error).message);
    }
    return reply.code(outcome === "imported" ? 200 : 202).send();
  };

  app.post("/eth/v1/beacon/blocks", async (req: PublishRequest, reply) => publish(reply, readBlock(req), "gossip"));

  app.post("/eth/v2/beacon/blocks", async (req: PublishRequest, reply) => {
    const validation = req.query.broadcast_validation ?? "gossip";
    if (!(BROADCAST_VALIDATIONS as readonly string[]).includes(validation)) {
      throw badRequest(
        "INVALID_BROADCAST_VALIDATION",
        `Invalid broadcast_validation ${JSON.stringify(validation)}; expected one of ${BROADCAST_VALIDATIONS.join(", ")}`,
      );
    }
    requireConsensusVersion(req);
    return publish(reply, readBlock(req), validation as BroadcastValidation);
  });
}
