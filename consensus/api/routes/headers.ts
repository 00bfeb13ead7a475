// /eth/v1/beacon/headers/head and /eth/v1/beacon/deposit_snapshot.
import type { FastifyInstance } from "fastify";
import type { ChainView } from "../chainView.js";
import { notFound } from "../errors.js";
import { toHex, toUint } from "../json.js";

export function registerHeaderRoutes(app: FastifyInstance, view: ChainView): void {
  app.get("/eth/v1/beacon/headers/head", async () => {
    const head = view.headHeader();
    if (!head) throw notFound("NO_HEAD", "No head block yet");
    const m = head.header.message;
    return {
      execution_optimistic: false,
      finalized: false,
      data: {
        root: toHex(head.root),
        canonical: head.canonical,
        header: {
          message: {
            slot: toUint(m.slot),
            proposer_index: toUint(m.proposerIndex),
            parent_root: toHex(m.parentRoot),
            state_root: toHex(m.stateRoot),
            body_root: toHex(m.bodyRoot),
          },
          signature: toHex(head.header.signature),
        },
      },
    };
  });

  // EIP-4881 snapshot of the finalized part of the deposit tree.
  app.get("/eth/v1/beacon/deposit_snapshot", async () => {
    const snap = view.depositSnapshot();
    if (!snap) throw notFound("NO_DEPOSIT_SNAPSHOT", "No finalized deposit tree snapshot available");
    return {
      data: {
        finalized: snap.finalized.map(toHex),
        deposit_root: toHex(snap.depositRoot),
        deposit_count: toUint(snap.depositCount),
        execution_block_hash: toHex(snap.executionBlockHash),
        execution_block_height: toUint(snap.executionBlockHeight),
      },
    };
  });
}
