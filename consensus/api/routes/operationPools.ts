// GET/POST /eth/v1/beacon/pool/{voluntary_exits,proposer_slashings,attester_slashings} (beacon-APIs "Beacon" pool):
// a POSTed operation is pooled and gossiped only if the state transition's process_* check passes on the head state
// (400 with the rule that failed otherwise); produced blocks include pooled operations up to the MAX_* limits.
import type { Type } from "@chainsafe/ssz";
import type { FastifyInstance } from "fastify";
import { badRequest } from "../errors.js";
import { fromJsonStrict } from "../sszJson.js";
import type { ValidatorApiBackend } from "../validatorApi.js";

export function registerOperationPoolRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  const types = backend.cfg.types;

  const pool = <T>(name: string, type: Type<T>, list: () => T[], submit: (op: T) => void) => {
    const url = `/eth/v1/beacon/pool/${name}`;
    app.get(url, async () => ({ data: list().map((op) => type.toJson(op)) }));
    app.post<{ Body: unknown }>(url, async (req, reply) => {
      const op = fromJsonStrict(type, req.body);
      try {
        submit(op);
      } catch (e) {
        throw badRequest("INVALID_OPERATION", (e as Error).message);
      }
      return reply.code(200).send();
    });
  };

  pool(
    "voluntary_exits",
    types.SignedVoluntaryExit,
    () => backend.voluntaryExits(),
    (op) => backend.publishVoluntaryExit(op),
  );
  pool(
    "proposer_slashings",
    types.ProposerSlashing,
    () => backend.proposerSlashings(),
    (op) => backend.publishProposerSlashing(op),
  );
  pool(
    "attester_slashings",
    types.AttesterSlashing,
    () => backend.attesterSlashings(),
    (op) => backend.publishAttesterSlashing(op),
  );
}
