// Wire formats of the beacon-APIs: JSON by default, SSZ (application/octet-stream) where the spec has it, chosen by
// the Accept header's q-values; the fork name in `Eth-Consensus-Version`. This node serves phase0 only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { badRequest } from "./errors.js";

export const SSZ_MEDIA_TYPE = "application/octet-stream";
export const CONSENSUS_VERSION = "phase0";

/** True when the client prefers SSZ: octet-stream has a higher q than JSON (or is the only one acceptable). */
export function prefersSsz(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  if (!accept) return false;
  let ssz = -1;
  let json = -1;
  for (const part of accept.split(",")) {
    const [mediaRaw, ...params] = part.trim().split(";");
    const media = mediaRaw!.trim().toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isNaN(q)) continue;
    if (media === SSZ_MEDIA_TYPE) ssz = Math.max(ssz, q);
    else if (media === "application/json" || media === "*/*" || media === "application/*") json = Math.max(json, q);
  }
  return ssz > 0 && ssz > json;
}

/** True when the request body was sent as SSZ. */
export function isSszBody(req: FastifyRequest): boolean {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase() === SSZ_MEDIA_TYPE;
}

/** Lets the routes of `app` (an encapsulated scope) take SSZ bodies as Buffers. */
export function registerSszBodyParser(app: FastifyInstance): void {
  if (app.hasContentTypeParser(SSZ_MEDIA_TYPE)) return;
  app.addContentTypeParser(SSZ_MEDIA_TYPE, { parseAs: "buffer" }, (_req, body, done) => done(null, body));
}

/** Sends SSZ bytes with the fork header. */
export function sendSsz(reply: FastifyReply, bytes: Uint8Array): FastifyReply {
  return reply
    .header("content-type", SSZ_MEDIA_TYPE)
    .header("eth-consensus-version", CONSENSUS_VERSION)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** `Eth-Consensus-Version` of a request that must carry one: present and naming the fork this node serves. */
export function requireConsensusVersion(req: FastifyRequest): void {
  const version = req.headers["eth-consensus-version"];
  if (version === undefined) {
    throw badRequest("MISSING_CONSENSUS_VERSION", "Header Eth-Consensus-Version is required (expected phase0)");
  }
  if (String(version).toLowerCase() !== CONSENSUS_VERSION) {
    throw badRequest(
      "INVALID_CONSENSUS_VERSION",
      `Eth-Consensus-Version ${JSON.stringify(version)} is not served: this chain is at fork phase0`,
    );
  }
}
