// pubkey -> validator index, for process_deposit's "is this a new validator?" lookup without scanning the registry.
// One index serves a state and every state derived from it (cloneBeaconState shares it, also before it is built): the
// registry is append-only and every append goes through `recordValidatorPubkey`, so a pubkey absent from the index is
// absent from the state. A key appended at different indices on sibling forks (the same deposit in two competing
// blocks after different ones) keeps every such index; each is checked against the state.
// The index is an open-addressing hash table in two typed arrays: (30-bit hash of the key's 48 bytes, validator index)
// pairs, no string or Map entry per key (a million validators are indexed in a fraction of the time and memory).
// An entry only says "this index may hold a key with this hash": every lookup compares the state's key at that index.
import type { BeaconState } from "../../types/index.js";

/** Linear-probing table of (hash, index + 1) pairs; index + 1 = 0 marks an empty slot. */
interface PubkeyTable {
  hashes: Uint32Array;
  indices: Uint32Array;
  /** Entries in the table (kept at most half the capacity). */
  size: number;
  /** Validators of the lineage indexed by the build (appends after it are recorded one by one). */
  built: number;
}
/** One holder per lineage of states: a state and its copies see the table as soon as any of them builds it. */
interface Holder {
  table?: PubkeyTable;
}
const byState = new WeakMap<BeaconState, Holder>();

/** FNV-1a over the key's bytes, folded to 30 bits. */
function hashOf(pubkey: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < pubkey.length; i++) h = Math.imul(h ^ pubkey[i], 0x01000193);
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

function emptyTable(capacity: number): PubkeyTable {
  return { hashes: new Uint32Array(capacity), indices: new Uint32Array(capacity), size: 0, built: 0 };
}

/** Adds (hash, index) unless present (the caller made room: withRoom). */
function insert(table: PubkeyTable, hash: number, index: number): void {
  const mask = table.indices.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const stored = table.indices[slot];
    if (stored === 0) {
      table.hashes[slot] = hash;
      table.indices[slot] = index + 1;
      table.size++;
      return;
    }
    if (stored === index + 1 && table.hashes[slot] === hash) return;
  }
}

/** `table` with room for `extra` more entries (at most half full), regrown by rehashing its pairs. */
function withRoom(table: PubkeyTable, extra: number): PubkeyTable {
  if ((table.size + extra) * 2 <= table.indices.length) return table;
  let capacity = table.indices.length;
  while ((table.size + extra) * 2 > capacity) capacity *= 2;
  const grown = emptyTable(capacity);
  grown.built = table.built;
  for (let slot = 0; slot < table.indices.length; slot++) {
    if (table.indices[slot] !== 0) insert(grown, table.hashes[slot], table.indices[slot] - 1);
  }
  return grown;
}

function holderOf(state: BeaconState): Holder {
  let holder = byState.get(state);
  if (!holder) {
    holder = {};
    byState.set(state, holder);
  }
  return holder;
}

function tableFor(state: BeaconState): PubkeyTable {
  const holder = holderOf(state);
  const validators = state.validators;
  let table = holder.table ?? emptyTable(16);
  if (table.built < validators.length) {
    // First use (or a longer state of the lineage than the build saw, e.g. one built without recording): index the rest
    table = withRoom(table, validators.length - table.built);
    for (let i = table.built; i < validators.length; i++) insert(table, hashOf(validators[i].pubkey), i);
    table.built = validators.length;
  }
  holder.table = table;
  return table;
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The index of the validator with `pubkey` in `state`, or undefined. */
export function findValidatorIndex(state: BeaconState, pubkey: Uint8Array): number | undefined {
  const table = tableFor(state);
  const hash = hashOf(pubkey);
  const validators = state.validators;
  const mask = table.indices.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const stored = table.indices[slot];
    if (stored === 0) return undefined;
    const index = stored - 1;
    if (table.hashes[slot] === hash && index < validators.length && sameKey(validators[index].pubkey, pubkey)) {
      return index;
    }
  }
}

/** Records a validator just appended to `state.validators` at `index`. */
export function recordValidatorPubkey(state: BeaconState, pubkey: Uint8Array, index: number): void {
  const holder = byState.get(state);
  if (!holder?.table) return;
  const table = withRoom(holder.table, 1);
  insert(table, hashOf(pubkey), index);
  holder.table = table;
}

/** Lets `to` (a copy of `from`, or a state derived from it) use `from`'s pubkey index. */
export function sharePubkeyIndex(from: BeaconState, to: BeaconState): void {
  byState.set(to, holderOf(from));
}
