// Cross-origin access to the Beacon API for browser apps (the staking dApp), off unless origins are configured
// (`btc20-node --rest.cors <origins>`). Answers CORS preflights and adds Access-Control-Allow-Origin for allowed
// origins only; other origins get no CORS headers, so browsers keep them out. Headers are set on the raw response
// too, so hijacked replies (the SSE stream of /eth/v1/events) carry them.
import type { FastifyInstance } from "fastify";
import { CodedError } from "../../sdk/errors/codedError.js";

export class CorsConfigError extends CodedError<"BAD_CORS_ORIGIN"> {
  override readonly name = "CorsConfigError";
  constructor(message: string) {
    super("BAD_CORS_ORIGIN", message);
  }
}

/** Parses `--rest.cors`: comma-separated origins (scheme://host[:port]) or `*`. */
export function parseCorsOrigins(value: string): string[] {
  const origins = value
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter((o) => o.length > 0);
  for (const origin of origins) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new CorsConfigError(
        `--rest.cors: ${JSON.stringify(origin)} is not an origin; expected scheme://host[:port] or *`,
      );
    }
  }
  return origins;
}

export function registerCors(app: FastifyInstance, allowed: readonly string[]): void {
  if (allowed.length === 0) return;
  const any = allowed.includes("*");
  app.addHook("onRequest", async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin || !(any || allowed.includes(origin))) return;
    reply.raw.setHeader("access-control-allow-origin", any ? "*" : origin);
    if (!any) reply.raw.setHeader("vary", "Origin");
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      reply.raw.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      reply.raw.setHeader("access-control-allow-headers", "content-type, accept, eth-consensus-version");
      reply.raw.setHeader("access-control-max-age", "600");
      return reply.code(204).send();
    }
  });
}
