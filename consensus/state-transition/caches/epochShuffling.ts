// Caches of derived data (never stored in the SSZ state value):
// - the shuffled active-validator list of an epoch, shared between states through a small LRU keyed by seed (and
//   checked against the exact active index list, so two forks with the same seed but different registries never mix);
// - per state object (WeakMap) and epoch: that shuffling, the proposers of its slots and the total active balance.
// Validity rests on the spec's rules: the active set of any epoch <= current + 1 is fixed (activations and exits take
// effect at least MAX_SEED_LOOKAHEAD + 1 epochs ahead) and effective balances change only in process_final_updates,
// at the end of an epoch. A state edited by hand outside those rules must be cloned first (clones start empty).
// The shuffling of an epoch can also be computed ahead, off the main thread (prepareEpochShuffling): the state
// transition stays synchronous and never waits for it; it finds the result in the LRU or computes it itself.
import { asyncUnshuffleList } from "@chainsafe/swap-or-not-shuffle";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getSeed } from "../accessors/getSeed.js";
import { computeEpochAtSlot } from "../misc/computeEpochAtSlot.js";
import { shuffleList } from "../misc/shuffleList.js";
import { isActiveValidator } from "../predicates/isActiveValidator.js";

/** The committees' raw material for one epoch. `shuffled[i]` = active[compute_shuffled_index(i, n, seed)]. */
export interface Shuffling {
  readonly seed: Uint8Array;
  readonly activeIndices: Uint32Array;
  readonly shuffled: Uint32Array;
}

/** What one state knows about one epoch. */
export interface EpochShuffling extends Shuffling {
  readonly epoch: number;
  /** get_committee_count_per_slot. */
  readonly committeesPerSlot: number;
  /** get_beacon_proposer_index by slot. */
  readonly proposers: Map<number, number>;
  /** get_total_active_balance, filled on first use. */
  totalActiveBalance?: number;
}

const LRU_SIZE = 8;
const shufflingsBySeed = new Map<string, Shuffling>();
const byState = new WeakMap<BeaconState, Map<number, EpochShuffling>>();
/** Per state, the active indices of a few epochs found by a pass that read the registry anyway (epoch processing). */
const activeIndicesHints = new WeakMap<BeaconState, ReadonlyMap<number, Uint32Array>>();

function sameIndices(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function computeActiveIndices(state: BeaconState, epoch: number): Uint32Array {
  const validators = state.validators;
  const out = new Uint32Array(validators.length);
  let n = 0;
  for (let i = 0; i < validators.length; i++) if (isActiveValidator(validators[i], epoch)) out[n++] = i;
  return out.slice(0, n);
}

const keyOf = (cfg: BeaconConfig, seed: Uint8Array) =>
  `${cfg.SHUFFLE_ROUND_COUNT}:${Buffer.from(seed).toString("hex")}`;

/** The LRU's shuffling of `seed` if it was made from exactly `activeIndices` (marked as just used). */
function cachedShuffling(key: string, activeIndices: Uint32Array): Shuffling | undefined {
  const hit = shufflingsBySeed.get(key);
  if (!hit || !sameIndices(hit.activeIndices, activeIndices)) return undefined;
  shufflingsBySeed.delete(key);
  shufflingsBySeed.set(key, hit);
  return hit;
}

function cacheShuffling(key: string, shuffling: Shuffling): void {
  shufflingsBySeed.delete(key);
  shufflingsBySeed.set(key, shuffling);
  if (shufflingsBySeed.size > LRU_SIZE) shufflingsBySeed.delete(shufflingsBySeed.keys().next().value as string);
}

/** get_active_validator_indices(state, epoch) as a Uint32Array: the state's hint if it has one, else a registry scan. */
function activeIndicesOf(state: BeaconState, epoch: number): Uint32Array {
  return activeIndicesHints.get(state)?.get(epoch) ?? computeActiveIndices(state, epoch);
}

function shufflingFor(cfg: BeaconConfig, seed: Uint8Array, activeIndices: Uint32Array): Shuffling {
  const key = keyOf(cfg, seed);
  const hit = cachedShuffling(key, activeIndices);
  if (hit) return hit;
  const fresh: Shuffling = { seed, activeIndices, shuffled: shuffleList(cfg, activeIndices, seed) };
  cacheShuffling(key, fresh);
  return fresh;
}

/** Shufflings being computed off the main thread, by LRU key. */
const inProgress = new Map<string, { activeIndices: Uint32Array; done: Promise<void> }>();

/**
 * Starts computing the shuffling of `epoch` as `state` gives it (seed and active set) on libuv's thread pool
 * (@chainsafe/swap-or-not-shuffle's asyncUnshuffleList: out[i] = active[compute_shuffled_index(i, n, seed)], as
 * shuffleList) and puts it in the process-wide LRU when done; the promise resolves then (already resolved when the LRU
 * has it). For whoever owns the wall clock: the seed and the active set of epoch E + 2 are fixed once a state is at
 * the last slot of E with that slot's block applied (the seed reads the RANDAO mix of E; activations and exits set
 * from then on take effect at E + 5 or later), so their shuffling can run while the epoch transition does. The
 * transition never waits for it: getEpochShuffling computes the shuffling itself if it is not in the LRU yet.
 */
export function prepareEpochShuffling(cfg: BeaconConfig, state: BeaconState, epoch: number): Promise<void> {
  const seed = getSeed(cfg, state, epoch, cfg.DOMAIN_BEACON_ATTESTER);
  const key = keyOf(cfg, seed);
  const activeIndices = activeIndicesOf(state, epoch);
  const running = inProgress.get(key);
  if (running && sameIndices(running.activeIndices, activeIndices)) return running.done;
  if (cachedShuffling(key, activeIndices)) return Promise.resolve();
  const done = asyncUnshuffleList(activeIndices, seed, cfg.SHUFFLE_ROUND_COUNT).then(
    (shuffled) => {
      if (!cachedShuffling(key, activeIndices)) cacheShuffling(key, { seed, activeIndices, shuffled });
    },
    (): void => undefined, // not computed ahead: getEpochShuffling computes it when asked
  );
  const entry = { activeIndices, done };
  inProgress.set(key, entry);
  void done.finally(() => {
    if (inProgress.get(key) === entry) inProgress.delete(key);
  });
  return done;
}

/** The epoch's shuffling and per-state derived values (cached when `epoch` <= the state's epoch + 1). */
export function getEpochShuffling(cfg: BeaconConfig, state: BeaconState, epoch: number): EpochShuffling {
  const cacheable = epoch <= computeEpochAtSlot(cfg, state.slot) + 1;
  let perState = byState.get(state);
  const cached = perState?.get(epoch);
  if (cached) return cached;
  const activeIndices = activeIndicesOf(state, epoch);
  const seed = getSeed(cfg, state, epoch, cfg.DOMAIN_BEACON_ATTESTER);
  const shuffling = shufflingFor(cfg, seed, activeIndices);
  const committeesPerSlot = Math.max(
    1,
    Math.min(
      cfg.MAX_COMMITTEES_PER_SLOT,
      Math.floor(activeIndices.length / cfg.SLOTS_PER_EPOCH / cfg.TARGET_COMMITTEE_SIZE),
    ),
  );
  const entry: EpochShuffling = { ...shuffling, epoch, committeesPerSlot, proposers: new Map() };
  if (cacheable) {
    if (!perState) {
      perState = new Map();
      byState.set(state, perState);
    }
    perState.set(epoch, entry);
  }
  return entry;
}

/**
 * Records get_active_validator_indices(state, epoch) of the given epochs, found by the epoch transition out of epoch
 * X for epochs up to X + 4 (activations and exits set from then on take effect at X + 5 or later, so those sets are
 * fixed), so that getEpochShuffling and prepareEpochShuffling of those epochs do not read the registry again.
 * Replaces the state's previous hints; kept by copies.
 */
export function setActiveIndicesHints(state: BeaconState, hints: ReadonlyMap<number, Uint32Array>): void {
  activeIndicesHints.set(state, hints);
}

/** Drops the per-state caches of `state` (for code that edits a state outside the spec's rules). */
export function clearStateCaches(state: BeaconState): void {
  byState.delete(state);
  activeIndicesHints.delete(state);
}

/** Drops the process-wide shuffling of `seed` (benchmarks: the next use computes it, as a node does once per epoch). */
export function forgetShuffling(cfg: BeaconConfig, seed: Uint8Array): void {
  shufflingsBySeed.delete(keyOf(cfg, seed));
}

/** Lets `to`, a copy of `from` (cloneBeaconState), start with `from`'s per-state entries (valid for both). */
export function copyEpochShufflings(from: BeaconState, to: BeaconState): void {
  const perState = byState.get(from);
  if (perState) byState.set(to, new Map(perState));
  const hint = activeIndicesHints.get(from);
  if (hint) activeIndicesHints.set(to, hint);
}
