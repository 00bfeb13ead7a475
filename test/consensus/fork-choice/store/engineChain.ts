// Test support: blocks and attestations built with the real state transition on the minimal preset, signatures
// left empty (the store runs with verifySignatures: false). Genesis is written directly (validators active from
// epoch 0, deposits already counted) instead of going through deposits.
import { BitArray } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { loadBeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { specConfigPath } from "../../../../consensus/params/specConfigPaths.js";
import { getBeaconCommittee } from "../../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getBeaconProposerIndex } from "../../../../consensus/state-transition/accessors/getBeaconProposerIndex.js";
import { getBlockRootAtSlot } from "../../../../consensus/state-transition/accessors/getBlockRootAtSlot.js";
import { getCommitteeCountPerSlot } from "../../../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import { processBlock } from "../../../../consensus/state-transition/block/processBlock.js";
import { processSlots } from "../../../../consensus/state-transition/slot/processSlots.js";
import type { Attestation, BeaconBlock, BeaconState, SignedBeaconBlock } from "../../../../consensus/types/index.js";

export const GENESIS_TIME = 1_700_000_000;

export function minimalConfig(): BeaconConfig {
  return loadBeaconConfig(specConfigPath("v1.0.0", "minimal"));
}

export function genesisState(cfg: BeaconConfig, validatorCount: number): { state: BeaconState; block: BeaconBlock } {
  const { types } = cfg;
  const state = types.BeaconState.defaultValue();
  state.genesisTime = GENESIS_TIME;
  state.fork = { previousVersion: cfg.GENESIS_FORK_VERSION, currentVersion: cfg.GENESIS_FORK_VERSION, epoch: 0 };
  for (let i = 0; i < validatorCount; i++) {
    const pubkey = new Uint8Array(48);
    pubkey[0] = 0x80;
    pubkey.set([i & 0xff, i >> 8], 1);
    state.validators.push({
      pubkey,
      withdrawalCredentials: new Uint8Array(32),
      effectiveBalance: cfg.MAX_EFFECTIVE_BALANCE,
      slashed: false,
      activationEligibilityEpoch: 0,
      activationEpoch: 0,
      exitEpoch: Number.POSITIVE_INFINITY,
      withdrawableEpoch: Number.POSITIVE_INFINITY,
    });
    state.balances.push(cfg.MAX_EFFECTIVE_BALANCE);
  }
  state.eth1Data = { depositRoot: new Uint8Array(32), depositCount: validatorCount, blockHash: new Uint8Array(32) };
  state.eth1DepositIndex = validatorCount;
  state.genesisValidatorsRoot = types.BeaconState.fields.validators.hashTreeRoot(state.validators);
  const body = types.BeaconBlockBody.defaultValue();
  state.latestBlockHeader = {
    slot: 0,
    proposerIndex: 0,
    parentRoot: new Uint8Array(32),
    stateRoot: new Uint8Array(32),
    bodyRoot: types.BeaconBlockBody.hashTreeRoot(body),
  };
  const block: BeaconBlock = {
    slot: 0,
    proposerIndex: 0,
    parentRoot: new Uint8Array(32),
    stateRoot: types.BeaconState.hashTreeRoot(state),
    body,
  };
  return { state, block };
}

/** `state` advanced to `slot` on a copy (unchanged if already there). */
export function stateAtSlot(cfg: BeaconConfig, state: BeaconState, slot: number): BeaconState {
  const copy = cfg.types.BeaconState.clone(state);
  if (copy.slot < slot) processSlots(cfg, copy, slot);
  return copy;
}

/** A valid block on `parentState` (the parent's post-state) at `slot`; `graffiti` tells siblings apart. */
export function buildBlock(
  cfg: BeaconConfig,
  parentState: BeaconState,
  slot: number,
  attestations: Attestation[] = [],
  graffiti = 0,
): { signed: SignedBeaconBlock; postState: BeaconState } {
  const state = stateAtSlot(cfg, parentState, slot);
  const graffitiBytes = new Uint8Array(32);
  graffitiBytes[0] = graffiti;
  const block: BeaconBlock = {
    slot,
    proposerIndex: getBeaconProposerIndex(cfg, state),
    parentRoot: cfg.types.BeaconBlockHeader.hashTreeRoot(state.latestBlockHeader),
    stateRoot: new Uint8Array(32),
    body: {
      randaoReveal: new Uint8Array(96),
      eth1Data: state.eth1Data,
      graffiti: graffitiBytes,
      proposerSlashings: [],
      attesterSlashings: [],
      attestations,
      deposits: [],
      voluntaryExits: [],
    },
  };
  processBlock(cfg, state, block, false);
  block.stateRoot = cfg.types.BeaconState.hashTreeRoot(state);
  return { signed: { message: block, signature: new Uint8Array(96) }, postState: state };
}

/**
 * Attestations of every committee of `slot` (or of the validators kept by `filter`) voting for the block `headRoot`
 * whose post-state is `headState`.
 */
export function buildAttestations(
  cfg: BeaconConfig,
  headState: BeaconState,
  headRoot: Uint8Array,
  slot: number,
  filter: (validatorIndex: number) => boolean = () => true,
): Attestation[] {
  const state = stateAtSlot(cfg, headState, slot);
  const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);
  const startSlot = epoch * cfg.SLOTS_PER_EPOCH;
  const targetRoot = headState.slot <= startSlot ? headRoot : getBlockRootAtSlot(cfg, state, startSlot);
  const out: Attestation[] = [];
  const committees = getCommitteeCountPerSlot(cfg, state, epoch);
  for (let index = 0; index < committees; index++) {
    const committee = getBeaconCommittee(cfg, state, slot, index);
    const bits = BitArray.fromBoolArray(Array.from(committee, (v) => filter(v)));
    if (bits.getTrueBitIndexes().length === 0) continue;
    out.push({
      aggregationBits: bits,
      data: {
        slot,
        index,
        beaconBlockRoot: headRoot,
        source: state.currentJustifiedCheckpoint,
        target: { epoch, root: targetRoot },
      },
      signature: new Uint8Array(96),
    });
  }
  return out;
}

export function blockRoot(cfg: BeaconConfig, signed: SignedBeaconBlock): Uint8Array {
  return cfg.types.BeaconBlock.hashTreeRoot(signed.message);
}

export function hex(root: Uint8Array): string {
  return `0x${Buffer.from(root).toString("hex")}`;
}
