// Copy-on-write for the large lists of a state (validators, balances, the root vectors, pending attestations, ...).
// cloneBeaconState makes a copy that shares those arrays with the original (O(1) instead of copying a million
// validators); the first write to a shared array through these helpers gives the writing state its own copy of the
// array (a shallow copy: the elements are shared and never changed in place: a validator is replaced by an edited
// copy). Each write is also recorded for the incremental state root (./stateRoot.ts). The state transition writes
// these lists only through these helpers; code outside it that edits a hashed or copied state's lists in place must
// call dropStateRootMirror and must not share the state.
import type { BeaconState, Validator } from "../../types/index.js";
import { type ListKey, recordListCopy, recordListWrite } from "./stateRoot.js";

/** Arrays referenced by more than one state (until one of them copies). */
const shared = new WeakSet<unknown[]>();

/** Marks every list of `state` as shared (cloneBeaconState, for the original and the copy). */
export function shareLists(state: BeaconState, keys: readonly ListKey[]): void {
  for (const key of keys) shared.add(state[key] as unknown[]);
}

/** Free slots a copy made for an append gets (a block's deposits then append without regrowing a 1M-entry array). */
const APPEND_ROOM = new Array<number>(64).fill(0);

/** `state[key]`, copied first if shared; `forAppend`: the copy gets spare capacity (concat, then truncated). */
function own<K extends ListKey>(state: BeaconState, key: K, forAppend = false): BeaconState[K] {
  const list = state[key];
  if (!shared.has(list as unknown[])) return list;
  let copy: BeaconState[K];
  if (forAppend) {
    copy = (list as unknown[]).concat(APPEND_ROOM) as BeaconState[K];
    copy.length = list.length; // keeps the backing store: the next appends fill it
  } else {
    copy = (list as unknown[]).slice() as BeaconState[K];
  }
  recordListCopy(state, list as unknown[], copy as unknown[]);
  state[key] = copy;
  return copy;
}

/** `state[key]`, owned by `state`, for writing any of its elements (the whole list is rewritten in the tree). */
export function writableList<K extends ListKey>(state: BeaconState, key: K): BeaconState[K] {
  const list = own(state, key);
  recordListWrite(state, key, "all");
  return list;
}

/** state[key][index] = value. */
export function setListItem<K extends ListKey>(
  state: BeaconState,
  key: K,
  index: number,
  value: BeaconState[K][number],
): void {
  const list = own(state, key);
  recordListWrite(state, key, index);
  list[index] = value;
}

/** state[key].push(value). */
export function pushListItem<K extends ListKey>(state: BeaconState, key: K, value: BeaconState[K][number]): void {
  const list = own(state, key, true);
  recordListWrite(state, key, list.length);
  (list as unknown[]).push(value);
}

/** The validator at `index` as a copy owned by `state`, placed in its registry: edit its fields in place. */
export function writableValidator(state: BeaconState, index: number): Validator {
  const validator = { ...state.validators[index] };
  setListItem(state, "validators", index, validator);
  return validator;
}
