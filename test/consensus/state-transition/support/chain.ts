// Test support: a small phase0 chain (minimal preset) with known keys, and helpers to sign blocks and attestations.
import { BitArray } from "@chainsafe/ssz";
import {
  type BlockContents,
  computeBlockSigningRoot,
  computeRandaoSigningRoot,
  produceBlock,
} from "../../../../consensus/block-production/index.js";
import {
  type BeaconConfig,
  FAR_FUTURE_EPOCH,
  loadBeaconConfig,
  specConfigPath,
} from "../../../../consensus/params/index.js";
import { getBeaconCommittee } from "../../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getBlockRoot } from "../../../../consensus/state-transition/accessors/getBlockRoot.js";
import { getCommitteeCountPerSlot } from "../../../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import { getDomain } from "../../../../consensus/state-transition/accessors/getDomain.js";
import { computeEpochAtSlot } from "../../../../consensus/state-transition/misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../../../../consensus/state-transition/misc/computeSigningRoot.js";
import { computeStartSlotAtEpoch } from "../../../../consensus/state-transition/misc/computeStartSlotAtEpoch.js";
import type { Attestation, BeaconBlock, BeaconState, SignedBeaconBlock } from "../../../../consensus/types/index.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";

export const cfg: BeaconConfig = loadBeaconConfig(specConfigPath("v0.12.3", "minimal"));

/** Secret key i: the scalar i + 1, big-endian (valid and distinct). */
export function secretKey(i: number): Uint8Array {
  const sk = new Uint8Array(32);
  new DataView(sk.buffer).setUint32(28, i + 1);
  return sk;
}

const pubkeys: Uint8Array[] = [];
export function publicKey(i: number): Uint8Array {
  pubkeys[i] ??= bls.secretKeyToPublicKey(secretKey(i));
  return pubkeys[i];
}

/** A genesis state with `n` active validators at MAX_EFFECTIVE_BALANCE (as the spec tests' create_genesis_state). */
export function genesisState(n = 64): BeaconState {
  const { types } = cfg;
  const state = types.BeaconState.defaultValue();
  const blockHash = new Uint8Array(32).fill(0x42);
  state.genesisTime = cfg.MIN_GENESIS_TIME;
  state.fork = { previousVersion: cfg.GENESIS_FORK_VERSION, currentVersion: cfg.GENESIS_FORK_VERSION, epoch: 0 };
  state.eth1Data = { depositRoot: new Uint8Array(32), depositCount: n, blockHash };
  state.eth1DepositIndex = n;
  state.latestBlockHeader = {
    ...types.BeaconBlockHeader.defaultValue(),
    bodyRoot: types.BeaconBlockBody.hashTreeRoot(types.BeaconBlockBody.defaultValue()),
  };
  state.randaoMixes = state.randaoMixes.map(() => Uint8Array.from(blockHash));
  for (let i = 0; i < n; i++) {
    state.validators.push({
      pubkey: publicKey(i),
      withdrawalCredentials: new Uint8Array(32),
      effectiveBalance: cfg.MAX_EFFECTIVE_BALANCE,
      slashed: false,
      activationEligibilityEpoch: 0,
      activationEpoch: 0,
      exitEpoch: FAR_FUTURE_EPOCH,
      withdrawableEpoch: FAR_FUTURE_EPOCH,
    });
    state.balances.push(cfg.MAX_EFFECTIVE_BALANCE);
  }
  state.genesisValidatorsRoot = types.BeaconState.fields.validators.hashTreeRoot(state.validators);
  return state;
}

/** Produces and signs the block for `slot` on `state` with the given attestations (or other contents). */
export function signedBlockAt(
  state: BeaconState,
  slot: number,
  attestations: Attestation[] = [],
  contents: Omit<BlockContents, "randaoReveal" | "attestations"> = {},
): SignedBeaconBlock {
  const probe = produceBlock(cfg, state, slot, { ...contents, randaoReveal: new Uint8Array(96) }, false);
  const proposer = probe.block.proposerIndex;
  const randaoReveal = bls.sign(secretKey(proposer), computeRandaoSigningRoot(cfg, probe.postState, slot));
  const { block, postState } = produceBlock(cfg, state, slot, { ...contents, randaoReveal, attestations });
  const signature = bls.sign(secretKey(proposer), computeBlockSigningRoot(cfg, postState, block));
  return { message: block, signature };
}

/** Signs `block` with its proposer's key (after a test edited it). */
export function resign(state: BeaconState, block: BeaconBlock): SignedBeaconBlock {
  return {
    message: block,
    signature: bls.sign(secretKey(block.proposerIndex), computeBlockSigningRoot(cfg, state, block)),
  };
}

/** Full-participation attestations for every committee of `state.slot` (the state right after that slot's block). */
export function attestationsFor(state: BeaconState): Attestation[] {
  const { types } = cfg;
  const slot = state.slot;
  const epoch = computeEpochAtSlot(cfg, slot);
  const header = types.BeaconBlockHeader.clone(state.latestBlockHeader);
  header.stateRoot = types.BeaconState.hashTreeRoot(state);
  const headRoot = types.BeaconBlockHeader.hashTreeRoot(header);
  const targetRoot = computeStartSlotAtEpoch(cfg, epoch) === slot ? headRoot : getBlockRoot(cfg, state, epoch);
  const out: Attestation[] = [];
  for (let index = 0; index < getCommitteeCountPerSlot(cfg, state, epoch); index++) {
    const committee = getBeaconCommittee(cfg, state, slot, index);
    const data = {
      slot,
      index,
      beaconBlockRoot: headRoot,
      source: types.Checkpoint.clone(state.currentJustifiedCheckpoint),
      target: { epoch, root: targetRoot },
    };
    const signingRoot = computeSigningRoot(
      types.AttestationData,
      data,
      getDomain(cfg, state, cfg.DOMAIN_BEACON_ATTESTER, epoch),
    );
    const signatures = Array.from(committee, (v) => bls.sign(secretKey(v), signingRoot));
    const aggregationBits = BitArray.fromBoolArray(Array.from(committee, () => true));
    out.push({ aggregationBits, data, signature: bls.aggregateSignatures(signatures) });
  }
  return out;
}
