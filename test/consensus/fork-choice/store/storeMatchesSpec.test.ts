// The Store handlers over real blocks and states against the literal spec transcription (oracle/): random forks,
// skipped slots, block-included and wire attestations, slashings and clocks, driven by a seeded generator. The oracle
// gets its block states from the engine and computes pulled-up tips and checkpoint states itself, as the spec does.
import { expect } from "chai";
import { ForkChoiceError } from "../../../../consensus/fork-choice/errors.js";
import {
  type ForkChoiceStore,
  getForkchoiceStore,
  getHead,
  onAttestation,
  onAttesterSlashing,
  onBlock,
  onTick,
} from "../../../../consensus/fork-choice/store/index.js";
import type { BeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { getIndexedAttestation } from "../../../../consensus/state-transition/accessors/getIndexedAttestation.js";
import { processJustificationAndFinalization } from "../../../../consensus/state-transition/epoch/processJustificationAndFinalization.js";
import { processSlots } from "../../../../consensus/state-transition/slot/processSlots.js";
import type { Attestation, BeaconState } from "../../../../consensus/types/index.js";
import * as spec from "../oracle/specForkChoice.js";
import {
  blockRoot,
  buildAttestations,
  buildBlock,
  GENESIS_TIME,
  genesisState,
  hex,
  minimalConfig,
} from "./engineChain.js";

const VALIDATORS = 64;

function checkpointOf(c: { epoch: number; root: Uint8Array }): spec.Checkpoint {
  return { epoch: c.epoch, root: hex(c.root) };
}

/** Runs `call` on the store and `oracleCall` on the oracle; both must accept or both reject. */
function both(what: string, call: () => void, oracleCall: () => void): boolean {
  let storeError: unknown;
  let oracleError: unknown;
  try {
    call();
  } catch (e) {
    if (!(e instanceof ForkChoiceError)) throw e;
    storeError = e;
  }
  try {
    oracleCall();
  } catch (e) {
    oracleError = e;
  }
  expect(storeError === undefined, `${what}: store ${String(storeError)} / oracle ${String(oracleError)}`).to.equal(
    oracleError === undefined,
  );
  return storeError === undefined;
}

function run(cfg: BeaconConfig, seed: number, pruneAtFinality: boolean, slots: number): void {
  const int = seededInts(seed);
  const genesis = genesisState(cfg, VALIDATORS);
  const store: ForkChoiceStore = getForkchoiceStore(cfg, genesis.state, genesis.block, {
    verifySignatures: false,
    pruneAtFinality,
  });
  const genesisRoot = hex(blockRoot(cfg, { message: genesis.block, signature: new Uint8Array(96) }));
  const states = new Map<string, BeaconState>([[genesisRoot, genesis.state]]);
  const checkpointStates = new Map<string, BeaconState>();
  const checkpointState = (c: spec.Checkpoint): BeaconState => {
    const key = `${c.epoch}:${c.root}`;
    let state = checkpointStates.get(key);
    if (state === undefined) {
      state = cfg.types.BeaconState.clone(states.get(c.root)!);
      const startSlot = c.epoch * cfg.SLOTS_PER_EPOCH;
      if (state.slot < startSlot) processSlots(cfg, state, startSlot);
      checkpointStates.set(key, state);
    }
    return state;
  };
  const oracle = spec.getForkchoiceStore(
    { ...cfg, PROPOSER_SCORE_BOOST: 40 },
    {
      root: genesisRoot,
      slot: 0,
      parentRoot: hex(genesis.block.parentRoot),
      state: {
        currentJustifiedCheckpoint: checkpointOf(genesis.state.currentJustifiedCheckpoint),
        finalizedCheckpoint: checkpointOf(genesis.state.finalizedCheckpoint),
      },
      epoch: 0,
    },
    GENESIS_TIME,
    (c) => {
      const state = checkpointState(c);
      return {
        currentEpoch: Math.floor(state.slot / cfg.SLOTS_PER_EPOCH),
        validators: state.validators.map((v) => ({
          effectiveBalance: BigInt(v.effectiveBalance),
          activationEpoch: v.activationEpoch,
          exitEpoch: v.exitEpoch,
          slashed: v.slashed,
        })),
      };
    },
  );

  const roots: string[] = [genesisRoot];
  for (let slot = 1; slot <= slots; slot++) {
    const time = GENESIS_TIME + slot * cfg.SECONDS_PER_SLOT + int(cfg.SECONDS_PER_SLOT);
    both(
      `tick ${time}`,
      () => onTick(store, time),
      () => spec.onTick(oracle, time),
    );

    // a block most slots, usually on the head, sometimes on an older block (forks)
    if (int(16) > 0) {
      const head = getHead(store);
      const parentRoot = int(8) === 0 ? roots[roots.length - 1 - int(Math.min(4, roots.length))] : head;
      const parentState = states.get(parentRoot);
      if (parentState !== undefined && parentState.slot < slot) {
        // votes of the previous slot's committees for the parent, included in the block
        const included =
          parentState.slot === slot - 1
            ? buildAttestations(cfg, parentState, Buffer.from(parentRoot.slice(2), "hex"), slot - 1)
            : [];
        const { signed, postState } = buildBlock(cfg, parentState, slot, included, int(256));
        const root = hex(blockRoot(cfg, signed));
        const pulled = cfg.types.BeaconState.clone(postState);
        processJustificationAndFinalization(cfg, pulled);
        const accepted = both(
          `block ${slot}`,
          () => onBlock(store, signed),
          () =>
            spec.onBlock(
              oracle,
              { root, slot, parentRoot },
              {
                currentJustifiedCheckpoint: checkpointOf(postState.currentJustifiedCheckpoint),
                finalizedCheckpoint: checkpointOf(postState.finalizedCheckpoint),
              },
              {
                currentJustifiedCheckpoint: checkpointOf(pulled.currentJustifiedCheckpoint),
                finalizedCheckpoint: checkpointOf(pulled.finalizedCheckpoint),
              },
            ),
        );
        if (accepted) {
          states.set(root, postState);
          roots.push(root);
          for (const attestation of included) feedAttestation(attestation, true);
        }
      }
    }

    // wire attestations of the previous slot for random known blocks, from random parts of the committees
    for (let k = int(3); k > 0; k--) {
      const voted = roots[roots.length - 1 - int(Math.min(5, roots.length))];
      const state = states.get(voted)!;
      if (state.slot > slot - 1) continue;
      // a pruning store refuses votes whose target state it dropped (documented in ForkChoiceStoreOptions)
      if (pruneAtFinality && !store.blocks.has(voted)) continue;
      const part = int(4);
      for (const attestation of buildAttestations(
        cfg,
        state,
        Buffer.from(voted.slice(2), "hex"),
        slot - 1,
        (v) => v % 4 === part,
      )) {
        feedAttestation(attestation, false);
      }
    }

    // now and then, two validators of the previous slot equivocate
    if (int(6) === 0 && roots.length > 3) {
      slash(slot - 1);
    }

    const storeHead = getHead(store);
    expect(storeHead, `head at slot ${slot}`).to.equal(spec.getHead(oracle));
    expect(store.forkChoice.justifiedCheckpoint).to.deep.equal(oracle.justifiedCheckpoint);
    expect(store.forkChoice.finalizedCheckpoint).to.deep.equal(oracle.finalizedCheckpoint);
  }

  function feedAttestation(attestation: Attestation, isFromBlock: boolean): void {
    const data = attestation.data;
    const vote = { slot: data.slot, beaconBlockRoot: hex(data.beaconBlockRoot), target: checkpointOf(data.target) };
    both(
      `attestation slot ${data.slot}`,
      () => onAttestation(store, attestation, isFromBlock),
      () => {
        spec.validateOnAttestation(oracle, vote, isFromBlock);
        const indexed = getIndexedAttestation(cfg, checkpointState(vote.target), attestation);
        spec.updateLatestMessages(oracle, indexed.attestingIndices, vote);
      },
    );
  }

  function slash(slot: number): void {
    const a = roots[roots.length - 2];
    const b = roots[roots.length - 3];
    const stateA = states.get(a)!;
    const stateB = states.get(b)!;
    if (stateA.slot > slot || stateB.slot > slot) return;
    const pick = (v: number) => v % 16 === 1;
    const attsA = buildAttestations(cfg, stateA, Buffer.from(a.slice(2), "hex"), slot, pick);
    const attsB = buildAttestations(cfg, stateB, Buffer.from(b.slice(2), "hex"), slot, pick);
    const justifiedState = states.get(store.forkChoice.justifiedCheckpoint.root)!;
    for (const attA of attsA) {
      const attB = attsB.find((x) => x.data.index === attA.data.index);
      if (attB === undefined || cfg.types.AttestationData.equals(attA.data, attB.data)) continue;
      const slashing = {
        attestation1: getIndexedAttestation(cfg, checkpointState(checkpointOf(attA.data.target)), attA),
        attestation2: getIndexedAttestation(cfg, checkpointState(checkpointOf(attB.data.target)), attB),
      };
      if (slashing.attestation1.attestingIndices.some((i) => i >= justifiedState.validators.length)) continue;
      both(
        "attester slashing",
        () => onAttesterSlashing(store, slashing),
        () =>
          spec.onAttesterSlashingIndices(
            oracle,
            slashing.attestation1.attestingIndices,
            slashing.attestation2.attestingIndices,
          ),
      );
    }
  }
}

/** Deterministic integers in [0, max) from a seed (mulberry32). */
function seededInts(seed: number): (max: number) => number {
  let a = seed >>> 0;
  return (max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

describe("fork choice Store vs the spec oracle over real blocks (minimal preset)", function () {
  this.timeout(120_000);
  let cfg: BeaconConfig;
  before(() => {
    cfg = minimalConfig();
  });
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: same head, justified and finalized checkpoints every slot (every block kept)`, () => {
      run(cfg, seed, false, 7 * 8);
    });
  }
  for (const seed of [7, 8, 9]) {
    it(`seed ${seed}: the same with pruning at finality`, () => {
      run(cfg, seed, true, 7 * 8);
    });
  }
});
