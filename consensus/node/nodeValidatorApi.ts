// The Beacon API's validator endpoints over a running node (ValidatorApiBackend): duty states and dependent roots
// from the chain service, block production on the head, and submissions entering through BeaconNode's publish*
// methods, which import locally and gossip only what the node accepts.
import { UintNum64 } from "../../sdk/ssz/index.js";
import type { StateSelector } from "../api/chainView.js";
import type {
  BeaconCommitteeSubscription,
  BroadcastValidation,
  ProducedBlock,
  PublishBlockOutcome,
  ValidatorApiBackend,
} from "../api/validatorApi.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getBeaconProposerIndex } from "../state-transition/accessors/getBeaconProposerIndex.js";
import { getDomain } from "../state-transition/accessors/getDomain.js";
import { bls } from "../state-transition/crypto/bls.js";
import { computeEpochAtSlot } from "../state-transition/misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../state-transition/misc/computeSigningRoot.js";
import { computeStartSlotAtEpoch } from "../state-transition/misc/computeStartSlotAtEpoch.js";
import type {
  Attestation,
  AttesterSlashing,
  BeaconState,
  ProposerSlashing,
  SignedBeaconBlock,
  SignedVoluntaryExit,
} from "../types/index.js";
import type { SignedAggregateAndProofValue } from "../validator/types.js";
import type { BeaconNode } from "./beaconNode.js";
import type { ChainService } from "./chain/chainService.js";
import { BlockProductionError, type Eth1ForBlocks, produceBlock } from "./chain/produceBlock.js";
import { fromRootHex, toRootHex } from "./chain/rootHex.js";
import type { SlotClock } from "./clock/slotClock.js";
import type { NodeChainView } from "./nodeChainView.js";

export interface NodeValidatorApiOptions {
  node: BeaconNode;
  clock: SlotClock;
  view: NodeChainView;
  /** where eth1 votes and deposits of produced blocks come from (the deposit follower), or none */
  eth1?: Eth1ForBlocks | null;
  /** told about beacon_committee_subscriptions (a network with attestation subnets joins them here) */
  onCommitteeSubscriptions?: (subscriptions: BeaconCommitteeSubscription[]) => void;
}

export class NodeValidatorApi implements ValidatorApiBackend {
  readonly cfg: BeaconConfig;
  private readonly chain: ChainService;

  constructor(private readonly opts: NodeValidatorApiOptions) {
    this.chain = opts.node.chain;
    this.cfg = this.chain.cfg;
  }

  currentSlot(): number {
    return this.opts.clock.currentSlot();
  }

  headSlot(): number {
    return this.chain.headState().slot;
  }

  dutyState(epoch: number): BeaconState | null {
    const head = this.chain.headState();
    if (computeEpochAtSlot(this.cfg, head.slot) === epoch) return head;
    const start = computeStartSlotAtEpoch(this.cfg, epoch);
    if (head.slot < start) return this.chain.headStateAtSlot(start);
    return this.chain.canonicalStateAtSlot(start)?.state ?? null;
  }

  dutyDependentRoots(epoch: number): { previous: Uint8Array; current: Uint8Array } {
    return this.chain.dutyDependentRoots(epoch);
  }

  chainAtSlot(slot: number): { state: BeaconState; blockRoot: Uint8Array } | null {
    if (slot >= this.chain.headState().slot) {
      return { state: this.chain.headStateAtSlot(slot), blockRoot: fromRootHex(this.chain.headRoot) };
    }
    const found = this.chain.canonicalStateAtSlot(slot);
    return found ? { state: found.state, blockRoot: fromRootHex(found.blockRoot) } : null;
  }

  getBeaconState(selector: StateSelector): { state: BeaconState; finalized: boolean } | null {
    return this.opts.view.getBeaconState(selector);
  }

  produceBlock(slot: number, randaoReveal: Uint8Array, graffiti: Uint8Array, verifyRandao: boolean): ProducedBlock {
    const state = this.chain.headStateAtSlot(slot);
    const proposer = getBeaconProposerIndex(this.cfg, state);
    if (verifyRandao) {
      // process_randao's check, before any work: the reveal is the proposer's signature of the epoch
      const epoch = computeEpochAtSlot(this.cfg, slot);
      const signingRoot = computeSigningRoot(UintNum64, epoch, getDomain(this.cfg, state, this.cfg.DOMAIN_RANDAO));
      let valid = false;
      try {
        valid = bls.verify(state.validators[proposer]!.pubkey, signingRoot, randaoReveal);
      } catch {
        valid = false;
      }
      if (!valid) {
        throw new BlockProductionError(
          `randao_reveal is not the signature of epoch ${epoch} by validator ${proposer}, the proposer of slot ${slot}`,
        );
      }
    }
    const { block, postState } = produceBlock(this.chain, this.opts.eth1 ?? null, slot, randaoReveal, graffiti);
    return {
      block,
      consensusBlockValueGwei: Math.max(0, postState.balances[proposer]! - state.balances[proposer]!),
    };
  }

  publishBlock(block: SignedBeaconBlock, validation: BroadcastValidation): PublishBlockOutcome {
    if (validation === "consensus_and_equivocation") this.assertNoEquivocation(block);
    // full validation (the state transition) before anything is broadcast, at every level
    const imported = this.chain.importBlock(block);
    this.opts.node.publishBlock(block);
    return imported ? "imported" : "queued";
  }

  /** A different block of the same proposer at the same slot already imported: publishing would equivocate. */
  private assertNoEquivocation(signed: SignedBeaconBlock): void {
    const block = signed.message;
    const root = toRootHex(this.cfg.types.BeaconBlock.hashTreeRoot(block));
    for (const n of this.chain.forkChoice.protoArray.nodes) {
      if (n.slot !== block.slot || n.root === root) continue;
      if (this.chain.header(n.root)?.message.proposerIndex === block.proposerIndex) {
        throw new BlockProductionError(
          `validator ${block.proposerIndex} already has block ${n.root} at slot ${block.slot}: this one equivocates`,
        );
      }
    }
  }

  publishAttestation(attestation: Attestation): void {
    this.opts.node.publishAttestation(attestation);
  }

  poolAttestations(): Attestation[] {
    return this.chain.pool.all();
  }

  getAggregate(slot: number, dataRoot: Uint8Array): Attestation | null {
    return this.chain.pool.getAggregate(slot, toRootHex(dataRoot));
  }

  publishAggregateAndProof(aggregate: SignedAggregateAndProofValue): void {
    this.opts.node.publishAggregate(aggregate);
  }

  subscribeToBeaconCommittees(subscriptions: BeaconCommitteeSubscription[]): void {
    // The simulated network delivers every attestation to every node (no subnets); a subnet network joins them here.
    this.opts.onCommitteeSubscriptions?.(subscriptions);
  }

  voluntaryExits(): SignedVoluntaryExit[] {
    return this.chain.opPool.voluntaryExits();
  }

  publishVoluntaryExit(exit: SignedVoluntaryExit): void {
    this.opts.node.publishVoluntaryExit(exit);
  }

  proposerSlashings(): ProposerSlashing[] {
    return this.chain.opPool.proposerSlashingList();
  }

  publishProposerSlashing(slashing: ProposerSlashing): void {
    this.opts.node.publishProposerSlashing(slashing);
  }

  attesterSlashings(): AttesterSlashing[] {
    return this.chain.opPool.attesterSlashingList();
  }

  publishAttesterSlashing(slashing: AttesterSlashing): void {
    this.opts.node.publishAttesterSlashing(slashing);
  }
}
