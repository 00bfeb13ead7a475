// One block with a full set of attestations (MAX_ATTESTATIONS aggregates, every committee member's bit set) on a
// benchmark state, processed with and without signature verification.
// Keys: validator i gets the secret key i + 1 (set as its pubkey in the state), so an aggregate signature is one
// signature by the sum of the members' secret keys (mod r): building the block needs no per-member signing.
import { performance } from "node:perf_hooks";
import { BitArray } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import { getBeaconCommittee } from "../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../../consensus/state-transition/accessors/getBeaconProposerIndex.js";
import { getCommitteeCountPerSlot } from "../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import { getDomain } from "../../consensus/state-transition/accessors/getDomain.js";
import { processBlock } from "../../consensus/state-transition/block/processBlock.js";
import { bls } from "../../consensus/state-transition/crypto/bls.js";
import { computeSigningRoot } from "../../consensus/state-transition/misc/computeSigningRoot.js";
import type { Attestation, BeaconBlock, BeaconState } from "../../consensus/types/index.js";
import { UintNum64 } from "../../sdk/ssz/index.js";
import { rootOfSlot } from "./buildState.js";

/** Order of the BLS12-381 scalar field. */
const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;

function secretKeyBytes(scalar: bigint): Uint8Array {
  return Uint8Array.from(Buffer.from(scalar.toString(16).padStart(64, "0"), "hex"));
}

export interface BlockMeasurement {
  attestations: number;
  attesters: number;
  /** processBlock with every signature verified (RANDAO reveal and all aggregates). */
  blockMs: number;
  /** processBlock with signature verification off: the state-transition work alone. */
  blockNoSignaturesMs: number;
}

export interface PreparedBlock {
  block: BeaconBlock;
  attesters: number;
}

/**
 * Builds a block for `state.slot` (which must have earlier slots in its epoch: the block attests to them), and gives
 * the proposer and every attester its benchmark key. Changes pubkeys in `state`: call before hashing the state.
 */
export function prepareBlock(cfg: BeaconConfig, state: BeaconState): PreparedBlock {
  const t = cfg.types;
  const slot = state.slot;
  const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);
  const epochStart = epoch * cfg.SLOTS_PER_EPOCH;
  const withKey = (i: number) => {
    state.validators[i].pubkey = bls.secretKeyToPublicKey(secretKeyBytes(BigInt(i + 1)));
  };

  const proposerIndex = getBeaconProposerIndex(cfg, state);
  withKey(proposerIndex);
  state.latestBlockHeader = {
    slot: slot - 1,
    proposerIndex: 0,
    parentRoot: rootOfSlot(slot - 2),
    stateRoot: rootOfSlot(slot + 5_000_000),
    bodyRoot: rootOfSlot(slot + 6_000_000),
  };

  const attestations: Attestation[] = [];
  let attesters = 0;
  const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_ATTESTER, epoch);
  const committees = getCommitteeCountPerSlot(cfg, state, epoch);
  for (let s = slot - 1; s >= epochStart && attestations.length < cfg.MAX_ATTESTATIONS; s--) {
    for (let index = 0; index < committees && attestations.length < cfg.MAX_ATTESTATIONS; index++) {
      const committee = getBeaconCommittee(cfg, state, s, index);
      let sum = 0n;
      for (const i of committee) {
        withKey(i);
        sum += BigInt(i + 1);
      }
      attesters += committee.length;
      const data = {
        slot: s,
        index,
        beaconBlockRoot: rootOfSlot(s),
        source: state.currentJustifiedCheckpoint,
        target: { epoch, root: rootOfSlot(epochStart) },
      };
      const signingRoot = computeSigningRoot(t.AttestationData, data, domain);
      const aggregationBits = BitArray.fromBoolArray(new Array<boolean>(committee.length).fill(true));
      attestations.push({ aggregationBits, data, signature: bls.sign(secretKeyBytes(sum % R), signingRoot) });
    }
  }
  const randaoRoot = computeSigningRoot(UintNum64, epoch, getDomain(cfg, state, cfg.DOMAIN_RANDAO));
  const block: BeaconBlock = {
    slot,
    proposerIndex,
    parentRoot: t.BeaconBlockHeader.hashTreeRoot(state.latestBlockHeader),
    stateRoot: new Uint8Array(32),
    body: {
      randaoReveal: bls.sign(secretKeyBytes(BigInt(proposerIndex + 1)), randaoRoot),
      eth1Data: state.eth1Data,
      graffiti: new Uint8Array(32),
      proposerSlashings: [],
      attesterSlashings: [],
      attestations,
      deposits: [],
      voluntaryExits: [],
    },
  };

  return { block, attesters };
}

/** Processes the block without, then with signature verification (restoring the state in between). */
export function measureBlock(
  cfg: BeaconConfig,
  state: BeaconState,
  { block, attesters }: PreparedBlock,
): BlockMeasurement {
  const saved = {
    header: state.latestBlockHeader,
    mixes: [...state.randaoMixes],
    votes: state.eth1DataVotes.length,
    current: state.currentEpochAttestations.length,
  };
  const restore = () => {
    state.latestBlockHeader = saved.header;
    state.randaoMixes = [...saved.mixes];
    state.eth1DataVotes.length = saved.votes;
    state.currentEpochAttestations.length = saved.current;
  };
  let t0 = performance.now();
  processBlock(cfg, state, block, false);
  const blockNoSignaturesMs = performance.now() - t0;
  restore();
  t0 = performance.now();
  processBlock(cfg, state, block, true);
  const blockMs = performance.now() - t0;
  return { attestations: block.body.attestations.length, attesters, blockMs, blockNoSignaturesMs };
}
