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
import { verifyBlockSignature } from "../state-transition/block/verifyBlockSignature.js";
import { computeSigningRoot } from "../state-transition/misc/computeSigningRoot.js";
import type {
  Attestation,
  AttestationData,
  AttesterSlashing,
  BeaconBlock,
  BeaconState,
  IndexedAttestation,
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
import type { GossipContext } from "./gossip/gossipContext.js";
import { GossipValidationError } from "./gossip/gossipValidationError.js";
import { SeenCaches } from "./gossip/seenCaches.js";
import { validateGossipAggregate } from "./gossip/validateGossipAggregate.js";
import { indexedIfSigned, validateGossipAttestation } from "./gossip/validateGossipAttestation.js";
import { validateGossipBlock } from "./gossip/validateGossipBlock.js";
import {
  validateGossipAttesterSlashing,
  validateGossipProposerSlashing,
  validateGossipVoluntaryExit,
} from "./gossip/validateGossipOperations.js";
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
  /** seen caches of gossip validation */
  readonly seen = new SeenCaches();
  private readonly gossipCtx: GossipContext;
  private readonly onSlotHooks: ((slot: number, interval: number) => void | Promise<void>)[] = [];

  constructor(private readonly opts: BeaconNodeOptions) {
    this.chain = opts.chain;
    this.cfg = opts.chain.cfg;
    this.detector = new SlashingDetector(this.cfg);
    this.gossipCtx = { cfg: this.cfg, chain: this.chain, seen: this.seen, now: () => opts.clock.now() };
    // on_tick now, not at the first slot boundary: a sync that starts before it would find every block "from the future"
    this.chain.onTick(opts.clock.now());
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
      if (interval === 0) this.seen.prune(Math.floor(slot / this.cfg.SLOTS_PER_EPOCH) - 2, this.cfg.SLOTS_PER_EPOCH);
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

  /**
   * Subscribes to every phase0 topic (all 64 attestation subnets). Each message is decoded (malformed SSZ: REJECT),
   * validated by its topic's rules (p2p-interface.md), and imported on ACCEPT.
   */
  private subscribeGossip(network: Network): void {
    const t = this.cfg.types;
    const handle =
      <T>(
        type: { deserialize(b: Uint8Array): T },
        run: (v: T, from: PeerIdStr, topic: GossipTopic) => Promise<void> | void,
      ) =>
      async (ssz: Uint8Array, from: PeerIdStr, topic: GossipTopic): Promise<GossipValidationResult> => {
        let value: T;
        try {
          value = type.deserialize(ssz);
        } catch {
          return "REJECT";
        }
        try {
          await run(value, from, topic);
          return "ACCEPT";
        } catch (e) {
          if (e instanceof GossipValidationError) {
            this.opts.logger?.debug({ code: e.code, topic: topic.name, from }, `gossip ${e.result}: ${e.message}`);
            return e.result;
          }
          this.opts.logger?.debug({ err: e, topic: topic.name }, "gossip message not imported");
          return verdictOf(e);
        }
      };
    for (const topic of allTopics()) {
      switch (topic.name) {
        case "beacon_block":
          network.subscribe(
            topic,
            handle(t.SignedBeaconBlock, (b, from) => this.onGossipBlock(b, from)),
          );
          break;
        case "beacon_attestation":
          network.subscribe(
            topic,
            handle(t.Attestation, (a, _f, tp) => this.onGossipAttestation(a, tp)),
          );
          break;
        case "beacon_aggregate_and_proof":
          network.subscribe(
            topic,
            handle(t.SignedAggregateAndProof, (a) => this.onGossipAggregate(a)),
          );
          break;
        case "proposer_slashing":
          network.subscribe(
            topic,
            handle(t.ProposerSlashing, (s) => {
              validateGossipProposerSlashing(this.gossipCtx, s);
              this.chain.onProposerSlashing(s);
            }),
          );
          break;
        case "attester_slashing":
          network.subscribe(
            topic,
            handle(t.AttesterSlashing, (s) => {
              validateGossipAttesterSlashing(this.gossipCtx, s);
              this.chain.onAttesterSlashing(s);
            }),
          );
          break;
        case "voluntary_exit":
          network.subscribe(
            topic,
            handle(t.SignedVoluntaryExit, (e) => {
              validateGossipVoluntaryExit(this.gossipCtx, e);
              this.chain.onVoluntaryExit(e);
            }),
          );
          break;
      }
    }
  }

  /** beacon_block: validated, then imported (a REJECT by the state transition marks the block invalid). */
  private async onGossipBlock(block: SignedBeaconBlock, from: PeerIdStr): Promise<void> {
    const root = toRootHex(this.cfg.types.BeaconBlock.hashTreeRoot(block.message));
    try {
      validateGossipBlock(this.gossipCtx, block);
    } catch (e) {
      // parent unknown: the block is held by the chain (bounded) while its parent is fetched by root from the sender
      if (
        e instanceof GossipValidationError &&
        e.code === "PARENT_UNKNOWN" &&
        this.net &&
        this.signedByProposer(block)
      ) {
        this.chain.importBlock(block);
        this.net.unknownParent(toRootHex(block.message.parentRoot), from);
      }
      // a second, validly signed block of the same proposer and slot still feeds the slashing detector
      if (e instanceof GossipValidationError && e.code === "REPEAT_PROPOSAL" && this.signedByProposer(block)) {
        const slashing = this.detector.onBlock(block);
        if (slashing) this.reportProposerSlashing(slashing);
      }
      throw e;
    }
    // early within MAXIMUM_GOSSIP_CLOCK_DISPARITY: imported at its slot (on_block refuses future blocks)
    const startsAt = this.chain.genesisState.genesisTime + block.message.slot * this.cfg.SECONDS_PER_SLOT;
    const wait = startsAt - this.opts.clock.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
    this.chain.onTick(this.opts.clock.now());
    this.stats.blocksReceived++;
    this.liveness.mark(Math.floor(block.message.slot / this.cfg.SLOTS_PER_EPOCH), [block.message.proposerIndex]);
    const slashing = this.detector.onBlock(block);
    if (slashing) this.reportProposerSlashing(slashing);
    try {
      if (!this.chain.importBlock(block)) throw new GossipValidationError("IGNORE", "PARENT_UNKNOWN", "parent unknown");
    } catch (e) {
      if (e instanceof ChainError && e.code === "INVALID_BLOCK") {
        this.stats.blocksRejected++;
        this.seen.invalidBlocks.add(root);
      }
      throw e;
    }
  }

  private signedByProposer(block: SignedBeaconBlock): boolean {
    try {
      return verifyBlockSignature(this.cfg, this.chain.headState(), block);
    } catch {
      return false;
    }
  }

  /** beacon_attestation_{subnet}: validated (committee, subnet, signature, voted block), then counted and pooled. */
  private onGossipAttestation(att: Attestation, topic: GossipTopic): void {
    const subnet = topic.name === "beacon_attestation" ? topic.subnet : -1;
    let indexed: ReturnType<typeof validateGossipAttestation>;
    try {
      indexed = validateGossipAttestation(this.gossipCtx, att, subnet);
    } catch (e) {
      // a second, validly signed vote of the same validator still feeds the slashing detector
      if (e instanceof GossipValidationError && e.code === "PRIOR_ATTESTATION_KNOWN") {
        const signed = indexedIfSigned(this.gossipCtx, att);
        const slashing = signed ? this.detector.onAttestation(signed) : null;
        if (slashing) this.reportAttesterSlashing(slashing);
      }
      throw e;
    }
    this.countRejected(() => this.importAttestation(att, indexed));
  }

  /** beacon_aggregate_and_proof: validated (selection proof, both signatures, voted block), then counted and pooled. */
  private onGossipAggregate(signed: SignedAggregateAndProofValue): void {
    const indexed = validateGossipAggregate(this.gossipCtx, signed);
    this.countRejected(() => this.importAttestation(signed.message.aggregate, indexed));
  }

  /** A block of this node's own validators (or the API): imported locally before it is gossiped. */
  private receiveBlock(block: SignedBeaconBlock): GossipValidationResult {
    this.stats.blocksReceived++;
    this.liveness.mark(Math.floor(block.message.slot / this.cfg.SLOTS_PER_EPOCH), [block.message.proposerIndex]);
    const slashing = this.detector.onBlock(block);
    if (slashing) this.reportProposerSlashing(slashing);
    try {
      return this.chain.importBlock(block) ? "ACCEPT" : "IGNORE";
    } catch (e) {
      this.stats.blocksRejected++;
      this.opts.logger?.debug({ err: e, slot: block.message.slot }, "block rejected");
      return verdictOf(e);
    }
  }

  private importAttestation(att: Attestation, verified?: IndexedAttestation): void {
    const indexed = this.chain.onAttestation(att, verified);
    this.liveness.mark(att.data.target.epoch, indexed.attestingIndices);
    const slashing = this.detector.onAttestation(indexed);
    if (slashing) this.reportAttesterSlashing(slashing);
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
