// hash_tree_root(state) in O(changes). A hashed state owns a "mirror": a tree-backed copy of the state (an
// @chainsafe/ssz ViewDU whose nodes cache their hashes) plus, for each large list of the state, the array last written
// into the tree and the indices written since (recorded by the copy-on-write helpers of ./copyOnWrite.ts, through which
// the state transition writes those lists). Hashing writes only those entries into the tree and rehashes the paths
// above them; the small fields (slot, fork, header, checkpoints, eth1 data, justification bits) are compared.
// A list replaced by another array (`state.x = [...]`) is rebuilt in the tree from the new array.
// A copy of a state (cloneBeaconState) gets a copy of the mirror in O(1): both trees share every node.
import type { Node } from "@chainsafe/persistent-merkle-tree";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { buildBalancesTree } from "./balancesTree.js";
import { buildValidatorsTree, updateValidatorsTree } from "./validatorsTree.js";

type StateView = ReturnType<BeaconConfig["types"]["BeaconState"]["toViewDU"]>;

/** The lists of the state that are large or grow: shared between copies, written through ./copyOnWrite.ts. */
export const LIST_KEYS = [
  "blockRoots",
  "stateRoots",
  "historicalRoots",
  "eth1DataVotes",
  "validators",
  "balances",
  "randaoMixes",
  "slashings",
  "previousEpochAttestations",
  "currentEpochAttestations",
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

interface ListSync {
  /** The array last written into the tree. */
  synced: unknown[];
  /** Its length then. */
  length: number;
  /** Indices below `length` written since (true: any, rewrite the whole list). */
  written: Set<number> | true;
}

interface Mirror {
  view: StateView;
  /** The validators field's tree: one leaf per validator root (./validatorsTree.ts). */
  validators: Node;
  lists: Record<ListKey, ListSync>;
}

const mirrors = new WeakMap<BeaconState, Mirror>();

function syncedNow(state: BeaconState): Record<ListKey, ListSync> {
  const lists = {} as Record<ListKey, ListSync>;
  for (const key of LIST_KEYS) {
    const list = state[key] as unknown[];
    lists[key] = { synced: list, length: list.length, written: new Set() };
  }
  return lists;
}

/**
 * Records that `state[key]`, `from`, was replaced by `to`, a copy with the same elements (copy-on-write). Every list
 * last synced from `from` now refers to `to` (the current epoch's attestations, moved to the previous epoch's by
 * process_final_updates, are the one array two lists can share).
 */
export function recordListCopy(state: BeaconState, from: unknown[], to: unknown[]): void {
  const lists = mirrors.get(state)?.lists;
  if (!lists) return;
  for (const k of LIST_KEYS) if (lists[k].synced === from) lists[k].synced = to;
}

/**
 * Records that element `index` of `state[key]` (or any element: "all") is about to be written. Elements appended past
 * the synced length need no record, nor does a list replaced by another array since the last hash (rebuilt then).
 */
export function recordListWrite(state: BeaconState, key: ListKey, index: number | "all"): void {
  const entry = mirrors.get(state)?.lists[key];
  if (!entry || entry.synced !== state[key] || entry.written === true) return;
  if (index === "all") entry.written = true;
  else if (index < entry.length) entry.written.add(index);
}

// How one list's entries are written into its view: the element as a tree value.
// biome-ignore lint/suspicious/noExplicitAny: the views of the ten list fields have ten element types
type AnyListView = { set(i: number, v: any): void; push(v: any): void };

function setValidatorsTree(cfg: BeaconConfig, m: Mirror, root: Node): void {
  m.validators = root;
  m.view.validators = cfg.types.BeaconState.fields.validators.getViewDU(root);
}

function syncValidators(cfg: BeaconConfig, state: BeaconState, m: Mirror): void {
  const entry = m.lists.validators;
  const list = state.validators;
  if (list !== entry.synced || entry.written === true || list.length < entry.length) {
    setValidatorsTree(cfg, m, buildValidatorsTree(cfg, list));
    m.lists.validators = { synced: list, length: list.length, written: new Set() };
    return;
  }
  if (entry.written.size > 0 || list.length > entry.length) {
    const indices = [...entry.written];
    for (let i = entry.length; i < list.length; i++) indices.push(i);
    setValidatorsTree(cfg, m, updateValidatorsTree(cfg, m.validators, list, indices));
    entry.written.clear();
    entry.length = list.length;
  }
}

function syncList(cfg: BeaconConfig, state: BeaconState, m: Mirror, key: ListKey): void {
  if (key === "validators") {
    syncValidators(cfg, state, m);
    return;
  }
  let entry = m.lists[key];
  const list = state[key] as unknown[];
  const fieldType = cfg.types.BeaconState.fields[key];
  // biome-ignore lint/suspicious/noExplicitAny: see AnyListView
  const views = m.view as any;
  if (list !== entry.synced || entry.written === true || list.length < entry.length) {
    // process_final_updates moved the current epoch's attestations to the previous epoch's list (the same type): that
    // list starts from the current list's subtree as last synced (hashed), then gets what was appended since
    const moved = key === "previousEpochAttestations" ? m.lists.currentEpochAttestations : undefined;
    if (moved?.synced === list && moved.written !== true && moved.written.size === 0 && list.length >= moved.length) {
      views[key] = fieldType.getViewDU(views.currentEpochAttestations.node);
      entry = { synced: list, length: moved.length, written: new Set() };
      m.lists[key] = entry;
    } else {
      views[key] =
        key === "balances" // rewritten by every epoch transition: built with batch hashing (./balancesTree.ts)
          ? cfg.types.BeaconState.fields.balances.getViewDU(buildBalancesTree(cfg, state.balances))
          : (fieldType as { toViewDU(v: unknown): unknown }).toViewDU(list);
      m.lists[key] = { synced: list, length: list.length, written: new Set() };
      return;
    }
  }
  // biome-ignore lint/suspicious/noExplicitAny: element type of this field
  const elementType = (fieldType as any).elementType;
  const composite = elementType.isBasic === false && elementType.isViewMutable;
  const asTree = (v: unknown) => (composite ? elementType.toViewDU(v) : v);
  const written = entry.written as Set<number>; // `true` (rewrite all) was rebuilt above
  if (written.size > 0 || list.length > entry.length) {
    const view = views[key] as AnyListView;
    for (const i of written) view.set(i, asTree(list[i]));
    for (let i = entry.length; i < list.length; i++) view.push(asTree(list[i]));
    written.clear();
    entry.length = list.length;
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
  if (!t.Eth1Data.equals(v.eth1Data.toValue(), state.eth1Data)) v.eth1Data = t.Eth1Data.toViewDU(state.eth1Data);
  if (v.eth1DepositIndex !== state.eth1DepositIndex) v.eth1DepositIndex = state.eth1DepositIndex;
  for (const key of LIST_KEYS) syncList(cfg, state, m, key);
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

/** hash_tree_root(state), incremental across calls on the same state object and its copies (cloneBeaconState). */
export function hashBeaconState(cfg: BeaconConfig, state: BeaconState): Uint8Array {
  let mirror = mirrors.get(state);
  if (!mirror) {
    // Every field but the validators through the SSZ view; the validators as a tree of their roots
    const view = cfg.types.BeaconState.toViewDU({ ...state, validators: [] });
    const validators = buildValidatorsTree(cfg, state.validators);
    mirror = { view, validators, lists: syncedNow(state) };
    setValidatorsTree(cfg, mirror, validators);
    mirrors.set(state, mirror);
  } else {
    sync(cfg, state, mirror);
  }
  return mirror.view.hashTreeRoot();
}

/**
 * Gives `to` (a copy of `from` sharing its lists, made by cloneBeaconState) a mirror of its own: `from`'s pending
 * writes are first written into its tree, then both views share every node (O(1)); each keeps its own records.
 */
export function copyStateRootMirror(cfg: BeaconConfig, from: BeaconState, to: BeaconState): void {
  const m = mirrors.get(from);
  if (!m) return;
  sync(cfg, from, m);
  m.view.commit();
  mirrors.set(to, { view: m.view.clone(true), validators: m.validators, lists: syncedNow(to) });
}

/**
 * Forgets the mirror of `state`: for code that edited the state's lists in place without ./copyOnWrite.ts (tests,
 * tools); its next hash rebuilds the tree.
 */
export function dropStateRootMirror(state: BeaconState): void {
  mirrors.delete(state);
}
