// Test harness: drives the fork-choice core (proto-array) and the spec oracle with the same calls and checks that
// both accept or both reject each call, and that both pick the same head.
import { expect } from "chai";
import { ForkChoiceError } from "../../../consensus/fork-choice/errors.js";
import { type AttestationVote, ForkChoice, type ForkChoiceOptions } from "../../../consensus/fork-choice/forkChoice.js";
import type { BlockSummary, Checkpoint, JustifiedBalances } from "../../../consensus/fork-choice/types.js";
import * as spec from "./oracle/specForkChoice.js";

export const INCREMENT = 1_000_000_000;

export const testConfig: spec.OracleConfig = {
  SLOTS_PER_EPOCH: 4,
  SECONDS_PER_SLOT: 6,
  EFFECTIVE_BALANCE_INCREMENT: INCREMENT,
  PROPOSER_SCORE_BOOST: 40,
};

/** The justified balances get_weight reads, from a checkpoint state of the oracle's reduced form. */
export function justifiedBalancesOf(cfg: spec.OracleConfig, state: spec.OracleCheckpointState): JustifiedBalances {
  const increments = new Uint32Array(state.validators.length);
  let total = 0n;
  state.validators.forEach((v, i) => {
    const active = v.activationEpoch <= state.currentEpoch && state.currentEpoch < v.exitEpoch;
    if (!active) return;
    total += v.effectiveBalance;
    if (!v.slashed) increments[i] = Number(v.effectiveBalance / BigInt(cfg.EFFECTIVE_BALANCE_INCREMENT));
  });
  const increment = BigInt(cfg.EFFECTIVE_BALANCE_INCREMENT);
  return { effectiveBalanceIncrements: increments, totalActiveBalance: total > increment ? total : increment };
}

/** Validators all active from genesis, unslashed, with the given balances in whole increments. */
export function simpleRegistry(balancesInIncrements: number[]): spec.OracleValidator[] {
  return balancesInIncrements.map((b) => ({
    effectiveBalance: BigInt(b) * BigInt(INCREMENT),
    activationEpoch: 0,
    exitEpoch: Number.POSITIVE_INFINITY,
    slashed: false,
  }));
}

export function root(n: number): string {
  return `0x${n.toString(16).padStart(64, "0")}`;
}

export type Outcome = { ok: true } | { ok: false; code: string };

export class DualForkChoice {
  readonly core: ForkChoice;
  readonly oracle: spec.OracleStore;

  constructor(
    readonly cfg: spec.OracleConfig,
    anchor: { root: string; slot: number; epoch: number },
    genesisTime: number,
    checkpointStates: (checkpoint: Checkpoint) => spec.OracleCheckpointState,
    options: ForkChoiceOptions = {},
  ) {
    const anchorCheckpoint = { epoch: anchor.epoch, root: anchor.root };
    const parentRoot = spec.ZERO_ROOT;
    this.oracle = spec.getForkchoiceStore(
      cfg,
      {
        root: anchor.root,
        slot: anchor.slot,
        parentRoot,
        state: { currentJustifiedCheckpoint: anchorCheckpoint, finalizedCheckpoint: anchorCheckpoint },
        epoch: anchor.epoch,
      },
      genesisTime,
      checkpointStates,
    );
    this.core = new ForkChoice(
      cfg,
      {
        block: {
          root: anchor.root,
          parentRoot,
          slot: anchor.slot,
          justifiedCheckpoint: anchorCheckpoint,
          finalizedCheckpoint: anchorCheckpoint,
          unrealizedJustifiedCheckpoint: anchorCheckpoint,
          unrealizedFinalizedCheckpoint: anchorCheckpoint,
        },
        epoch: anchor.epoch,
        genesisTime,
        time: genesisTime + cfg.SECONDS_PER_SLOT * anchor.slot,
      },
      (checkpoint) => justifiedBalancesOf(cfg, checkpointStates(checkpoint)),
      options,
    );
  }

  private both(coreCall: () => void, oracleCall: () => void, what: string): Outcome {
    let coreError: unknown;
    let oracleError: unknown;
    try {
      coreCall();
    } catch (e) {
      coreError = e;
    }
    try {
      oracleCall();
    } catch (e) {
      oracleError = e;
    }
    if (coreError !== undefined && !(coreError instanceof ForkChoiceError)) throw coreError;
    expect(coreError === undefined, `${what}: core ${String(coreError)} / oracle ${String(oracleError)}`).to.equal(
      oracleError === undefined,
    );
    return coreError === undefined ? { ok: true } : { ok: false, code: (coreError as ForkChoiceError).code };
  }

  tick(time: number): Outcome {
    return this.both(
      () => this.core.onTick(time),
      () => spec.onTick(this.oracle, time),
      `tick ${time}`,
    );
  }

  tickToSlot(slot: number, secondsIntoSlot = 0): Outcome {
    return this.tick(this.oracle.genesisTime + slot * this.cfg.SECONDS_PER_SLOT + secondsIntoSlot);
  }

  block(summary: BlockSummary): Outcome {
    const outcome = this.both(
      () => this.core.onBlock(summary),
      () =>
        spec.onBlock(
          this.oracle,
          summary,
          { currentJustifiedCheckpoint: summary.justifiedCheckpoint, finalizedCheckpoint: summary.finalizedCheckpoint },
          {
            currentJustifiedCheckpoint: summary.unrealizedJustifiedCheckpoint,
            finalizedCheckpoint: summary.unrealizedFinalizedCheckpoint,
          },
        ),
      `block ${summary.root}`,
    );
    if (outcome.ok) {
      expect(this.core.isBlockTimely(summary.root), "block timeliness").to.equal(
        this.oracle.blockTimeliness.get(summary.root),
      );
    }
    return outcome;
  }

  attest(indices: number[], vote: AttestationVote, isFromBlock = false): Outcome {
    return this.both(
      () => {
        this.core.validateOnAttestation(vote, isFromBlock);
        this.core.updateLatestMessages(indices, vote.beaconBlockRoot, vote.target.epoch);
      },
      () => {
        spec.validateOnAttestation(this.oracle, vote, isFromBlock);
        spec.updateLatestMessages(this.oracle, indices, vote);
      },
      `attestation ${JSON.stringify(vote)}`,
    );
  }

  slash(indices1: number[], indices2: number[]): void {
    const second = new Set(indices2);
    this.core.addEquivocatingIndices(indices1.filter((i) => second.has(i)));
    spec.onAttesterSlashingIndices(this.oracle, indices1, indices2);
  }

  /**
   * Whether finality ever conflicted: a finalized or justified checkpoint off the branch of an earlier finalized
   * block (needs a third of the stake slashable). A pruning store no longer follows the spec from there on.
   */
  finalityConflicted(): boolean {
    const { oracle } = this;
    const finalized = oracle.finalizedCheckpoint;
    if (this.lastFinalized !== undefined && finalized.root !== this.lastFinalized.root) {
      const previousSlot = oracle.blocks.get(this.lastFinalized.root)!.slot;
      if (spec.getAncestor(oracle, finalized.root, previousSlot) !== this.lastFinalized.root) this.conflict = true;
    }
    const finalizedSlot = oracle.blocks.get(finalized.root)!.slot;
    if (spec.getAncestor(oracle, oracle.justifiedCheckpoint.root, finalizedSlot) !== finalized.root)
      this.conflict = true;
    this.lastFinalized = finalized;
    return this.conflict;
  }
  private lastFinalized: Checkpoint | undefined;
  private conflict = false;

  /** Both heads, checked equal; returns the head. */
  head(): string {
    const coreHead = this.core.getHead();
    const oracleHead = spec.getHead(this.oracle);
    expect(coreHead, "proto-array head vs spec get_head").to.equal(oracleHead);
    expect(this.core.justifiedCheckpoint, "justified checkpoint").to.deep.equal(this.oracle.justifiedCheckpoint);
    expect(this.core.finalizedCheckpoint, "finalized checkpoint").to.deep.equal(this.oracle.finalizedCheckpoint);
    expect(this.core.proposerBoostRoot ?? spec.ZERO_ROOT, "proposer boost root").to.equal(
      this.oracle.proposerBoostRoot,
    );
    return coreHead;
  }
}
