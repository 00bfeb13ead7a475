// The operation pools block production draws from: voluntary exits, proposer slashings and attester slashings.
// An operation is admitted only if the state transition's own check passes on a copy of the given state
// (process_voluntary_exit, process_proposer_slashing, process_attester_slashing: phase0 beacon-chain.md "Operations",
// as the phase0 p2p-interface.md gossip rules ask), is offered to blocks in process_operations order up to the MAX_*
// limits, and is dropped once a block includes it or it no longer applies to the state a block is built on.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { processAttesterSlashing } from "../../state-transition/block/processAttesterSlashing.js";
import { processProposerSlashing } from "../../state-transition/block/processProposerSlashing.js";
import { processVoluntaryExit } from "../../state-transition/block/processVoluntaryExit.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import type {
  AttesterSlashing,
  BeaconBlockBody,
  BeaconState,
  ProposerSlashing,
  SignedVoluntaryExit,
} from "../../types/index.js";
import { toRootHex } from "./rootHex.js";

export interface BlockOperations {
  proposerSlashings: ProposerSlashing[];
  attesterSlashings: AttesterSlashing[];
  voluntaryExits: SignedVoluntaryExit[];
}

export class OpPool {
  /** by validator index: one exit per validator is enough */
  private readonly exits = new Map<number, SignedVoluntaryExit>();
  /** by proposer index */
  private readonly proposerSlashings = new Map<number, ProposerSlashing>();
  /** by hash_tree_root */
  private readonly attesterSlashings = new Map<string, AttesterSlashing>();

  constructor(private readonly cfg: BeaconConfig) {}

  /** Throws the state transition's BlockProcessingError when `exit` would not pass process_voluntary_exit on `state`. */
  addVoluntaryExit(state: BeaconState, exit: SignedVoluntaryExit, verifySignatures: boolean): void {
    processVoluntaryExit(this.cfg, cloneBeaconState(this.cfg, state), exit, verifySignatures);
    this.exits.set(exit.message.validatorIndex, exit);
  }

  addProposerSlashing(state: BeaconState, slashing: ProposerSlashing, verifySignatures: boolean): void {
    processProposerSlashing(this.cfg, cloneBeaconState(this.cfg, state), slashing, verifySignatures);
    this.proposerSlashings.set(slashing.signedHeader1.message.proposerIndex, slashing);
  }

  addAttesterSlashing(state: BeaconState, slashing: AttesterSlashing, verifySignatures: boolean): void {
    processAttesterSlashing(this.cfg, cloneBeaconState(this.cfg, state), slashing, verifySignatures);
    this.attesterSlashings.set(toRootHex(this.cfg.types.AttesterSlashing.hashTreeRoot(slashing)), slashing);
  }

  voluntaryExits(): SignedVoluntaryExit[] {
    return [...this.exits.values()];
  }

  proposerSlashingList(): ProposerSlashing[] {
    return [...this.proposerSlashings.values()];
  }

  attesterSlashingList(): AttesterSlashing[] {
    return [...this.attesterSlashings.values()];
  }

  /**
   * The operations a block on `state` (the parent state advanced to the block's slot) can carry: applied one after
   * another in process_operations order on a copy of the state (signatures were checked on admission), at most
   * MAX_PROPOSER_SLASHINGS, MAX_ATTESTER_SLASHINGS and MAX_VOLUNTARY_EXITS; those that fail are pruned.
   */
  getForBlock(state: BeaconState): BlockOperations {
    const out: BlockOperations = { proposerSlashings: [], attesterSlashings: [], voluntaryExits: [] };
    if (this.exits.size + this.proposerSlashings.size + this.attesterSlashings.size === 0) return out;
    const cfg = this.cfg;
    const work = cloneBeaconState(cfg, state); // O(1) copy-on-write
    for (const [index, s] of this.proposerSlashings) {
      if (out.proposerSlashings.length >= cfg.MAX_PROPOSER_SLASHINGS) break;
      if (applies(() => processProposerSlashing(cfg, work, s, false))) out.proposerSlashings.push(s);
      else this.proposerSlashings.delete(index);
    }
    for (const [root, s] of this.attesterSlashings) {
      if (out.attesterSlashings.length >= cfg.MAX_ATTESTER_SLASHINGS) break;
      if (applies(() => processAttesterSlashing(cfg, work, s, false))) out.attesterSlashings.push(s);
      else this.attesterSlashings.delete(root);
    }
    for (const [index, e] of this.exits) {
      if (out.voluntaryExits.length >= cfg.MAX_VOLUNTARY_EXITS) break;
      if (applies(() => processVoluntaryExit(cfg, work, e, false))) out.voluntaryExits.push(e);
      else if (!(e.message.epoch > Math.floor(state.slot / cfg.SLOTS_PER_EPOCH))) this.exits.delete(index);
    }
    return out;
  }

  /** Drops what an imported block included. */
  onBlock(body: BeaconBlockBody): void {
    for (const e of body.voluntaryExits) this.exits.delete(e.message.validatorIndex);
    for (const s of body.proposerSlashings) this.proposerSlashings.delete(s.signedHeader1.message.proposerIndex);
    for (const s of body.attesterSlashings) {
      this.attesterSlashings.delete(toRootHex(this.cfg.types.AttesterSlashing.hashTreeRoot(s)));
    }
  }
}

function applies(apply: () => void): boolean {
  try {
    apply();
    return true;
  } catch {
    return false;
  }
}
