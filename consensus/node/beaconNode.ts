// One beacon node: the chain service driven by the slot clock, the deposit follower for eth1 votes and deposits,
// gossip over the (simulated) network, the slashing detector, and the validator clients attached to it. It is the
// in-process BeaconNodeLink of its validator clients.
import type { Logger } from "pino";
import { bls } from "../../sdk/crypto/bls/index.js";
import { UintNum64 } from "../../sdk/ssz/index.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getBeaconCommittee } from "../state-transition/accessors/getBeaconCommittee.js";
import { getDomain } from "../state-transition/accessors/getDomain.js";
import { computeSigningRoot } from "../state-transition/misc/computeSigningRoot.js";
import type {
  Attestation,
  AttestationData,
  AttesterSlashing,
  BeaconBlock,
  BeaconState,
  ProposerSlashing,
  SignedBeaconBlock,
} from "../types/index.js";
import { isAggregator } from "../validator/isAggregator.js";
import type { SignedAggregateAndProofValue } from "../validator/types.js";
import type { BeaconNodeLink, ValidatorClient } from "../validator/validatorClient.js";
import type { ChainService } from "./chain/chainService.js";
import { type Eth1ForBlocks, produceBlock } from "./chain/produceBlock.js";
import { fromRootHex, toRootHex } from "./chain/rootHex.js";
import { SlashingDetector } from "./chain/slashingDetector.js";
import type { SlotClock } from "./clock/slotClock.js";
import type { SimNetwork, Topic } from "./network/simNetwork.js";

export interface BeaconNodeOptions {
  id: string;
  chain: ChainService;
  clock: SlotClock;
  eth1?: Eth1ForBlocks | null;
  network?: SimNetwork;
  logger?: Logger;
}

export interface NodeStats {
  blocksReceived: number;
  blocksRejected: number;
  attestationsRejected: number;
  slashingsDetected: number;
  /** wall-clock ms spent in each slot's block import + fork choice + attestations */
  slotMs: number[];
}

export class BeaconNode implements BeaconNodeLink {
  readonly cfg: BeaconConfig;
  readonly chain: ChainService;
  readonly validators: ValidatorClient[] = [];
  readonly detector: SlashingDetector;
  readonly stats: NodeStats = {
    blocksReceived: 0,
    blocksRejected: 0,
    attestationsRejected: 0,
    slashingsDetected: 0,
    slotMs: [],
  };
  private readonly onSlotHooks: ((slot: number, interval: number) => void | Promise<void>)[] = [];

  constructor(private readonly opts: BeaconNodeOptions) {
    this.chain = opts.chain;
    this.cfg = opts.chain.cfg;
    this.detector = new SlashingDetector(this.cfg);
    opts.network?.join(opts.id, (topic, message) => this.onGossip(topic, message));
  }

  get id(): string {
    return this.opts.id;
  }

  addValidatorClient(vc: ValidatorClient): void {
    this.validators.push(vc);
  }

  /** Runs `hook` after the node's own work at every slot interval (the devnet's live view and checks). */
  onSlot(hook: (slot: number, interval: number) => void | Promise<void>): void {
    this.onSlotHooks.push(hook);
  }

  /** Starts the duty loop at the next slot boundary. */
  start(): void {
    const clock = this.opts.clock;
    clock.everyInterval(clock.currentSlot() + 1, async (slot, interval) => {
      const t0 = performance.now();
      this.chain.onTick(clock.now());
      this.chain.updateHead();
      if (interval === 0) this.detector.prune(Math.floor(slot / this.cfg.SLOTS_PER_EPOCH) - 2);
      const spent = performance.now() - t0;
      if (interval === 0) this.stats.slotMs.push(spent);
      for (const vc of this.validators) await vc.onInterval(slot, interval);
      for (const hook of this.onSlotHooks) await hook(slot, interval);
    });
  }

  // ---- BeaconNodeLink ----

  stateAtSlot(slot: number): BeaconState {
    return this.chain.headStateAtSlot(slot);
  }

  headRoot(): Uint8Array {
    return fromRootHex(this.chain.headRoot);
  }

  produceBlock(slot: number, randaoReveal: Uint8Array, graffiti?: Uint8Array, parentRoot?: string): BeaconBlock {
    return produceBlock(this.chain, this.opts.eth1 ?? null, slot, randaoReveal, graffiti, parentRoot).block;
  }

  publishBlock(block: SignedBeaconBlock): void {
    this.receiveBlock(block);
    this.opts.network?.publish(this.opts.id, "block", block);
  }

  publishAttestation(attestation: Attestation): void {
    this.receiveAttestation(attestation);
    this.opts.network?.publish(this.opts.id, "attestation", attestation);
  }

  publishAggregate(aggregate: SignedAggregateAndProofValue): void {
    this.receiveAggregate(aggregate);
    this.opts.network?.publish(this.opts.id, "aggregate", aggregate);
  }

  getAggregate(data: AttestationData): Attestation | null {
    return this.chain.pool.getAggregate(data.slot, toRootHex(this.cfg.types.AttestationData.hashTreeRoot(data)));
  }

  // ---- gossip ----

  private onGossip(topic: Topic, message: unknown): void {
    switch (topic) {
      case "block":
        this.receiveBlock(message as SignedBeaconBlock);
        return;
      case "attestation":
        this.receiveAttestation(message as Attestation);
        return;
      case "aggregate":
        this.receiveAggregate(message as SignedAggregateAndProofValue);
        return;
      case "proposer_slashing":
        this.receiveProposerSlashing(message as ProposerSlashing);
        return;
      case "attester_slashing":
        this.receiveAttesterSlashing(message as AttesterSlashing);
        return;
    }
  }

  private receiveBlock(block: SignedBeaconBlock): void {
    this.stats.blocksReceived++;
    const slashing = this.detector.onBlock(block);
    if (slashing) this.reportProposerSlashing(slashing);
    try {
      this.chain.importBlock(block);
    } catch (e) {
      this.stats.blocksRejected++;
      this.opts.logger?.debug({ err: e, slot: block.message.slot }, "block rejected");
    }
  }

  private receiveAttestation(att: Attestation): void {
    try {
      const indexed = this.chain.onAttestation(att);
      const slashing = this.detector.onAttestation(indexed);
      if (slashing) this.reportAttesterSlashing(slashing);
    } catch (e) {
      this.stats.attestationsRejected++;
      this.opts.logger?.debug({ err: e, slot: att.data.slot }, "attestation rejected");
    }
  }

  /** validator.md "Aggregation": the aggregator is in the committee, selected by its proof, and signed the message. */
  private receiveAggregate(signed: SignedAggregateAndProofValue): void {
    const { aggregatorIndex, aggregate, selectionProof } = signed.message;
    const slot = aggregate.data.slot;
    try {
      const state = this.chain.headStateAtSlot(Math.max(slot, this.chain.headState().slot));
      const committee = getBeaconCommittee(this.cfg, state, slot, aggregate.data.index);
      const pubkey = state.validators[aggregatorIndex]?.pubkey;
      const epoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
      const proofRoot = computeSigningRoot(
        UintNum64,
        slot,
        getDomain(this.cfg, state, this.cfg.DOMAIN_SELECTION_PROOF, epoch),
      );
      const msgRoot = computeSigningRoot(
        this.cfg.types.AggregateAndProof,
        signed.message,
        getDomain(this.cfg, state, this.cfg.DOMAIN_AGGREGATE_AND_PROOF, epoch),
      );
      if (
        !pubkey ||
        !committee.includes(aggregatorIndex) ||
        !isAggregator(this.cfg, committee.length, selectionProof) ||
        !bls.verify(pubkey, proofRoot, selectionProof) ||
        !bls.verify(pubkey, msgRoot, signed.signature)
      ) {
        this.stats.attestationsRejected++;
        return;
      }
    } catch {
      this.stats.attestationsRejected++;
      return;
    }
    this.receiveAttestation(aggregate);
  }

  private receiveProposerSlashing(s: ProposerSlashing): void {
    try {
      this.chain.onProposerSlashing(s);
    } catch (e) {
      this.opts.logger?.debug({ err: e }, "proposer slashing rejected");
    }
  }

  private receiveAttesterSlashing(s: AttesterSlashing): void {
    try {
      this.chain.onAttesterSlashing(s);
    } catch (e) {
      this.opts.logger?.debug({ err: e }, "attester slashing rejected");
    }
  }

  private reportProposerSlashing(s: ProposerSlashing): void {
    this.stats.slashingsDetected++;
    this.opts.logger?.warn(
      { proposer: s.signedHeader1.message.proposerIndex, slot: s.signedHeader1.message.slot },
      "equivocating proposer detected",
    );
    this.receiveProposerSlashing(s);
    this.opts.network?.publish(this.opts.id, "proposer_slashing", s);
  }

  private reportAttesterSlashing(s: AttesterSlashing): void {
    this.stats.slashingsDetected++;
    this.opts.logger?.warn({ target: s.attestation1.data.target.epoch }, "double vote detected");
    this.receiveAttesterSlashing(s);
    this.opts.network?.publish(this.opts.id, "attester_slashing", s);
  }
}
