// A full phase0 block through stateTransition on the benchmark state (mainnet preset): MAX_ATTESTATIONS (128)
// aggregates with every committee member's bit set, MAX_DEPOSITS (16) new validators with valid deposit proofs and
// proofs of possession, MAX_VOLUNTARY_EXITS (16) signed exits, the RANDAO reveal and the proposer's signature. Timed with
// and without signature verification, each including the copy of the pre-state, process_slot of the parent slot, the
// block and the post-state root check.
// Keys: validator i gets the secret key i + 1 (set as its pubkey before the state is first hashed), so an aggregate is
// one signature by the sum of the members' secret keys (mod r): building the block needs no per-member signing.
import { performance } from "node:perf_hooks";
import { BitArray } from "@chainsafe/ssz";
import { produceBlock } from "../../../consensus/block-production/produceBlock.js";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import { getBeaconCommittee } from "../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../../../consensus/state-transition/accessors/getBeaconProposerIndex.js";
import { getBlockRootAtSlot } from "../../../consensus/state-transition/accessors/getBlockRootAtSlot.js";
import { getCommitteeCountPerSlot } from "../../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import { getDomain } from "../../../consensus/state-transition/accessors/getDomain.js";
import { getBlockSignatureSets } from "../../../consensus/state-transition/block/getBlockSignatureSets.js";
import { getDepositSignatureSets } from "../../../consensus/state-transition/block/getDepositSignatureSets.js";
import { cloneBeaconState } from "../../../consensus/state-transition/caches/cloneBeaconState.js";
import { hashBeaconState } from "../../../consensus/state-transition/caches/stateRoot.js";
import { bls } from "../../../consensus/state-transition/crypto/bls.js";
import { verifyAggregateSignatureSets } from "../../../consensus/state-transition/crypto/verifyAggregateSignatureSets.js";
import { computeDomain } from "../../../consensus/state-transition/misc/computeDomain.js";
import { computeSigningRoot } from "../../../consensus/state-transition/misc/computeSigningRoot.js";
import { processSlots } from "../../../consensus/state-transition/slot/processSlots.js";
import { stateTransition } from "../../../consensus/state-transition/stateTransition.js";
import type {
  Attestation,
  BeaconState,
  Deposit,
  SignedBeaconBlock,
  SignedVoluntaryExit,
} from "../../../consensus/types/index.js";
import { DepositTree } from "../../../sdk/deposit-tree/index.js";
import { UintNum64 } from "../../../sdk/ssz/index.js";

/** Order of the BLS12-381 scalar field. */
const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
const secretKey = (scalar: bigint) => Uint8Array.from(Buffer.from(scalar.toString(16).padStart(64, "0"), "hex"));
const keyOf = (index: number) => secretKey(BigInt(index + 1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export interface FullBlockMeasurement {
  attestations: number;
  attesters: number;
  deposits: number;
  voluntaryExits: number;
  /** stateTransition without signature checks (median ms). */
  noSignatures: number;
  /** stateTransition with every signature checked in one batch (median ms). */
  withSignatures: number;
  /** The signature batches alone, as stateTransition makes them (the block's sets, the deposits' sets; median ms). */
  signatureBatch: number;
  runs: { noSignatures: number[]; withSignatures: number[]; signatureBatch: number[] };
}

/**
 * `pre`: a freshly deserialized, never hashed benchmark state at the last slot of an epoch E >= SHARD_COMMITTEE_PERIOD.
 * The block is for the second slot of E+1 (its parent state: E+1's first slot, after the epoch transition).
 */
export function measureFullBlock(cfg: BeaconConfig, pre: BeaconState, repeats = 9): FullBlockMeasurement {
  const { parent, signed, attesters } = prepareFullBlock(cfg, pre);
  const runs = { noSignatures: [] as number[], withSignatures: [] as number[], signatureBatch: [] as number[] };
  const atSlot = cloneBeaconState(cfg, parent);
  processSlots(cfg, atSlot, signed.message.slot);
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const sets = getBlockSignatureSets(cfg, atSlot, signed, true);
    const valid =
      verifyAggregateSignatureSets(sets) &&
      verifyAggregateSignatureSets(getDepositSignatureSets(cfg, signed.message.body));
    runs.signatureBatch.push(performance.now() - t0);
    if (!valid) throw new Error("the block's signatures do not verify in their batches");
    for (const verifySignatures of [false, true]) {
      const t0 = performance.now();
      const post = stateTransition(cfg, parent, signed, true, { verifySignatures });
      runs[verifySignatures ? "withSignatures" : "noSignatures"].push(performance.now() - t0);
      if (post.validators.length !== parent.validators.length + cfg.MAX_DEPOSITS) {
        throw new Error("the block's deposits did not all add a validator");
      }
    }
  }
  const body = signed.message.body;
  return {
    attestations: body.attestations.length,
    attesters,
    deposits: body.deposits.length,
    voluntaryExits: body.voluntaryExits.length,
    noSignatures: median(runs.noSignatures),
    withSignatures: median(runs.withSignatures),
    signatureBatch: median(runs.signatureBatch),
    runs,
  };
}

/** The full block's parent state (as a node holds its head state) and the signed block, built from `pre`. */
export function prepareFullBlock(
  cfg: BeaconConfig,
  pre: BeaconState,
): { parent: BeaconState; signed: SignedBeaconBlock; attesters: number } {
  const t = cfg.types;
  const parentSlot = pre.slot + 2;
  const slot = parentSlot + 1;
  const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);

  // Who signs: found on a throwaway copy advanced to the block's slot.
  const ahead = cloneBeaconState(cfg, pre);
  processSlots(cfg, ahead, slot);
  const proposerIndex = getBeaconProposerIndex(cfg, ahead);
  const committees: { slot: number; index: number; members: Uint32Array }[] = [];
  for (let s = slot - 1; s >= slot - cfg.SLOTS_PER_EPOCH && committees.length < cfg.MAX_ATTESTATIONS; s--) {
    const count = getCommitteeCountPerSlot(cfg, ahead, Math.floor(s / cfg.SLOTS_PER_EPOCH));
    for (let index = 0; index < count && committees.length < cfg.MAX_ATTESTATIONS; index++) {
      committees.push({ slot: s, index, members: getBeaconCommittee(cfg, ahead, s, index) });
    }
  }
  const exiting = Array.from({ length: cfg.MAX_VOLUNTARY_EXITS }, (_, i) => 1000 + 7 * i);
  const keyed = new Set<number>([proposerIndex, ...exiting]);
  for (const c of committees) for (const i of c.members) keyed.add(i);
  // Pubkeys are set before the first hash of `pre` (they never change in phase0, so nothing records them)
  for (const i of keyed) pre.validators[i].pubkey = bls.secretKeyToPublicKey(keyOf(i));

  hashBeaconState(cfg, pre);
  const parent = cloneBeaconState(cfg, pre);
  processSlots(cfg, parent, parentSlot);

  // Deposits: the next MAX_DEPOSITS leaves of a deposit tree that the state's eth1 data now commits to.
  const tree = DepositTree.empty();
  const depositData = Array.from({ length: cfg.MAX_DEPOSITS }, (_, j) => {
    const sk = keyOf(pre.validators.length + j);
    const message = {
      pubkey: bls.secretKeyToPublicKey(sk),
      withdrawalCredentials: new Uint8Array(32),
      amount: cfg.MAX_EFFECTIVE_BALANCE,
    };
    const root = computeSigningRoot(t.DepositMessage, message, computeDomain(cfg, cfg.DOMAIN_DEPOSIT));
    const data = { ...message, signature: bls.sign(sk, root) };
    tree.push(t.DepositData.hashTreeRoot(data));
    return data;
  });
  parent.eth1Data = { depositRoot: tree.getRoot(), depositCount: cfg.MAX_DEPOSITS, blockHash: new Uint8Array(32) };
  parent.eth1DepositIndex = 0;
  const deposits: Deposit[] = depositData.map((data, j) => ({ proof: tree.getProof(j).branch, data }));

  const attestations: Attestation[] = [];
  let attesters = 0;
  for (const c of committees) {
    const targetEpoch = Math.floor(c.slot / cfg.SLOTS_PER_EPOCH);
    const data = {
      slot: c.slot,
      index: c.index,
      beaconBlockRoot: getBlockRootAtSlot(cfg, ahead, c.slot),
      source: targetEpoch === epoch ? parent.currentJustifiedCheckpoint : parent.previousJustifiedCheckpoint,
      target: { epoch: targetEpoch, root: getBlockRootAtSlot(cfg, ahead, targetEpoch * cfg.SLOTS_PER_EPOCH) },
    };
    let sum = 0n;
    for (const i of c.members) sum += BigInt(i + 1);
    attesters += c.members.length;
    const root = computeSigningRoot(
      t.AttestationData,
      data,
      getDomain(cfg, parent, cfg.DOMAIN_BEACON_ATTESTER, targetEpoch),
    );
    const aggregationBits = BitArray.fromBoolArray(new Array<boolean>(c.members.length).fill(true));
    attestations.push({ aggregationBits, data, signature: bls.sign(secretKey(sum % R), root) });
  }

  const voluntaryExits: SignedVoluntaryExit[] = exiting.map((validatorIndex) => {
    const message = { epoch, validatorIndex };
    const root = computeSigningRoot(t.VoluntaryExit, message, getDomain(cfg, parent, cfg.DOMAIN_VOLUNTARY_EXIT, epoch));
    return { message, signature: bls.sign(keyOf(validatorIndex), root) };
  });

  const randaoRoot = computeSigningRoot(UintNum64, epoch, getDomain(cfg, ahead, cfg.DOMAIN_RANDAO));
  const { block } = produceBlock(
    cfg,
    parent,
    slot,
    {
      randaoReveal: bls.sign(keyOf(proposerIndex), randaoRoot),
      eth1Data: parent.eth1Data,
      attestations,
      deposits,
      voluntaryExits,
    },
    true,
  );
  const blockRoot = computeSigningRoot(t.BeaconBlock, block, getDomain(cfg, ahead, cfg.DOMAIN_BEACON_PROPOSER));
  const signed = { message: block, signature: bls.sign(keyOf(proposerIndex), blockRoot) };
  // As a node holds its head state: hashed, and the committees of its epochs known (it checked attestations with them)
  hashBeaconState(cfg, parent);
  for (const e of [epoch - 1, epoch]) getBeaconCommittee(cfg, parent, e * cfg.SLOTS_PER_EPOCH, 0);

  return { parent, signed, attesters };
}
