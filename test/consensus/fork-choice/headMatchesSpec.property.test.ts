// Property: on random block trees (random realized and unrealized checkpoints), random latest messages, random
// attester slashings, random proposer boosts and random clocks, the proto-array and the literal spec get_head
// (v1.4.0) accept and reject the same calls and always pick the same head.
import fc from "fast-check";
import type { BlockSummary, Checkpoint } from "../../../consensus/fork-choice/types.js";
import { DualForkChoice, INCREMENT, testConfig } from "./dualForkChoice.js";
import * as spec from "./oracle/specForkChoice.js";

const cfg = testConfig;
const GENESIS_TIME = 1_000;
const MAX_VALIDATORS = 24;

const validatorArb = fc.record({
  effectiveBalance: fc.integer({ min: 0, max: 32 }).map((b) => BigInt(b) * BigInt(INCREMENT)),
  activationEpoch: fc.integer({ min: 0, max: 3 }),
  exitEpoch: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 1, max: 8 })),
  slashed: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
});
const registryArb = fc.array(validatorArb, { minLength: 1, maxLength: MAX_VALIDATORS });

const indicesArb = fc.uniqueArray(fc.integer({ min: 0, max: MAX_VALIDATORS + 2 }), { maxLength: 10 });

const opArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("block" as const),
      parentPick: fc.nat(),
      slotAdvance: fc.integer({ min: 0, max: 3 }),
      tickFirst: fc.integer({ min: 0, max: 3 }).map((x) => x > 0),
      secondsIntoSlot: fc.integer({ min: 0, max: 5 }),
      justifiedStep: fc.integer({ min: -1, max: 2 }),
      finalizedLag: fc.integer({ min: 0, max: 2 }),
      unrealizedJustifiedStep: fc.integer({ min: 0, max: 2 }),
      unrealizedFinalizedStep: fc.integer({ min: 0, max: 2 }),
      rootByte: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("tick" as const), seconds: fc.integer({ min: 0, max: 30 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("attest" as const),
      indices: indicesArb,
      blockPick: fc.nat(),
      slotDelay: fc.integer({ min: 0, max: 6 }),
      corruptTarget: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
      isFromBlock: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("slash" as const), a: indicesArb, b: indicesArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("head" as const) }) },
);

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function epochOf(slot: number): number {
  return Math.floor(slot / cfg.SLOTS_PER_EPOCH);
}

/** The checkpoint of `epoch` on the chain ending in the block (root, slot, parent). */
function checkpointOn(
  store: spec.OracleStore,
  block: { root: string; slot: number; parentRoot: string },
  epoch: number,
): Checkpoint {
  const startSlot = epoch * cfg.SLOTS_PER_EPOCH;
  const root = block.slot <= startSlot ? block.root : spec.getAncestor(store, block.parentRoot, startSlot);
  return { epoch, root };
}

function run(registries: spec.OracleValidator[][], ops: Op[], pruneAtFinality: boolean): void {
  const checkpointStates = (checkpoint: Checkpoint): spec.OracleCheckpointState => {
    const pick = (checkpoint.epoch + Number.parseInt(checkpoint.root.slice(-4), 16)) % registries.length;
    return { currentEpoch: checkpoint.epoch, validators: registries[pick] };
  };
  const anchorRoot = `0x${"ab".repeat(32)}`;
  const fc2 = new DualForkChoice(cfg, { root: anchorRoot, slot: 0, epoch: 0 }, GENESIS_TIME, checkpointStates, {
    pruneAtFinality,
  });
  const store = fc2.oracle;
  let nextRoot = 1;
  for (const op of ops) {
    // a pruning store follows the spec only while finality never conflicts (see ForkChoice)
    if (pruneAtFinality && fc2.finalityConflicted()) return;
    const known = [...store.blocks.keys()];
    switch (op.kind) {
      case "tick":
        fc2.tick(store.time + op.seconds);
        break;
      case "head":
        fc2.head();
        break;
      case "slash":
        fc2.slash(op.a, op.b);
        break;
      case "block": {
        const parentRoot = known[op.parentPick % known.length];
        const parent = store.blocks.get(parentRoot)!;
        const parentState = store.blockStates.get(parentRoot)!;
        const slot = parent.slot + 1 + op.slotAdvance;
        if (op.tickFirst && slot > spec.getCurrentSlot(store)) {
          fc2.tickToSlot(slot, op.secondsIntoSlot);
        }
        // distinct roots whose order is unrelated to insertion order
        const rootHex = `0x${((op.rootByte % 256) * 65536 + nextRoot++).toString(16).padStart(64, "0")}`;
        const block = { root: rootHex, slot, parentRoot };
        const blockEpoch = epochOf(slot);
        const maxRealized = Math.max(0, blockEpoch - 1);
        const justifiedEpoch = Math.min(
          maxRealized,
          Math.max(0, parentState.currentJustifiedCheckpoint.epoch + op.justifiedStep),
        );
        const finalizedEpoch = Math.max(
          0,
          Math.min(justifiedEpoch, parentState.finalizedCheckpoint.epoch + 1) - op.finalizedLag,
        );
        const unrealizedJustifiedEpoch = Math.min(blockEpoch, justifiedEpoch + op.unrealizedJustifiedStep);
        const unrealizedFinalizedEpoch = Math.min(
          unrealizedJustifiedEpoch,
          finalizedEpoch + op.unrealizedFinalizedStep,
        );
        const summary: BlockSummary = {
          ...block,
          justifiedCheckpoint: checkpointOn(store, block, justifiedEpoch),
          finalizedCheckpoint: checkpointOn(store, block, finalizedEpoch),
          unrealizedJustifiedCheckpoint: checkpointOn(store, block, unrealizedJustifiedEpoch),
          unrealizedFinalizedCheckpoint: checkpointOn(store, block, unrealizedFinalizedEpoch),
        };
        fc2.block(summary);
        break;
      }
      case "attest": {
        const blockRoot = known[op.blockPick % known.length];
        const block = store.blocks.get(blockRoot)!;
        const slot = block.slot + op.slotDelay;
        const epoch = epochOf(slot);
        const target = op.corruptTarget
          ? { epoch, root: known[(op.blockPick + 1) % known.length] }
          : checkpointOn(store, { root: blockRoot, ...block }, epoch);
        fc2.attest(op.indices, { slot, beaconBlockRoot: blockRoot, target }, op.isFromBlock);
        break;
      }
    }
  }
  if (pruneAtFinality && fc2.finalityConflicted()) return;
  fc2.head();
}

describe("fork choice: proto-array vs the spec's get_head (v1.4.0)", () => {
  const registriesArb = fc.array(registryArb, { minLength: 1, maxLength: 3 });
  const opsArb = fc.array(opArb, { minLength: 30, maxLength: 150, size: "max" });
  const numRuns = Number(process.env.FC_RUNS ?? 1500);

  it("pick the same head on random trees, votes, slashings, boosts and clocks (every block kept)", () => {
    fc.assert(
      fc.property(registriesArb, opsArb, (registries, ops) => run(registries, ops, false)),
      { numRuns },
    );
  });

  it("pick the same head with pruning at finality, as long as finality does not conflict", () => {
    fc.assert(
      fc.property(registriesArb, opsArb, (registries, ops) => run(registries, ops, true)),
      { numRuns },
    );
  });
});
