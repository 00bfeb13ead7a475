// /eth/v1/events: server-sent events for the topics head, block, finalized_checkpoint and attestation (beacon-APIs
// "Events").
import type { FastifyInstance } from "fastify";
import type { ChainEvent, ChainView } from "../chainView.js";
import { badRequest } from "../errors.js";
import { toHex, toUint } from "../json.js";
import { queryList } from "../stateId.js";

export const EVENT_TOPICS = ["head", "block", "finalized_checkpoint", "attestation"] as const;
type Topic = (typeof EVENT_TOPICS)[number];

export function eventJson(e: ChainEvent): unknown {
  switch (e.topic) {
    case "head":
      return {
        slot: toUint(e.slot),
        block: toHex(e.block),
        state: toHex(e.state),
        epoch_transition: e.epochTransition,
        previous_duty_dependent_root: toHex(e.previousDutyDependentRoot),
        current_duty_dependent_root: toHex(e.currentDutyDependentRoot),
        execution_optimistic: false,
      };
    case "block":
      return { slot: toUint(e.slot), block: toHex(e.block), execution_optimistic: false };
    case "finalized_checkpoint":
      return { block: toHex(e.block), state: toHex(e.state), epoch: toUint(e.epoch), execution_optimistic: false };
    case "attestation":
      return e.json();
  }
}

export function registerEventRoutes(app: FastifyInstance, view: ChainView): void {
  // open streams end when the server closes (otherwise close() would wait for every subscriber to leave)
  const open = new Set<{ end(): void }>();
  app.addHook("preClose", async () => {
    for (const res of open) res.end();
  });
  app.get<{ Querystring: { topics?: string | string[] } }>("/eth/v1/events", async (req, reply) => {
    const topics = queryList(req.query.topics);
    if (topics.length === 0) throw badRequest("MISSING_TOPICS", "Query parameter `topics` is required");
    for (const t of topics) {
      if (!(EVENT_TOPICS as readonly string[]).includes(t)) {
        throw badRequest(
          "INVALID_TOPIC",
          `Invalid event topic: ${JSON.stringify(t)}; expected one of ${EVENT_TOPICS.join(", ")}`,
        );
      }
    }
    const wanted = new Set(topics as Topic[]);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    res.write(": connected\n\n");
    const unsubscribe = view.onEvent((e) => {
      if (wanted.has(e.topic)) res.write(`event: ${e.topic}\ndata: ${JSON.stringify(eventJson(e))}\n\n`);
    });
    open.add(res);
    req.raw.on("close", () => {
      unsubscribe();
      open.delete(res);
    });
  });
}
