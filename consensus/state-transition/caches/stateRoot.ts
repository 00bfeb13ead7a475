// hash_tree_root(state) without rehashing the whole state every slot. Each state object may own a "mirror": a
// tree-backed copy of the state (an @chainsafe/ssz ViewDU, whose hashes are cached per node) plus compact snapshots of
// the large fields as last written into the tree. Hashing compares the plain value with the snapshots, writes only
// what changed into the tree and rehashes only the paths above the changed leaves.
// The first hash of a state builds its mirror from scratch; stateTransition moves the mirror from its input to its
// output (the input's next hash, if any, rebuilds one). Validator pubkeys and withdrawal credentials are assumed
// immutable once appended (phase0 never changes them), and historical roots are append-only; every other field is
// compared.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";

type StateView = ReturnType<BeaconConfig["types"]["BeaconState"]["toViewDU"]>;

interface Mirror {
  view: StateView;
  /** Per validator: effectiveBalance, slashed, activationEligibilityEpoch, activationEpoch, exitEpoch, withdrawableEpoch. */
  validators: Float64Array;
  validatorCount: number;
  balances: Float64Array;
  balanceCount: number;
  blockRoots: Uint8Array;
  stateRoots: Uint8Array;
  randaoMixes: Uint8Array;
  slashings: Float64Array;
  eth1DataVotes: BeaconState["eth1DataVotes"];
  previousEpochAttestations: BeaconState["previousEpochAttestations"];
  currentEpochAttestations: BeaconState["currentEpochAttestations"];
}

const VALIDATOR_FIELDS = 6;
const mirrors = new WeakMap<BeaconState, Mirror>();

function concatRoots(roots: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(roots.length * 32);
  for (let i = 0; i < roots.length; i++) out.set(roots[i], i * 32);
  return out;
}

function writeValidatorSnapshot(snap: Float64Array, i: number, v: BeaconState["validators"][number]): void {
  const o = i * VALIDATOR_FIELDS;
  snap[o] = v.effectiveBalance;
  snap[o + 1] = v.slashed ? 1 : 0;
  snap[o + 2] = v.activationEligibilityEpoch;
  snap[o + 3] = v.activationEpoch;
  snap[o + 4] = v.exitEpoch;
  snap[o + 5] = v.withdrawableEpoch;
}

function buildMirror(cfg: BeaconConfig, state: BeaconState): Mirror {
  const n = state.validators.length;
  const validators = new Float64Array(Math.max(16, n) * VALIDATOR_FIELDS);
  for (let i = 0; i < n; i++) writeValidatorSnapshot(validators, i, state.validators[i]);
  const balances = new Float64Array(Math.max(16, state.balances.length));
  balances.set(state.balances);
  return {
    view: cfg.types.BeaconState.toViewDU(state),
    validators,
    validatorCount: n,
    balances,
    balanceCount: state.balances.length,
    blockRoots: concatRoots(state.blockRoots),
    stateRoots: concatRoots(state.stateRoots),
    randaoMixes: concatRoots(state.randaoMixes),
    slashings: Float64Array.from(state.slashings),
    eth1DataVotes: state.eth1DataVotes.map((x) => cfg.types.Eth1Data.clone(x)),
    previousEpochAttestations: state.previousEpochAttestations.map((x) => cfg.types.PendingAttestation.clone(x)),
    currentEpochAttestations: state.currentEpochAttestations.map((x) => cfg.types.PendingAttestation.clone(x)),
  };
}

function grow(a: Float64Array, needed: number): Float64Array {
  if (needed <= a.length) return a;
  const out = new Float64Array(Math.max(needed, a.length * 2));
  out.set(a);
  return out;
}

function sameRoot(snapshot: Uint8Array, i: number, root: Uint8Array): boolean {
  const o = i * 32;
  for (let k = 0; k < 32; k++) if (snapshot[o + k] !== root[k]) return false;
  return true;
}

/** Writes changed entries of a root vector into the view and the snapshot. */
function syncRootVector(
  roots: Uint8Array[],
  snapshot: Uint8Array,
  view: { set(index: number, value: Uint8Array): void },
): void {
  for (let i = 0; i < roots.length; i++) {
    if (!sameRoot(snapshot, i, roots[i])) {
      view.set(i, roots[i]);
      snapshot.set(roots[i], i * 32);
    }
  }
}

function syncValidators(cfg: BeaconConfig, state: BeaconState, m: Mirror): void {
  const { Validator } = cfg.types;
  const list = state.validators;
  if (list.length < m.validatorCount) {
    m.view.validators = cfg.types.BeaconState.fields.validators.toViewDU(list);
    m.validators = new Float64Array(Math.max(16, list.length) * VALIDATOR_FIELDS);
    for (let i = 0; i < list.length; i++) writeValidatorSnapshot(m.validators, i, list[i]);
    m.validatorCount = list.length;
    return;
  }
  const snap = m.validators;
  for (let i = 0; i < m.validatorCount; i++) {
    const v = list[i];
    const o = i * VALIDATOR_FIELDS;
    if (
      snap[o] !== v.effectiveBalance ||
      snap[o + 1] !== (v.slashed ? 1 : 0) ||
      snap[o + 2] !== v.activationEligibilityEpoch ||
      snap[o + 3] !== v.activationEpoch ||
      snap[o + 4] !== v.exitEpoch ||
      snap[o + 5] !== v.withdrawableEpoch
    ) {
      m.view.validators.set(i, Validator.toViewDU(v));
      writeValidatorSnapshot(snap, i, v);
    }
  }
  m.validators = grow(snap, list.length * VALIDATOR_FIELDS);
  for (let i = m.validatorCount; i < list.length; i++) {
    m.view.validators.push(Validator.toViewDU(list[i]));
    writeValidatorSnapshot(m.validators, i, list[i]);
  }
  m.validatorCount = list.length;
}

function syncBalances(cfg: BeaconConfig, state: BeaconState, m: Mirror): void {
  const list = state.balances;
  if (list.length < m.balanceCount) {
    m.view.balances = cfg.types.BeaconState.fields.balances.toViewDU(list);
    m.balances = new Float64Array(Math.max(16, list.length));
    m.balances.set(list);
    m.balanceCount = list.length;
    return;
  }
  const snap = m.balances;
  for (let i = 0; i < m.balanceCount; i++) {
    if (snap[i] !== list[i]) {
      m.view.balances.set(i, list[i]);
      snap[i] = list[i];
    }
  }
  m.balances = grow(snap, list.length);
  for (let i = m.balanceCount; i < list.length; i++) {
    m.view.balances.push(list[i]);
    m.balances[i] = list[i];
  }
  m.balanceCount = list.length;
}

/**
 * Syncs a list of small containers against `snapshot` (the elements last written into the tree): appended elements
 * are pushed; any other difference (the epoch rotation of pending attestations, the reset of eth1 votes) rebuilds the
 * list's view. The snapshot holds copies, so even an element edited in place is noticed.
 */
function syncSmallList<T>(
  elementType: { equals(a: T, b: T): boolean; clone(v: T): T; toViewDU(v: T): unknown },
  listType: { toViewDU(v: T[]): unknown },
  values: T[],
  snapshot: T[],
  view: { push(v: unknown): void },
  setView: (view: unknown) => void,
): void {
  let prefixSame = values.length >= snapshot.length;
  for (let i = 0; prefixSame && i < snapshot.length; i++) prefixSame = elementType.equals(values[i], snapshot[i]);
  if (!prefixSame) {
    setView(listType.toViewDU(values));
    snapshot.length = 0;
    for (const value of values) snapshot.push(elementType.clone(value));
    return;
  }
  for (let i = snapshot.length; i < values.length; i++) {
    view.push(elementType.toViewDU(values[i]));
    snapshot.push(elementType.clone(values[i]));
  }
}

function sync(cfg: BeaconConfig, state: BeaconState, m: Mirror): void {
  const t = cfg.types;
  const f = t.BeaconState.fields;
  const v = m.view;
  if (v.genesisTime !== state.genesisTime) v.genesisTime = state.genesisTime;
  if (!f.genesisValidatorsRoot.equals(v.genesisValidatorsRoot, state.genesisValidatorsRoot)) {
    v.genesisValidatorsRoot = state.genesisValidatorsRoot;
  }
  if (v.slot !== state.slot) v.slot = state.slot;
  if (!t.Fork.equals(v.fork.toValue(), state.fork)) v.fork = t.Fork.toViewDU(state.fork);
  if (!t.BeaconBlockHeader.equals(v.latestBlockHeader.toValue(), state.latestBlockHeader)) {
    v.latestBlockHeader = t.BeaconBlockHeader.toViewDU(state.latestBlockHeader);
  }
  syncRootVector(state.blockRoots, m.blockRoots, v.blockRoots);
  syncRootVector(state.stateRoots, m.stateRoots, v.stateRoots);
  if (v.historicalRoots.length !== state.historicalRoots.length) {
    v.historicalRoots = f.historicalRoots.toViewDU(state.historicalRoots);
  }
  if (!t.Eth1Data.equals(v.eth1Data.toValue(), state.eth1Data)) v.eth1Data = t.Eth1Data.toViewDU(state.eth1Data);
  syncSmallList(t.Eth1Data, f.eth1DataVotes, state.eth1DataVotes, m.eth1DataVotes, v.eth1DataVotes as never, (view) => {
    v.eth1DataVotes = view as never;
  });
  if (v.eth1DepositIndex !== state.eth1DepositIndex) v.eth1DepositIndex = state.eth1DepositIndex;
  syncValidators(cfg, state, m);
  syncBalances(cfg, state, m);
  syncRootVector(state.randaoMixes, m.randaoMixes, v.randaoMixes);
  for (let i = 0; i < state.slashings.length; i++) {
    if (m.slashings[i] !== state.slashings[i]) {
      v.slashings.set(i, state.slashings[i]);
      m.slashings[i] = state.slashings[i];
    }
  }
  syncSmallList(
    t.PendingAttestation,
    f.previousEpochAttestations,
    state.previousEpochAttestations,
    m.previousEpochAttestations,
    v.previousEpochAttestations as never,
    (view) => {
      v.previousEpochAttestations = view as never;
    },
  );
  syncSmallList(
    t.PendingAttestation,
    f.currentEpochAttestations,
    state.currentEpochAttestations,
    m.currentEpochAttestations,
    v.currentEpochAttestations as never,
    (view) => {
      v.currentEpochAttestations = view as never;
    },
  );
  if (!f.justificationBits.equals(v.justificationBits.toValue(), state.justificationBits)) {
    v.justificationBits = f.justificationBits.toViewDU(state.justificationBits);
  }
  if (!t.Checkpoint.equals(v.previousJustifiedCheckpoint.toValue(), state.previousJustifiedCheckpoint)) {
    v.previousJustifiedCheckpoint = t.Checkpoint.toViewDU(state.previousJustifiedCheckpoint);
  }
  if (!t.Checkpoint.equals(v.currentJustifiedCheckpoint.toValue(), state.currentJustifiedCheckpoint)) {
    v.currentJustifiedCheckpoint = t.Checkpoint.toViewDU(state.currentJustifiedCheckpoint);
  }
  if (!t.Checkpoint.equals(v.finalizedCheckpoint.toValue(), state.finalizedCheckpoint)) {
    v.finalizedCheckpoint = t.Checkpoint.toViewDU(state.finalizedCheckpoint);
  }
}

/** hash_tree_root(state), incremental across calls on the same state object (and across stateTransition). */
export function hashBeaconState(cfg: BeaconConfig, state: BeaconState): Uint8Array {
  let mirror = mirrors.get(state);
  if (!mirror) {
    mirror = buildMirror(cfg, state);
    mirrors.set(state, mirror);
  } else {
    sync(cfg, state, mirror);
  }
  return mirror.view.hashTreeRoot();
}

/**
 * Gives `to` its own copy of `from`'s mirror (the tree is shared structurally, the snapshots are copied), for a
 * short-lived clone such as a block being produced, when `from` keeps being used.
 */
export function copyStateRootMirror(from: BeaconState, to: BeaconState): void {
  const m = mirrors.get(from);
  if (!m) return;
  m.view.commit();
  mirrors.set(to, {
    view: m.view.clone(),
    validators: m.validators.slice(),
    validatorCount: m.validatorCount,
    balances: m.balances.slice(),
    balanceCount: m.balanceCount,
    blockRoots: m.blockRoots.slice(),
    stateRoots: m.stateRoots.slice(),
    randaoMixes: m.randaoMixes.slice(),
    slashings: m.slashings.slice(),
    eth1DataVotes: [...m.eth1DataVotes],
    previousEpochAttestations: [...m.previousEpochAttestations],
    currentEpochAttestations: [...m.currentEpochAttestations],
  });
}

/** Moves `from`'s mirror to `to` (a clone of `from` about to be advanced); `from` rebuilds one if hashed again. */
export function moveStateRootMirror(from: BeaconState, to: BeaconState): void {
  const mirror = mirrors.get(from);
  if (!mirror) return;
  mirrors.delete(from);
  mirrors.set(to, mirror);
}
