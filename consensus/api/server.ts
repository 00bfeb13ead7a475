// The node's Beacon API server (Fastify): routes over a ChainView, beacon-APIs JSON and error conventions.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import type { Registry } from "prom-client";
import type { ChainView } from "./chainView.js";
import { registerCors } from "./cors.js";
import { ApiError } from "./errors.js";
import type { DebugStateView, NetworkView } from "./networkView.js";
import { registerActivationQueueRoutes } from "./routes/activationQueue.js";
import { registerAttestationRoutes } from "./routes/attestations.js";
import { registerBlockProductionRoutes } from "./routes/blockProduction.js";
import { registerBlockRoutes } from "./routes/blocks.js";
import { registerCommitteeRoutes } from "./routes/committees.js";
import { registerConfigRoutes } from "./routes/config.js";
import { registerDebugNetworkRoutes, registerDebugStateRoutes } from "./routes/debug.js";
import { registerEventRoutes } from "./routes/events.js";
import { registerForkRoutes } from "./routes/fork.js";
import { registerHeaderRoutes } from "./routes/headers.js";
import { type LivenessView, registerLivenessRoutes } from "./routes/liveness.js";
import { registerNodeRoutes } from "./routes/node.js";
import { registerOperationPoolRoutes } from "./routes/operationPools.js";
import { registerPeerRoutes } from "./routes/peers.js";
import { registerStateRoutes } from "./routes/states.js";
import { registerValidatorDutyRoutes } from "./routes/validatorDuties.js";
import type { ValidatorApiBackend } from "./validatorApi.js";

export interface BeaconApiOptions {
  /** pino logger options or false (default: false) */
  logger?: FastifyServerOptions["logger"];
  /** when given, `/metrics` serves this registry too */
  metrics?: Registry;
  /** origins allowed to call the API from a browser (CORS), `*` for any; default none */
  cors?: readonly string[];
  /** when given, the validator endpoints (duties, block production, pools) are served from it */
  validatorApi?: ValidatorApiBackend;
  /** serves POST /eth/v1/validator/liveness/{epoch} (doppelganger protection of validator clients) */
  liveness?: LivenessView;
  /** the node's network: /eth/v1/node/{identity,peers,peer_count} */
  network?: NetworkView;
  /** full states: /eth/v2/debug/beacon/states/{state_id} */
  debugStates?: DebugStateView;
  /** --debug-api: /btc20/v1/debug/* */
  debugApi?: boolean;
}

export function createBeaconApi(view: ChainView, opts: BeaconApiOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: opts.logger ?? false,
    // router-level errors (a path parameter too long: 414, a malformed URL) in the spec's {code, message} shape too
    frameworkErrors: (err, _req, reply) => {
      const status = err.statusCode ?? 400;
      (reply as unknown as FastifyReply).code(status).send({ code: status, message: err.message });
    },
  });
  registerCors(app, opts.cors ?? []);

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof ApiError) {
      const failures = err.failures ? { failures: err.failures } : {};
      return reply.code(err.statusCode).send({ code: err.statusCode, message: err.message, ...failures });
    }
    const status = (err as { statusCode?: number }).statusCode;
    const message = err instanceof Error ? err.message : String(err);
    if (typeof status === "number" && status >= 400 && status < 500) {
      return reply.code(status).send({ code: status, message });
    }
    reply.log.error({ err }, "internal error in beacon API");
    return reply.code(500).send({ code: 500, message: "Internal server error" });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ code: 404, message: `Route ${req.method} ${req.url.split("?")[0]} not found` });
  });

  registerNodeRoutes(app, view);
  registerConfigRoutes(app, view);
  registerStateRoutes(app, view);
  registerHeaderRoutes(app, view);
  registerEventRoutes(app, view);
  registerForkRoutes(app, view);
  registerActivationQueueRoutes(app, view);
  if (opts.validatorApi) registerValidatorApiRoutes(app, opts.validatorApi);
  if (opts.liveness) registerLivenessRoutes(app, opts.liveness);
  if (opts.metrics) registerMetricsRoute(app, opts.metrics);
  if (opts.network) registerPeerRoutes(app, opts.network);
  if (opts.debugStates) registerDebugStateRoutes(app, opts.debugStates);
  if (opts.network && opts.debugApi) registerDebugNetworkRoutes(app, opts.network);
  return app;
}

/** Beacon API validator endpoints and pools (issue 11), one module per group. */
function registerValidatorApiRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  registerValidatorDutyRoutes(app, backend);
  registerAttestationRoutes(app, backend);
  registerBlockProductionRoutes(app, backend);
  registerBlockRoutes(app, backend);
  registerOperationPoolRoutes(app, backend);
  registerCommitteeRoutes(app, backend);
}

export function registerMetricsRoute(app: FastifyInstance, registry: Registry): void {
  app.get("/metrics", async (_req, reply) => {
    reply.header("content-type", registry.contentType);
    return registry.metrics();
  });
}

/** A server with only `/metrics`, for `--metrics.port`. */
export function createMetricsServer(registry: Registry): FastifyInstance {
  const app = Fastify({ logger: false });
  registerMetricsRoute(app, registry);
  return app;
}
