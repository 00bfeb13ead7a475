import { BitArray } from "@chainsafe/ssz";
import { expect } from "chai";
import fc from "fast-check";
import { getActiveValidatorIndices } from "../../../consensus/state-transition/accessors/getActiveValidatorIndices.js";
import { getBeaconCommittee } from "../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import { getSeed } from "../../../consensus/state-transition/accessors/getSeed.js";
import { cloneBeaconState } from "../../../consensus/state-transition/caches/cloneBeaconState.js";
import {
  pushListItem,
  setListItem,
  writableList,
  writableValidator,
} from "../../../consensus/state-transition/caches/copyOnWrite.js";
import {
  forgetShuffling,
  getEpochShuffling,
  prepareEpochShuffling,
} from "../../../consensus/state-transition/caches/epochShuffling.js";
import {
  findValidatorIndex,
  recordValidatorPubkey,
  sharePubkeyIndex,
} from "../../../consensus/state-transition/caches/pubkeyIndex.js";
import { hashBeaconState } from "../../../consensus/state-transition/caches/stateRoot.js";
import { computeCommittee } from "../../../consensus/state-transition/misc/computeCommittee.js";
import { processSlots } from "../../../consensus/state-transition/slot/processSlots.js";
import type { BeaconState } from "../../../consensus/types/index.js";
import { cfg, genesisState } from "./support/chain.js";

const { types } = cfg;
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("state-transition caches", function () {
  this.timeout(60_000);

  describe("incremental state root", () => {
    type Edit = (s: BeaconState, k: number) => void;
    const edits: Edit[] = [
      (s, k) => {
        s.slot += 1 + (k % 3);
      },
      (s, k) => {
        const i = k % s.balances.length;
        setListItem(s, "balances", i, s.balances[i] + k + 1);
      },
      (s, k) => {
        writableValidator(s, k % s.validators.length).exitEpoch = 10 + k;
      },
      (s, k) => {
        const v = writableValidator(s, k % s.validators.length);
        v.slashed = !v.slashed;
      },
      (s, k) => {
        setListItem(s, "randaoMixes", k % s.randaoMixes.length, new Uint8Array(32).fill(k % 256));
      },
      (s, k) => {
        setListItem(s, "blockRoots", k % s.blockRoots.length, new Uint8Array(32).fill((k * 7) % 256));
      },
      (s, k) => {
        const i = k % s.slashings.length;
        setListItem(s, "slashings", i, s.slashings[i] + 1e9);
      },
      (s, k) => {
        pushListItem(s, "eth1DataVotes", {
          depositRoot: new Uint8Array(32).fill(k % 256),
          depositCount: k,
          blockHash: new Uint8Array(32),
        });
      },
      (s) => {
        s.eth1DataVotes = [];
      },
      (s, k) => {
        pushListItem(s, "currentEpochAttestations", {
          aggregationBits: BitArray.fromBoolArray([true, k % 2 === 0]),
          data: { ...types.AttestationData.defaultValue(), slot: k },
          inclusionDelay: 1,
          proposerIndex: k % 8,
        });
      },
      (s, k) => {
        const list = s.currentEpochAttestations;
        const i = k % list.length;
        if (list.length > 0) setListItem(s, "currentEpochAttestations", i, { ...list[i], inclusionDelay: 2 + k });
      },
      (s) => {
        s.previousEpochAttestations = s.currentEpochAttestations;
        s.currentEpochAttestations = [];
      },
      (s, k) => {
        pushListItem(s, "previousEpochAttestations", {
          aggregationBits: BitArray.fromBoolArray([k % 3 === 0, true, true]),
          data: { ...types.AttestationData.defaultValue(), index: k },
          inclusionDelay: 1 + (k % 4),
          proposerIndex: k % 5,
        });
      },
      (s, k) => {
        // epoch processing: every balance rewritten (the balances tree is rebuilt, ./balancesTree.ts)
        const balances = writableList(s, "balances");
        for (let i = 0; i < balances.length; i++) balances[i] += (k * (i + 1)) % 1000;
      },
      (s, k) => {
        const v = types.Validator.clone(s.validators[0]);
        v.pubkey = new Uint8Array(48).fill(k % 256);
        pushListItem(s, "validators", v);
        pushListItem(s, "balances", k);
      },
      (s, k) => {
        s.justificationBits.set(k % 4, !s.justificationBits.get(k % 4));
      },
      (s, k) => {
        s.finalizedCheckpoint = { epoch: k, root: new Uint8Array(32).fill(3) };
      },
      (s, k) => {
        pushListItem(s, "historicalRoots", new Uint8Array(32).fill(k % 256));
      },
      (s, k) => {
        s.latestBlockHeader.stateRoot = new Uint8Array(32).fill(k % 256);
      },
    ];

    // The lists are written through the copy-on-write helpers (as the state transition does); the small fields by hand.
    it("equals hash_tree_root of the value after any sequence of edits and copies; a copy's edits leave the original as it was", () => {
      const base = genesisState(16);
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat(1000)), { maxLength: 4 }), {
            minLength: 1,
            maxLength: 5,
          }),
          (rounds) => {
            let state = types.BeaconState.clone(base);
            const originals: [BeaconState, string][] = [];
            for (const [r, round] of rounds.entries()) {
              if (r % 2 === 1) {
                // every other round edits an O(1) copy; the state it was copied from must not change
                originals.push([state, hex(hashBeaconState(cfg, state))]);
                state = cloneBeaconState(cfg, state);
              }
              for (const [e, k] of round) edits[e](state, k);
              expect(hex(hashBeaconState(cfg, state))).to.equal(hex(types.BeaconState.hashTreeRoot(state)));
            }
            for (const [original, root] of originals) {
              expect(hex(types.BeaconState.hashTreeRoot(original))).to.equal(root);
              expect(hex(hashBeaconState(cfg, original))).to.equal(root);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe("incremental state root across the attestation rotation", () => {
    it("hashes the previous epoch's list from the moved current one, with what was appended to it since", () => {
      const pending = (k: number) => ({
        aggregationBits: BitArray.fromBoolArray([true, k % 2 === 0, k % 3 === 0]),
        data: { ...types.AttestationData.defaultValue(), slot: k, index: k % 4 },
        inclusionDelay: 1 + (k % 3),
        proposerIndex: k % 7,
      });
      for (const copyFirst of [false, true]) {
        for (const appended of [0, 1, 3]) {
          let state = genesisState(16);
          for (let k = 0; k < 5; k++) pushListItem(state, "currentEpochAttestations", pending(k));
          hashBeaconState(cfg, state);
          if (copyFirst) state = cloneBeaconState(cfg, state); // the lists shared: the first push copies
          state.previousEpochAttestations = state.currentEpochAttestations; // process_final_updates
          state.currentEpochAttestations = [];
          for (let k = 0; k < appended; k++) pushListItem(state, "previousEpochAttestations", pending(10 + k));
          pushListItem(state, "currentEpochAttestations", pending(20));
          expect(hex(hashBeaconState(cfg, state)), `copy ${copyFirst}, ${appended} appended`).to.equal(
            hex(types.BeaconState.hashTreeRoot(state)),
          );
        }
      }
    });
  });

  describe("shuffling cache", () => {
    it("gives each fork its own committees when seeds match but active sets differ", () => {
      const a = genesisState(64);
      const b = types.BeaconState.clone(a);
      for (let i = 0; i < 10; i++) writableValidator(b, i).exitEpoch = 0; // exited on fork b only
      expect(hex(getSeed(cfg, a, 0, cfg.DOMAIN_BEACON_ATTESTER))).to.equal(
        hex(getSeed(cfg, b, 0, cfg.DOMAIN_BEACON_ATTESTER)),
      );
      for (const state of [a, b, a]) {
        const active = getActiveValidatorIndices(cfg, state, 0);
        const seed = getSeed(cfg, state, 0, cfg.DOMAIN_BEACON_ATTESTER);
        const perSlot = getCommitteeCountPerSlot(cfg, state, 0);
        const count = perSlot * cfg.SLOTS_PER_EPOCH;
        for (let slot = 0; slot < cfg.SLOTS_PER_EPOCH; slot++) {
          for (let index = 0; index < perSlot; index++) {
            const expected = computeCommittee(cfg, active, seed, slot * perSlot + index, count);
            expect(Array.from(getBeaconCommittee(cfg, state, slot, index))).to.deep.equal(expected);
          }
        }
      }
      expect(getActiveValidatorIndices(cfg, b, 0)).to.have.length(54);
    });

    it("computes the shuffling of epoch E + 2 off the main thread from the last slot of E, as the transition then needs", async () => {
      const state = genesisState(300);
      for (let i = 0; i < 7; i++) writableValidator(state, 3 * i).exitEpoch = 3; // leave before epoch 3
      processSlots(cfg, state, 2 * cfg.SLOTS_PER_EPOCH - 1); // last slot of epoch 1
      const epoch = 3;
      const seed = getSeed(cfg, state, epoch, cfg.DOMAIN_BEACON_ATTESTER);
      forgetShuffling(cfg, seed);
      const ahead = prepareEpochShuffling(cfg, state, epoch);
      expect(prepareEpochShuffling(cfg, state, epoch)).to.equal(ahead); // one computation per seed and active set
      processSlots(cfg, state, 2 * cfg.SLOTS_PER_EPOCH); // over the boundary: epoch 2, whose next epoch is 3
      await ahead;
      const shuffling = getEpochShuffling(cfg, state, epoch);
      // the one computed ahead: a copy without per-state caches gets the same array from the process-wide cache
      expect(getEpochShuffling(cfg, types.BeaconState.clone(state), epoch).shuffled).to.equal(shuffling.shuffled);
      const active = getActiveValidatorIndices(cfg, state, epoch);
      expect(active).to.have.length(293);
      expect(hex(getSeed(cfg, state, epoch, cfg.DOMAIN_BEACON_ATTESTER))).to.equal(hex(seed));
      const perSlot = getCommitteeCountPerSlot(cfg, state, epoch);
      const count = perSlot * cfg.SLOTS_PER_EPOCH;
      for (let slot = epoch * cfg.SLOTS_PER_EPOCH; slot < (epoch + 1) * cfg.SLOTS_PER_EPOCH; slot++) {
        for (let index = 0; index < perSlot; index++) {
          const expected = computeCommittee(cfg, active, seed, (slot % cfg.SLOTS_PER_EPOCH) * perSlot + index, count);
          expect(Array.from(getBeaconCommittee(cfg, state, slot, index))).to.deep.equal(expected);
        }
      }
    });
  });

  describe("pubkey index", () => {
    it("finds validators, and falls back to a scan when a sibling fork left a stale hint", () => {
      const parent = genesisState(8);
      expect(findValidatorIndex(parent, parent.validators[5].pubkey)).to.equal(5);
      const key = new Uint8Array(48).fill(9);
      const forkA = types.BeaconState.clone(parent);
      const forkB = types.BeaconState.clone(parent);
      sharePubkeyIndex(parent, forkA);
      sharePubkeyIndex(parent, forkB);
      // fork A appends an unrelated validator first, then `key`; fork B appends `key` directly
      for (const [state, keys] of [
        [forkB, [key]],
        [forkA, [new Uint8Array(48).fill(7), key]],
      ] as const) {
        for (const k of keys) {
          const v = types.Validator.clone(parent.validators[0]);
          v.pubkey = k;
          pushListItem(state, "validators", v);
          pushListItem(state, "balances", 1);
          recordValidatorPubkey(state, k, state.validators.length - 1);
        }
      }
      expect(findValidatorIndex(forkA, key)).to.equal(9);
      expect(findValidatorIndex(forkB, key)).to.equal(8);
      expect(findValidatorIndex(parent, key)).to.equal(undefined);
    });

    it("finds every key of a registry indexed in part at build time and in part by appends (the table regrows)", () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.uint8Array({ minLength: 48, maxLength: 48 }), {
            minLength: 1,
            maxLength: 300,
            selector: (k) => hex(k),
          }),
          fc.nat(300),
          (keys, builtAt) => {
            const state = genesisState(8);
            const n = state.validators.length;
            const known = new Set(state.validators.map((v) => hex(v.pubkey)));
            const fresh = keys.filter((k) => !known.has(hex(k)));
            const append = (k: Uint8Array) => {
              const v = types.Validator.clone(state.validators[0]);
              v.pubkey = k;
              pushListItem(state, "validators", v);
              pushListItem(state, "balances", 1);
              recordValidatorPubkey(state, k, state.validators.length - 1);
            };
            const split = Math.min(builtAt, fresh.length);
            fresh.slice(0, split).forEach(append); // before the first lookup: indexed by the build
            const absent = new Uint8Array(48).fill(0xee);
            if (!keys.some((k) => hex(k) === hex(absent))) {
              expect(findValidatorIndex(state, absent)).to.equal(undefined);
            }
            fresh.slice(split).forEach(append); // after it: recorded one by one
            for (const [i, k] of fresh.entries()) expect(findValidatorIndex(state, k)).to.equal(n + i);
            expect(findValidatorIndex(state, state.validators[3].pubkey)).to.equal(3);
          },
        ),
        { numRuns: 50 },
      );
    });
  });
});
