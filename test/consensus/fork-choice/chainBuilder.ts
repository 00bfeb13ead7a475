// Scenario helper: a DualForkChoice (proto-array + spec oracle) with readable block construction. Every block
// inherits its parent's checkpoints unless the scenario sets them.
import type { BlockSummary, Checkpoint } from "../../../consensus/fork-choice/types.js";
import { DualForkChoice, type Outcome, root, simpleRegistry, testConfig } from "./dualForkChoice.js";
import type { OracleValidator } from "./oracle/specForkChoice.js";

export const GENESIS_TIME = 1_000;
export const GENESIS = root(0xa0);

export interface BlockOptions {
  justified?: Checkpoint;
  finalized?: Checkpoint;
  unrealizedJustified?: Checkpoint;
  unrealizedFinalized?: Checkpoint;
}

export class ChainBuilder {
  readonly fc: DualForkChoice;
  readonly summaries = new Map<string, BlockSummary>();

  /** `validators`: effective balances in increments, all active from genesis (16 x 1 by default). */
  constructor(validators: OracleValidator[] = simpleRegistry(new Array(16).fill(1)), pruneAtFinality = true) {
    this.fc = new DualForkChoice(
      testConfig,
      { root: GENESIS, slot: 0, epoch: 0 },
      GENESIS_TIME,
      (checkpoint) => ({ currentEpoch: checkpoint.epoch, validators }),
      { pruneAtFinality },
    );
    const genesisCheckpoint = { epoch: 0, root: GENESIS };
    this.summaries.set(GENESIS, {
      root: GENESIS,
      parentRoot: `0x${"00".repeat(32)}`,
      slot: 0,
      justifiedCheckpoint: genesisCheckpoint,
      finalizedCheckpoint: genesisCheckpoint,
      unrealizedJustifiedCheckpoint: genesisCheckpoint,
      unrealizedFinalizedCheckpoint: genesisCheckpoint,
    });
  }

  get core() {
    return this.fc.core;
  }

  summary(blockRoot: string, parentRoot: string, slot: number, options: BlockOptions = {}): BlockSummary {
    const parent = this.summaries.get(parentRoot);
    const justified = options.justified ?? parent?.justifiedCheckpoint ?? { epoch: 0, root: GENESIS };
    const finalized = options.finalized ?? parent?.finalizedCheckpoint ?? { epoch: 0, root: GENESIS };
    return {
      root: blockRoot,
      parentRoot,
      slot,
      justifiedCheckpoint: justified,
      finalizedCheckpoint: finalized,
      unrealizedJustifiedCheckpoint: options.unrealizedJustified ?? justified,
      unrealizedFinalizedCheckpoint: options.unrealizedFinalized ?? finalized,
    };
  }

  /** Adds a block (the clock must already be at or past its slot); returns the outcome of both implementations. */
  add(blockRoot: string, parentRoot: string, slot: number, options: BlockOptions = {}): Outcome {
    const summary = this.summary(blockRoot, parentRoot, slot, options);
    const outcome = this.fc.block(summary);
    if (outcome.ok) this.summaries.set(blockRoot, summary);
    return outcome;
  }

  /** Ticks to the start of `slot` (plus some seconds), then adds the block. */
  addAt(blockRoot: string, parentRoot: string, slot: number, options: BlockOptions = {}, secondsIntoSlot = 0): Outcome {
    this.fc.tickToSlot(slot, secondsIntoSlot);
    return this.add(blockRoot, parentRoot, slot, options);
  }

  /** A linear chain of blocks at consecutive slots; returns the roots. */
  chain(parentRoot: string, fromSlot: number, count: number, rootBase: number): string[] {
    const roots: string[] = [];
    let parent = parentRoot;
    for (let i = 0; i < count; i++) {
      const blockRoot = root(rootBase + i);
      const outcome = this.addAt(blockRoot, parent, fromSlot + i);
      if (!outcome.ok) throw new Error(`chain block ${i} rejected: ${outcome.code}`);
      roots.push(blockRoot);
      parent = blockRoot;
    }
    return roots;
  }

  /** Votes of `indices` for `blockRoot`, attested at `slot` (default: the block's slot), from the wire. */
  vote(indices: number[], blockRoot: string, slot?: number): Outcome {
    const block = this.summaries.get(blockRoot)!;
    const attSlot = slot ?? block.slot;
    const epoch = Math.floor(attSlot / testConfig.SLOTS_PER_EPOCH);
    const startSlot = epoch * testConfig.SLOTS_PER_EPOCH;
    const targetRoot = block.slot <= startSlot ? blockRoot : this.fc.core.getAncestor(blockRoot, startSlot)!;
    return this.fc.attest(indices, { slot: attSlot, beaconBlockRoot: blockRoot, target: { epoch, root: targetRoot } });
  }

  head(): string {
    return this.fc.head();
  }
}
