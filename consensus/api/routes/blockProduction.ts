// GET /eth/v{1,2,3}/validator/blocks/{slot} (beacon-APIs produceBlock, produceBlockV2, produceBlockV3): one phase0
// block on the head from the same code, JSON or SSZ (v2, v3), with the fork in Eth-Consensus-Version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { BLSSignature } from "../../../sdk/ssz/index.js";
import { badRequest } from "../errors.js";
import { fromJsonStrict } from "../sszJson.js";
import { uintParam } from "../stateId.js";
import type { ProducedBlock, ValidatorApiBackend } from "../validatorApi.js";
import { CONSENSUS_VERSION, prefersSsz, sendSsz } from "../wire.js";

type ProduceRequest = FastifyRequest<{
  Params: { slot: string };
  Querystring: { randao_reveal?: string; graffiti?: string; skip_randao_verification?: string };
}>;

/** The point at infinity, the only randao_reveal allowed with skip_randao_verification. */
const G2_POINT_AT_INFINITY = `0xc0${"00".repeat(95)}`;
const GWEI_IN_WEI = 1_000_000_000n;

/**
 * graffiti: 0x-prefixed Bytes32 as the spec says. Lodestar 1.5.1 sends it as plain text
 * (`graffiti=Lodestar-v1.5.1/2115aa7`); as Lodestar's own node does, text of at most 32 UTF-8 bytes is taken and
 * zero-padded: harmless for spec clients, whose 0x + 64 hex always takes the first branch.
 */
export function parseGraffiti(text: string | undefined): Uint8Array {
  const out = new Uint8Array(32);
  if (text === undefined || text === "") return out;
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) return new Uint8Array(Buffer.from(text.slice(2), "hex"));
  const utf8 = new TextEncoder().encode(text);
  if (utf8.length > 32) {
    throw badRequest(
      "INVALID_GRAFFITI",
      `Invalid graffiti: expected 0x + 64 hex characters (or text of at most 32 bytes)`,
    );
  }
  out.set(utf8);
  return out;
}

export function registerBlockProductionRoutes(app: FastifyInstance, backend: ValidatorApiBackend): void {
  const types = backend.cfg.types;

  const produce = (req: ProduceRequest, v3: boolean): ProducedBlock => {
    const slot = uintParam("slot", req.params.slot);
    const skipRandao = v3 && req.query.skip_randao_verification !== undefined;
    if (skipRandao && req.query.skip_randao_verification !== "") {
      throw badRequest("INVALID_QUERY", "skip_randao_verification is a flag and takes no value");
    }
    const reveal = req.query.randao_reveal;
    if (reveal === undefined) throw badRequest("INVALID_RANDAO_REVEAL", "Query parameter randao_reveal is required");
    if (skipRandao && reveal.toLowerCase() !== G2_POINT_AT_INFINITY) {
      throw badRequest(
        "INVALID_RANDAO_REVEAL",
        "With skip_randao_verification, randao_reveal must be the point at infinity",
      );
    }
    const randaoReveal = fromJsonStrict(BLSSignature, reveal, "randao_reveal");
    const graffiti = parseGraffiti(req.query.graffiti);
    const headSlot = backend.headSlot();
    const currentSlot = backend.currentSlot();
    if (slot <= headSlot)
      throw badRequest("SLOT_NOT_AFTER_HEAD", `Slot ${slot} is not after the head block's slot ${headSlot}`);
    if (slot > currentSlot + 1)
      throw badRequest("SLOT_TOO_FAR", `Slot ${slot} is in the future (current slot ${currentSlot})`);
    try {
      return backend.produceBlock(slot, randaoReveal, graffiti, !skipRandao);
    } catch (e) {
      throw badRequest("BLOCK_PRODUCTION_FAILED", (e as Error).message);
    }
  };

  const sszOr = (req: ProduceRequest, reply: FastifyReply, produced: ProducedBlock, json: () => unknown) =>
    prefersSsz(req)
      ? sendSsz(reply, types.BeaconBlock.serialize(produced.block))
      : reply.header("eth-consensus-version", CONSENSUS_VERSION).send(json());

  // v1 (removed from the spec in v2.4.0; Lodestar 1.5.1 uses it for phase0). `block_value` is not in v1/v2 of the
  // spec: Lodestar 1.5-1.6 throw "Cannot convert undefined to a BigInt" without it; an extra field others ignore.
  app.get("/eth/v1/validator/blocks/:slot", async (req: ProduceRequest) => {
    const produced = produce(req, false);
    return { data: types.BeaconBlock.toJson(produced.block), block_value: "0" };
  });

  app.get("/eth/v2/validator/blocks/:slot", async (req: ProduceRequest, reply) => {
    const produced = produce(req, false);
    return sszOr(req, reply, produced, () => ({
      version: CONSENSUS_VERSION,
      data: types.BeaconBlock.toJson(produced.block),
      block_value: "0",
    }));
  });

  // v3: no execution payload in phase0 (never blinded, payload value 0); consensus_block_value in Wei
  app.get("/eth/v3/validator/blocks/:slot", async (req: ProduceRequest, reply) => {
    const produced = produce(req, true);
    const consensusValue = (BigInt(produced.consensusBlockValueGwei) * GWEI_IN_WEI).toString(10);
    reply
      .header("eth-execution-payload-blinded", "false")
      .header("eth-execution-payload-value", "0")
      .header("eth-consensus-block-value", consensusValue);
    return sszOr(req, reply, produced, () => ({
      version: CONSENSUS_VERSION,
      execution_payload_blinded: false,
      execution_payload_value: "0",
      consensus_block_value: consensusValue,
      data: types.BeaconBlock.toJson(produced.block),
    }));
  });
}
