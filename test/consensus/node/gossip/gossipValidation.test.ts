// Gossip validation, rule by rule (phase0 p2p-interface.md "Global topics", "Attestation subnets"): a real chain
// (16 validators, 6 epochs in virtual time, finalized) and messages signed with the real keys, each mutated to break
// exactly one rule; the expected verdict (IGNORE/REJECT) and rule code are checked, and the untouched message passes.
import { BitArray } from "@chainsafe/ssz";
import { expect } from "chai";
import { computeSubnetForAttestation } from "../../../../consensus/network/gossip/computeSubnetForAttestation.js";
import type { ChainService } from "../../../../consensus/node/chain/chainService.js";
import { toRootHex } from "../../../../consensus/node/chain/rootHex.js";
import { Scheduler } from "../../../../consensus/node/clock/scheduler.js";
import type { GossipContext } from "../../../../consensus/node/gossip/gossipContext.js";
import { GossipValidationError } from "../../../../consensus/node/gossip/gossipValidationError.js";
import { SeenCaches } from "../../../../consensus/node/gossip/seenCaches.js";
import { validateGossipAggregate } from "../../../../consensus/node/gossip/validateGossipAggregate.js";
import { validateGossipAttestation } from "../../../../consensus/node/gossip/validateGossipAttestation.js";
import { validateGossipBlock } from "../../../../consensus/node/gossip/validateGossipBlock.js";
import {
  validateGossipAttesterSlashing,
  validateGossipProposerSlashing,
  validateGossipVoluntaryExit,
} from "../../../../consensus/node/gossip/validateGossipOperations.js";
import { getBeaconCommittee } from "../../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../../../../consensus/state-transition/accessors/getBeaconProposerIndex.js";
import { getCommitteeCountPerSlot } from "../../../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import { getDomain } from "../../../../consensus/state-transition/accessors/getDomain.js";
import { computeSigningRoot } from "../../../../consensus/state-transition/misc/computeSigningRoot.js";
import type {
  Attestation,
  AttestationData,
  BeaconBlock,
  SignedBeaconBlock,
} from "../../../../consensus/types/index.js";
import { isAggregator } from "../../../../consensus/validator/isAggregator.js";
import type { SignedAggregateAndProofValue } from "../../../../consensus/validator/types.js";
import { createDevnetConfig } from "../../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../../scripts/devnet/runScenario.js";
import { createDevnetNodes } from "../../../../scripts/devnet/simulation.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";
import { UintNum64 } from "../../../../sdk/ssz/index.js";

const cfg = createDevnetConfig();
const keys = devnetKeys(0, 16);

function expectVerdict(f: () => unknown, result: "IGNORE" | "REJECT", code: string): void {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(GossipValidationError);
    expect(`${(e as GossipValidationError).result} ${(e as GossipValidationError).code}`).to.equal(`${result} ${code}`);
    return;
  }
  expect.fail(`expected ${result} ${code}, got ACCEPT`);
}

describe("consensus/node/gossip validation rules", function () {
  this.timeout(120_000);
  let chain: ChainService;
  let now: number;
  let ctx: GossipContext;
  const fresh = (overrides: Partial<GossipContext> = {}): GossipContext => ({
    cfg,
    chain,
    seen: new SeenCaches(),
    now: () => now,
    ...overrides,
  });
  const slotStart = (slot: number) => chain.genesisState.genesisTime + slot * cfg.SECONDS_PER_SLOT;

  before(async () => {
    const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(1), 1_800_000_000, devnetDepositData(keys));
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 1);
    const { nodes } = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount: 1, scheduler });
    nodes[0]!.start();
    await scheduler.runUntil(genesis.genesisTime + 6 * 8 * 3 + 1);
    chain = nodes[0]!.chain;
    now = genesis.genesisTime + 6 * 8 * 3 + 1;
    expect(chain.headState().finalizedCheckpoint.epoch).to.be.at.least(2);
  });
  beforeEach(() => {
    ctx = fresh();
  });

  // ---- helpers: signed messages made with the real keys ----
  const signBlock = (block: BeaconBlock): SignedBeaconBlock => {
    const state = chain.headState();
    const root = computeSigningRoot(cfg.types.BeaconBlock, block, getDomain(cfg, state, cfg.DOMAIN_BEACON_PROPOSER));
    return { message: block, signature: bls.sign(keys[block.proposerIndex]!.secretKey, root) };
  };
  /** a block on the head for the next slot, by its expected proposer */
  const nextBlock = (): SignedBeaconBlock => {
    const head = chain.getBlock(chain.headRoot)!;
    const slot = chain.headState().slot + 1;
    now = slotStart(slot) + 1;
    const pre = chain.blockStateAtSlot(chain.headRoot, slot)!;
    const block = cfg.types.BeaconBlock.clone(head.message);
    block.slot = slot;
    block.parentRoot = cfg.types.BeaconBlock.hashTreeRoot(head.message);
    block.proposerIndex = getBeaconProposerIndex(cfg, pre);
    return signBlock(block);
  };
  const signAtt = (data: AttestationData, position: number, committeeSize: number, signer: number): Attestation => {
    const state = chain.headState();
    const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_ATTESTER, data.target.epoch);
    const bits = BitArray.fromBitLen(committeeSize);
    if (position >= 0) bits.set(position, true);
    const sig = bls.sign(keys[signer]!.secretKey, computeSigningRoot(cfg.types.AttestationData, data, domain));
    return { aggregationBits: bits, data, signature: sig };
  };
  /** an attestation of the head block in the current slot by committee 0's member at `position` */
  const attestation = (position = 0) => {
    const slot = chain.headState().slot;
    now = slotStart(slot) + 1;
    const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);
    const targetRoot = chain.forkChoice.getCheckpointBlock(chain.headRoot, epoch)!;
    const state = chain.targetState({ epoch, root: targetRoot })!;
    const committee = getBeaconCommittee(cfg, state, slot, 0);
    const data: AttestationData = {
      slot,
      index: 0,
      beaconBlockRoot: cfg.types.BeaconBlock.hashTreeRoot(chain.getBlock(chain.headRoot)!.message),
      source: chain.headState().currentJustifiedCheckpoint,
      target: { epoch, root: Buffer.from(targetRoot.slice(2), "hex") },
    };
    const perSlot = getCommitteeCountPerSlot(cfg, state, epoch);
    const subnet = computeSubnetForAttestation(perSlot, cfg.SLOTS_PER_EPOCH, slot, 0);
    return { data, committee, state, subnet, att: signAtt(data, position, committee.length, committee[position]!) };
  };

  describe("beacon_block", () => {
    it("accepts a valid block, then ignores a repeat of its (slot, proposer)", () => {
      const b = nextBlock();
      validateGossipBlock(ctx, b);
      expectVerdict(() => validateGossipBlock(ctx, b), "IGNORE", "REPEAT_PROPOSAL");
    });
    it("IGNORE: from a future slot (beyond the 500 ms disparity)", () => {
      const b = nextBlock();
      now = slotStart(b.message.slot) - 0.6;
      expectVerdict(() => validateGossipBlock(ctx, b), "IGNORE", "FUTURE_SLOT");
      now = slotStart(b.message.slot) - 0.4; // within the disparity allowance
      validateGossipBlock(ctx, b);
    });
    it("IGNORE: at or before the finalized slot", () => {
      const old = chain.getBlock(chain.forkChoice.finalizedCheckpoint.root) ?? chain.getBlock(chain.headRoot)!;
      const b = signBlock({ ...old.message, slot: 1 });
      expectVerdict(() => validateGossipBlock(ctx, b), "IGNORE", "WOULD_REVERT_FINALIZED_SLOT");
    });
    it("REJECT: proposer index out of range; bad proposer signature", () => {
      const b = nextBlock();
      expectVerdict(
        () => validateGossipBlock(ctx, { ...b, message: { ...b.message, proposerIndex: 9999 } }),
        "REJECT",
        "PROPOSER_INDEX_OUT_OF_RANGE",
      );
      const forged = {
        ...b,
        message: { ...b.message, body: { ...b.message.body, graffiti: new Uint8Array(32).fill(7) } },
      };
      expectVerdict(() => validateGossipBlock(ctx, forged), "REJECT", "INVALID_PROPOSER_SIGNATURE");
    });
    it("IGNORE: unknown parent; REJECT: parent known invalid", () => {
      const b = nextBlock();
      const orphan = signBlock({ ...b.message, parentRoot: new Uint8Array(32).fill(9) });
      expectVerdict(() => validateGossipBlock(ctx, orphan), "IGNORE", "PARENT_UNKNOWN");
      ctx.seen.invalidBlocks.add(toRootHex(new Uint8Array(32).fill(9)));
      expectVerdict(() => validateGossipBlock(ctx, orphan), "REJECT", "INVALID_PARENT");
    });
    it("REJECT: not later than its parent; wrong proposer", () => {
      const b = nextBlock();
      const parentSlot = chain.headState().slot;
      const same = signBlock({ ...b.message, slot: parentSlot, proposerIndex: (b.message.proposerIndex + 1) % 16 });
      expectVerdict(() => validateGossipBlock(ctx, same), "REJECT", "NOT_LATER_THAN_PARENT");
      const wrong = signBlock({ ...b.message, proposerIndex: (b.message.proposerIndex + 1) % 16 });
      expectVerdict(() => validateGossipBlock(ctx, wrong), "REJECT", "INCORRECT_PROPOSER");
    });
    it("REJECT: the finalized checkpoint is not an ancestor (fork choice answering another checkpoint block)", () => {
      const b = nextBlock();
      // a branch that left the finalized chain cannot be built after pruning: the fork choice is made to answer so
      const fc = Object.create(chain.forkChoice, { getCheckpointBlock: { value: () => "0xother" } });
      const off = fresh({ chain: Object.create(chain, { forkChoice: { value: fc } }) });
      expectVerdict(() => validateGossipBlock(off, b), "REJECT", "FINALIZED_NOT_ANCESTOR");
    });
  });

  describe("beacon_attestation_{subnet_id}", () => {
    it("accepts a valid attestation on its subnet, then ignores the validator's second vote in the epoch", () => {
      const { att, subnet } = attestation();
      validateGossipAttestation(ctx, att, subnet);
      expectVerdict(() => validateGossipAttestation(ctx, att, subnet), "IGNORE", "PRIOR_ATTESTATION_KNOWN");
    });
    it("REJECT: committee index out of range; wrong subnet", () => {
      const { att, subnet, state } = attestation();
      const perSlot = getCommitteeCountPerSlot(cfg, state, att.data.target.epoch);
      const bad = { ...att, data: { ...att.data, index: perSlot } };
      expectVerdict(() => validateGossipAttestation(ctx, bad, subnet), "REJECT", "BAD_COMMITTEE_INDEX");
      expectVerdict(() => validateGossipAttestation(ctx, att, (subnet + 1) % 64), "REJECT", "WRONG_SUBNET");
    });
    it("IGNORE: from a future slot or older than ATTESTATION_PROPAGATION_SLOT_RANGE", () => {
      const { att, subnet } = attestation();
      now = slotStart(att.data.slot) - 0.6;
      expectVerdict(() => validateGossipAttestation(ctx, att, subnet), "IGNORE", "FUTURE_SLOT");
      now = slotStart(att.data.slot + 33) + 1;
      expectVerdict(() => validateGossipAttestation(ctx, att, subnet), "IGNORE", "PAST_SLOT");
    });
    it("REJECT: target epoch != slot epoch; not exactly one bit; wrong bits length", () => {
      const { att, subnet, committee } = attestation();
      const early = { ...att, data: { ...att.data, slot: att.data.slot - cfg.SLOTS_PER_EPOCH } };
      now = slotStart(att.data.slot) + 1;
      expectVerdict(() => validateGossipAttestation(ctx, early, subnet), "REJECT", "BAD_TARGET_EPOCH");
      const two = BitArray.fromBitLen(committee.length);
      two.set(0, true);
      if (committee.length > 1) two.set(1, true);
      expectVerdict(
        () =>
          validateGossipAttestation(
            ctx,
            { ...att, aggregationBits: committee.length > 1 ? two : BitArray.fromBitLen(committee.length) },
            subnet,
          ),
        "REJECT",
        "NOT_EXACTLY_ONE_BIT",
      );
      const long = BitArray.fromBitLen(committee.length + 1);
      long.set(0, true);
      expectVerdict(
        () => validateGossipAttestation(ctx, { ...att, aggregationBits: long }, subnet),
        "REJECT",
        "WRONG_BITS_LENGTH",
      );
    });
    it("REJECT: invalid signature", () => {
      const { data, committee, subnet } = attestation();
      const forged = signAtt(data, 0, committee.length, (committee[0]! + 1) % 16);
      expectVerdict(() => validateGossipAttestation(ctx, forged, subnet), "REJECT", "INVALID_SIGNATURE");
    });
    it("IGNORE: voted block unknown; REJECT: voted block invalid; REJECT: target not its checkpoint ancestor", () => {
      const { data, committee, subnet } = attestation();
      const unknown = { ...data, beaconBlockRoot: new Uint8Array(32).fill(3) };
      const a1 = signAtt(unknown, 0, committee.length, committee[0]!);
      expectVerdict(() => validateGossipAttestation(ctx, a1, subnet), "IGNORE", "UNKNOWN_BLOCK");
      ctx.seen.invalidBlocks.add(toRootHex(unknown.beaconBlockRoot));
      expectVerdict(() => validateGossipAttestation(fresh({ seen: ctx.seen }), a1, subnet), "REJECT", "INVALID_BLOCK");
      // target = the genesis block with the current epoch: a known checkpoint state, but not the vote's ancestor
      const off = {
        ...data,
        target: { epoch: data.target.epoch, root: Buffer.from(chain.genesisRoot.slice(2), "hex") },
      };
      const state = chain.targetState({ epoch: off.target.epoch, root: chain.genesisRoot })!;
      const c2 = getBeaconCommittee(cfg, state, off.slot, 0);
      const perSlot = getCommitteeCountPerSlot(cfg, state, off.target.epoch);
      const s2 = computeSubnetForAttestation(perSlot, cfg.SLOTS_PER_EPOCH, off.slot, 0);
      const a2 = signAtt(off, 0, c2.length, c2[0]!);
      expectVerdict(() => validateGossipAttestation(fresh(), a2, s2), "REJECT", "TARGET_NOT_ANCESTOR");
    });
  });

  describe("beacon_aggregate_and_proof", () => {
    const aggregate = (mutate: (m: SignedAggregateAndProofValue["message"]) => void = () => {}, signer?: number) => {
      const { att, committee, state } = attestation();
      const aggregator = committee[0]!;
      const epoch = att.data.target.epoch;
      const proof = bls.sign(
        keys[aggregator]!.secretKey,
        computeSigningRoot(UintNum64, att.data.slot, getDomain(cfg, state, cfg.DOMAIN_SELECTION_PROOF, epoch)),
      );
      const message = { aggregatorIndex: aggregator, aggregate: att, selectionProof: proof };
      mutate(message);
      const domain = getDomain(cfg, state, cfg.DOMAIN_AGGREGATE_AND_PROOF, epoch);
      const root = computeSigningRoot(cfg.types.AggregateAndProof, message, domain);
      return { message, signature: bls.sign(keys[signer ?? message.aggregatorIndex]!.secretKey, root) };
    };
    it("accepts a valid aggregate, then ignores a subset of it and the aggregator's second one", () => {
      const a = aggregate();
      validateGossipAggregate(ctx, a);
      expectVerdict(() => validateGossipAggregate(ctx, a), "IGNORE", "AGGREGATE_KNOWN");
      ctx.seen.aggregateBits.clear();
      expectVerdict(() => validateGossipAggregate(ctx, a), "IGNORE", "AGGREGATOR_ALREADY_KNOWN");
    });
    it("IGNORE: outside the propagation range; REJECT: target epoch != slot epoch; wrong bits length", () => {
      const a = aggregate();
      const slot = a.message.aggregate.data.slot;
      now = slotStart(slot) - 0.6;
      expectVerdict(() => validateGossipAggregate(ctx, a), "IGNORE", "FUTURE_SLOT");
      now = slotStart(slot + 33) + 1;
      expectVerdict(() => validateGossipAggregate(fresh(), a), "IGNORE", "PAST_SLOT");
      const early = aggregate((m) => {
        m.aggregate = {
          ...m.aggregate,
          data: { ...m.aggregate.data, slot: m.aggregate.data.slot - cfg.SLOTS_PER_EPOCH },
        };
      });
      now = slotStart(slot) + 1;
      expectVerdict(() => validateGossipAggregate(fresh(), early), "REJECT", "BAD_TARGET_EPOCH");
      const long = aggregate((m) => {
        const bits = BitArray.fromBitLen(m.aggregate.aggregationBits.bitLen + 1);
        bits.set(0, true);
        m.aggregate = { ...m.aggregate, aggregationBits: bits };
      });
      expectVerdict(() => validateGossipAggregate(fresh(), long), "REJECT", "WRONG_BITS_LENGTH");
    });
    it("REJECT: a selection proof that does not select its validator (is_aggregator)", () => {
      // committees of 2 make everyone an aggregator with the devnet's TARGET_AGGREGATORS_PER_COMMITTEE (16); with 1,
      // is_aggregator takes the proof's hash modulo 2, so some members are not selected
      const strict = { ...cfg, TARGET_AGGREGATORS_PER_COMMITTEE: 1 };
      const { att, committee, state } = attestation();
      const epoch = att.data.target.epoch;
      const proofOf = (v: number) =>
        bls.sign(
          keys[v]!.secretKey,
          computeSigningRoot(UintNum64, att.data.slot, getDomain(cfg, state, cfg.DOMAIN_SELECTION_PROOF, epoch)),
        );
      const notSelected = [...committee].find((v) => !isAggregator(strict, committee.length, proofOf(v)));
      expect(notSelected, "a committee member not selected as aggregator").to.not.equal(undefined);
      const message = { aggregatorIndex: notSelected!, aggregate: att, selectionProof: proofOf(notSelected!) };
      const domain = getDomain(cfg, state, cfg.DOMAIN_AGGREGATE_AND_PROOF, epoch);
      const signed = {
        message,
        signature: bls.sign(
          keys[notSelected!]!.secretKey,
          computeSigningRoot(cfg.types.AggregateAndProof, message, domain),
        ),
      };
      expectVerdict(() => validateGossipAggregate(fresh({ cfg: strict }), signed), "REJECT", "INVALID_AGGREGATOR");
    });
    it("REJECT: committee index; no participants; aggregator not in committee", () => {
      expectVerdict(
        () =>
          validateGossipAggregate(
            ctx,
            aggregate((m) => (m.aggregate = { ...m.aggregate, data: { ...m.aggregate.data, index: 64 } })),
          ),
        "REJECT",
        "BAD_COMMITTEE_INDEX",
      );
      expectVerdict(
        () =>
          validateGossipAggregate(
            ctx,
            aggregate(
              (m) =>
                (m.aggregate = {
                  ...m.aggregate,
                  aggregationBits: BitArray.fromBitLen(m.aggregate.aggregationBits.bitLen),
                }),
            ),
          ),
        "REJECT",
        "NO_PARTICIPANTS",
      );
      const { committee } = attestation();
      const outsider = [...Array(16).keys()].find((i) => !committee.includes(i))!;
      expectVerdict(
        () =>
          validateGossipAggregate(
            ctx,
            aggregate((m) => (m.aggregatorIndex = outsider)),
          ),
        "REJECT",
        "AGGREGATOR_NOT_IN_COMMITTEE",
      );
    });
    it("REJECT: bad selection proof, bad aggregator signature, bad aggregate signature", () => {
      expectVerdict(
        () =>
          validateGossipAggregate(
            ctx,
            aggregate((m) => (m.selectionProof = m.aggregate.signature)),
          ),
        "REJECT",
        "INVALID_SELECTION_PROOF",
      );
      const { committee } = attestation();
      expectVerdict(
        () =>
          validateGossipAggregate(
            ctx,
            aggregate(() => {}, (committee[0]! + 1) % 16),
          ),
        "REJECT",
        "INVALID_AGGREGATOR_SIGNATURE",
      );
      expectVerdict(
        () =>
          validateGossipAggregate(
            ctx,
            aggregate((m) => (m.aggregate = { ...m.aggregate, signature: m.selectionProof })),
          ),
        "REJECT",
        "INVALID_SIGNATURE",
      );
    });
  });

  describe("voluntary_exit, proposer_slashing, attester_slashing", () => {
    const exit = (validatorIndex: number, epoch: number) => {
      const message = { epoch, validatorIndex };
      const domain = getDomain(cfg, chain.headState(), cfg.DOMAIN_VOLUNTARY_EXIT, epoch);
      return {
        message,
        signature: bls.sign(
          keys[validatorIndex]!.secretKey,
          computeSigningRoot(cfg.types.VoluntaryExit, message, domain),
        ),
      };
    };
    it("voluntary_exit: accepts a valid exit, IGNOREs a second one, REJECTs a future epoch, a bad signature, an unknown index", () => {
      const epoch = Math.floor(chain.headState().slot / cfg.SLOTS_PER_EPOCH);
      validateGossipVoluntaryExit(ctx, exit(3, epoch));
      expectVerdict(() => validateGossipVoluntaryExit(ctx, exit(3, epoch)), "IGNORE", "EXIT_ALREADY_KNOWN");
      expectVerdict(() => validateGossipVoluntaryExit(ctx, exit(4, epoch + 5)), "REJECT", "INVALID_EXIT");
      expectVerdict(
        () => validateGossipVoluntaryExit(ctx, { ...exit(5, epoch), signature: exit(6, epoch).signature }),
        "REJECT",
        "INVALID_EXIT",
      );
      expectVerdict(
        () => validateGossipVoluntaryExit(ctx, { ...exit(5, epoch), message: { epoch, validatorIndex: 99 } }),
        "REJECT",
        "INVALID_EXIT",
      );
    });
    const header = (proposerIndex: number, slot: number, fill: number) => {
      const message = {
        slot,
        proposerIndex,
        parentRoot: new Uint8Array(32).fill(fill),
        stateRoot: new Uint8Array(32),
        bodyRoot: new Uint8Array(32),
      };
      const domain = getDomain(
        cfg,
        chain.headState(),
        cfg.DOMAIN_BEACON_PROPOSER,
        Math.floor(slot / cfg.SLOTS_PER_EPOCH),
      );
      return {
        message,
        signature: bls.sign(
          keys[proposerIndex]!.secretKey,
          computeSigningRoot(cfg.types.BeaconBlockHeader, message, domain),
        ),
      };
    };
    it("proposer_slashing: accepts two signed headers, IGNOREs a repeat, REJECTs equal headers", () => {
      const slot = chain.headState().slot;
      validateGossipProposerSlashing(ctx, { signedHeader1: header(7, slot, 1), signedHeader2: header(7, slot, 2) });
      expectVerdict(
        () =>
          validateGossipProposerSlashing(ctx, { signedHeader1: header(7, slot, 1), signedHeader2: header(7, slot, 3) }),
        "IGNORE",
        "PROPOSER_SLASHING_ALREADY_KNOWN",
      );
      expectVerdict(
        () =>
          validateGossipProposerSlashing(ctx, { signedHeader1: header(8, slot, 1), signedHeader2: header(8, slot, 1) }),
        "REJECT",
        "INVALID_PROPOSER_SLASHING",
      );
    });
    it("attester_slashing: accepts a double vote, IGNOREs it once its validators are seen, REJECTs non-slashable data", () => {
      const { data, state } = attestation();
      const indexed = (d: AttestationData, v: number) => {
        const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_ATTESTER, d.target.epoch);
        return {
          attestingIndices: [v],
          data: d,
          signature: bls.sign(keys[v]!.secretKey, computeSigningRoot(cfg.types.AttestationData, d, domain)),
        };
      };
      const other = { ...data, beaconBlockRoot: new Uint8Array(32).fill(5) };
      const slashing = { attestation1: indexed(data, 9), attestation2: indexed(other, 9) };
      validateGossipAttesterSlashing(ctx, slashing);
      expectVerdict(() => validateGossipAttesterSlashing(ctx, slashing), "IGNORE", "ATTESTER_SLASHING_ALREADY_KNOWN");
      expectVerdict(
        () => validateGossipAttesterSlashing(ctx, { attestation1: indexed(data, 10), attestation2: indexed(data, 10) }),
        "REJECT",
        "INVALID_ATTESTER_SLASHING",
      );
    });
  });
});
