// One beacon node: the chain service driven by the slot clock, the deposit follower for eth1 votes and deposits,
// gossip over the (simulated) network, the slashing detector, and the validator clients attached to it. It is the
// in-process BeaconNodeLink of its validator clients.
import type { Logger } from "pino";
import { bls } from "../../sdk/crypto/bls/index.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import { UintNum64 } from "../../sdk/ssz/index.js";
import { computeSubnetForAttestation } from "../network/gossip/computeSubnetForAttestation.js";
import { allTopics, type GossipTopic } from "../network/gossip/topics.js";
import type { NetworkMetrics } from "../network/metrics.js";
import type { GossipValidationResult, Network, PeerIdStr } from "../network/network.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getBeaconCommittee } from "../state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../state-transition/accessors/getCommitteeCountPerSlot.js";
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
  SignedVoluntaryExit,
} from "../types/index.js";
import { isAggregator } from "../validator/isAggregator.js";
import type { SignedAggregateAndProofValue } from "../validator/types.js";
import type { BeaconNodeLink, ValidatorClient } from "../validator/validatorClient.js";
import { ChainError, type ChainService } from "./chain/chainService.js";
import { LivenessTracker } from "./chain/livenessTracker.js";
import { type Eth1ForBlocks, produceBlock } from "./chain/produceBlock.js";
import { fromRootHex, toRootHex } from "./chain/rootHex.js";
import { SlashingDetector } from "./chain/slashingDetector.js";
import type { SlotClock } from "./clock/slotClock.js";
import { NodeNetwork } from "./network/nodeNetwork.js";

/** An aggregate and proof that fails validator.md "Aggregation" checks. */
export class AggregateRejectedError extends CodedError<"INVALID_AGGREGATE"> {
  override readonly name = "AggregateRejectedError";
  constructor(message: string) {
    super("INVALID_AGGREGATE", message);
  }
}

export interface BeaconNodeOptions {
  id: string;
  chain: ChainService;
  clock: SlotClock;
  eth1?: Eth1ForBlocks | null;
  /** gossip and req/resp (SimNetwork endpoint or libp2p); none: a single node */
  network?: Network;
  /** network metrics (libp2p node) */
  networkMetrics?: NetworkMetrics;
  /** re-status peers this often (libp2p node; none: on connect only) */
  statusIntervalMs?: number;
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
  /** validators seen attesting or proposing, per epoch (the liveness API) */
  readonly liveness = new LivenessTracker();
  readonly stats: NodeStats = {
    blocksReceived: 0,
    blocksRejected: 0,
    attestationsRejected: 0,
    slashingsDetected: 0,
    slotMs: [],
  };
  /** req/resp, status, sync and lookups (when the node has a network) */
  readonly net: NodeNetwork | null = null;
  private readonly onSlotHooks: ((slot: number, interval: number) => void | Promise<void>)[] = [];

  constructor(private readonly opts: BeaconNodeOptions) {
    this.chain = opts.chain;
    this.cfg = opts.chain.cfg;
    this.detector = new SlashingDetector(this.cfg);
    if (opts.network) {
      this.net = new NodeNetwork({
        network: opts.network,
        chain: this.chain,
        currentSlot: () => opts.clock.currentSlot(),
        importBlock: (b) => this.chain.importBlock(b),
        metrics: opts.networkMetrics,
        logger: opts.logger,
        statusIntervalMs: opts.statusIntervalMs,
      });
      this.subscribeGossip(opts.network);
    }
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
    this.gossip({ name: "beacon_block" }, this.cfg.types.SignedBeaconBlock.serialize(block));
  }

  /** Imports `attestation` and gossips it; throws (and gossips nothing) when the node rejects it. */
  publishAttestation(attestation: Attestation): void {
    this.countRejected(() => this.importAttestation(attestation));
    const subnet = this.subnetOf(attestation);
    if (subnet !== null) {
      this.gossip({ name: "beacon_attestation", subnet }, this.cfg.types.Attestation.serialize(attestation));
    }
  }

  /** Checks and imports `aggregate` and gossips it; throws (and gossips nothing) when the node rejects it. */
  publishAggregate(aggregate: SignedAggregateAndProofValue): void {
    this.countRejected(() => this.importAggregate(aggregate));
    this.gossip({ name: "beacon_aggregate_and_proof" }, this.cfg.types.SignedAggregateAndProof.serialize(aggregate));
  }

  /** Pools a voluntary exit and gossips it; throws (and gossips nothing) if process_voluntary_exit would fail. */
  publishVoluntaryExit(exit: SignedVoluntaryExit): void {
    this.chain.onVoluntaryExit(exit);
    this.gossip({ name: "voluntary_exit" }, this.cfg.types.SignedVoluntaryExit.serialize(exit));
  }

  /** Pools a proposer slashing and gossips it; throws (and gossips nothing) if it is not valid and includable. */
  publishProposerSlashing(slashing: ProposerSlashing): void {
    this.chain.onProposerSlashing(slashing);
    this.gossip({ name: "proposer_slashing" }, this.cfg.types.ProposerSlashing.serialize(slashing));
  }

  /** Pools an attester slashing and gossips it; throws (and gossips nothing) if it is not valid and includable. */
  publishAttesterSlashing(slashing: AttesterSlashing): void {
    this.chain.onAttesterSlashing(slashing);
    this.gossip({ name: "attester_slashing" }, this.cfg.types.AttesterSlashing.serialize(slashing));
  }

  /** compute_subnet_for_attestation with the committee count of the attestation's epoch (from the head). */
  subnetOf(attestation: Attestation): number | null {
    const slot = attestation.data.slot;
    try {
      const state = this.chain.headStateAtSlot(Math.max(slot, this.chain.headState().slot));
      const perSlot = getCommitteeCountPerSlot(this.cfg, state, Math.floor(slot / this.cfg.SLOTS_PER_EPOCH));
      return computeSubnetForAttestation(perSlot, this.cfg.SLOTS_PER_EPOCH, slot, attestation.data.index);
    } catch {
      return null;
    }
  }

  private gossip(topic: GossipTopic, ssz: Uint8Array): void {
    this.opts.network?.publish(topic, ssz).catch((e) => this.opts.logger?.debug({ err: e, topic }, "publish failed"));
  }

  getAggregate(data: AttestationData): Attestation | null {
    return this.chain.pool.getAggregate(data.slot, toRootHex(this.cfg.types.AttestationData.hashTreeRoot(data)));
  }

  // ---- gossip ----

  /** Subscribes to every phase0 topic (all 64 attestation subnets) with a validator per topic. */
  private subscribeGossip(network: Network): void {
    const t = this.cfg.types;
    const decode =
      <T>(type: { deserialize(b: Uint8Array): T }, receive: (v: T, from: PeerIdStr) => GossipValidationResult) =>
      async (ssz: Uint8Array, from: PeerIdStr): Promise<GossipValidationResult> => {
        let value: T;
        try {
          value = type.deserialize(ssz);
        } catch {
          return "REJECT";
        }
        return receive(value, from);
      };
    for (const topic of allTopics()) {
      switch (topic.name) {
        case "beacon_block":
          network.subscribe(
            topic,
            decode(t.SignedBeaconBlock, (b, from) => this.receiveBlock(b, from)),
          );
          break;
        case "beacon_attestation":
          network.subscribe(
            topic,
            decode(t.Attestation, (a) => this.receiveAttestation(a)),
          );
          break;
        case "beacon_aggregate_and_proof":
          network.subscribe(
            topic,
            decode(t.SignedAggregateAndProof, (a) => this.receiveAggregate(a)),
          );
          break;
        case "proposer_slashing":
          network.subscribe(
            topic,
            decode(t.ProposerSlashing, (s) => this.receiveProposerSlashing(s)),
          );
          break;
        case "attester_slashing":
          network.subscribe(
            topic,
            decode(t.AttesterSlashing, (s) => this.receiveAttesterSlashing(s)),
          );
          break;
        case "voluntary_exit":
          network.subscribe(
            topic,
            decode(t.SignedVoluntaryExit, (e) => this.receiveVoluntaryExit(e)),
          );
          break;
      }
    }
  }

  private receiveBlock(block: SignedBeaconBlock, from?: PeerIdStr): GossipValidationResult {
    this.stats.blocksReceived++;
    this.liveness.mark(Math.floor(block.message.slot / this.cfg.SLOTS_PER_EPOCH), [block.message.proposerIndex]);
    const slashing = this.detector.onBlock(block);
    if (slashing) this.reportProposerSlashing(slashing);
    try {
      if (this.chain.importBlock(block)) return "ACCEPT";
      // parent unknown: held by the chain until the parent arrives; fetch it by root from the sender
      if (from && this.net) this.net.unknownParent(toRootHex(block.message.parentRoot), from);
      return "IGNORE";
    } catch (e) {
      this.stats.blocksRejected++;
      this.opts.logger?.debug({ err: e, slot: block.message.slot }, "block rejected");
      return verdictOf(e);
    }
  }

  private receiveAttestation(att: Attestation): GossipValidationResult {
    try {
      this.countRejected(() => this.importAttestation(att));
      return "ACCEPT";
    } catch (e) {
      this.opts.logger?.debug({ err: e, slot: att.data.slot }, "attestation rejected");
      return verdictOf(e);
    }
  }

  private importAttestation(att: Attestation): void {
    const indexed = this.chain.onAttestation(att);
    this.liveness.mark(att.data.target.epoch, indexed.attestingIndices);
    const slashing = this.detector.onAttestation(indexed);
    if (slashing) this.reportAttesterSlashing(slashing);
  }

  private receiveAggregate(signed: SignedAggregateAndProofValue): GossipValidationResult {
    try {
      this.countRejected(() => this.importAggregate(signed));
      return "ACCEPT";
    } catch (e) {
      this.opts.logger?.debug({ err: e, slot: signed.message.aggregate.data.slot }, "aggregate rejected");
      return e instanceof AggregateRejectedError ? "REJECT" : verdictOf(e);
    }
  }

  private countRejected(run: () => void): void {
    try {
      run();
    } catch (e) {
      this.stats.attestationsRejected++;
      throw e;
    }
  }

  /** validator.md "Aggregation": the aggregator is in the committee, selected by its proof, and signed the message. */
  private importAggregate(signed: SignedAggregateAndProofValue): void {
    const { aggregatorIndex, aggregate, selectionProof } = signed.message;
    const slot = aggregate.data.slot;
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
    const reject = (why: string) => {
      throw new AggregateRejectedError(why);
    };
    if (!pubkey || !committee.includes(aggregatorIndex)) {
      reject(`validator ${aggregatorIndex} is not in committee ${aggregate.data.index} of slot ${slot}`);
    } else if (!isAggregator(this.cfg, committee.length, selectionProof)) {
      reject(`the selection proof does not select validator ${aggregatorIndex} as an aggregator`);
    } else if (!bls.verify(pubkey, proofRoot, selectionProof)) {
      reject(`the selection proof is not validator ${aggregatorIndex}'s signature of slot ${slot}`);
    } else if (!bls.verify(pubkey, msgRoot, signed.signature)) {
      reject(`the aggregate and proof is not signed by validator ${aggregatorIndex}`);
    }
    this.importAttestation(aggregate);
  }

  private receiveVoluntaryExit(exit: SignedVoluntaryExit): GossipValidationResult {
    try {
      this.chain.onVoluntaryExit(exit);
      return "ACCEPT";
    } catch (e) {
      this.opts.logger?.debug({ err: e }, "voluntary exit rejected");
      return verdictOf(e);
    }
  }

  private receiveProposerSlashing(s: ProposerSlashing): GossipValidationResult {
    try {
      this.chain.onProposerSlashing(s);
      return "ACCEPT";
    } catch (e) {
      this.opts.logger?.debug({ err: e }, "proposer slashing rejected");
      return verdictOf(e);
    }
  }

  private receiveAttesterSlashing(s: AttesterSlashing): GossipValidationResult {
    try {
      this.chain.onAttesterSlashing(s);
      return "ACCEPT";
    } catch (e) {
      this.opts.logger?.debug({ err: e }, "attester slashing rejected");
      return verdictOf(e);
    }
  }

  private reportProposerSlashing(s: ProposerSlashing): void {
    this.stats.slashingsDetected++;
    this.opts.logger?.warn(
      { proposer: s.signedHeader1.message.proposerIndex, slot: s.signedHeader1.message.slot },
      "equivocating proposer detected",
    );
    this.receiveProposerSlashing(s);
    this.gossip({ name: "proposer_slashing" }, this.cfg.types.ProposerSlashing.serialize(s));
  }

  private reportAttesterSlashing(s: AttesterSlashing): void {
    this.stats.slashingsDetected++;
    this.opts.logger?.warn({ target: s.attestation1.data.target.epoch }, "double vote detected");
    this.receiveAttesterSlashing(s);
    this.gossip({ name: "attester_slashing" }, this.cfg.types.AttesterSlashing.serialize(s));
  }
}

/** A chain error's gossip verdict: invalid content is REJECT, anything the node cannot judge yet is IGNORE. */
function verdictOf(e: unknown): GossipValidationResult {
  const code = e instanceof ChainError ? e.code : null;
  return code === "INVALID_BLOCK" ||
    code === "INVALID_ATTESTATION" ||
    code === "INVALID_SLASHING" ||
    code === "INVALID_VOLUNTARY_EXIT"
    ? "REJECT"
    : "IGNORE";
}
