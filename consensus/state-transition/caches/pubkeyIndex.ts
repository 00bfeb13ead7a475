// pubkey -> validator index, for process_deposit's "is this a new validator?" lookup without scanning the registry.
// One map serves a state and every state derived from it (cloneBeaconState shares it, also before it is built): the
// registry is append-only and every append goes through `recordValidatorPubkey`, so a pubkey absent from the map is
// absent from the state. A key appended at different indices on sibling forks (the same deposit in two competing
// blocks after different ones) keeps every such index; each is checked against the state.
import type { BeaconState } from "../../types/index.js";

/** Key -> its index, or every index it was appended at on some fork. */
type PubkeyMap = Map<string, number | number[]>;
/** One holder per lineage of states: a state and its copies see the map as soon as any of them builds it. */
interface Holder {
  map?: PubkeyMap;
}
const byState = new WeakMap<BeaconState, Holder>();

/** The 48 key bytes as a 48-character string (half the memory of hex for a million keys). */
const keyOf = (pubkey: Uint8Array): string =>
  Buffer.from(pubkey.buffer, pubkey.byteOffset, pubkey.byteLength).toString("latin1");

function holderOf(state: BeaconState): Holder {
  let holder = byState.get(state);
  if (!holder) {
    holder = {};
    byState.set(state, holder);
  }
  return holder;
}

function add(map: PubkeyMap, key: string, index: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, index);
  else if (typeof known === "number") {
    if (known !== index) map.set(key, [known, index]);
  } else if (!known.includes(index)) known.push(index);
}

function mapFor(state: BeaconState): PubkeyMap {
  const holder = holderOf(state);
  let map = holder.map;
  if (!map || map.size < state.validators.length) {
    map = map ?? new Map();
    const validators = state.validators;
    for (let i = 0; i < validators.length; i++) add(map, keyOf(validators[i].pubkey), i);
    holder.map = map;
  }
  return map;
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The index of the validator with `pubkey` in `state`, or undefined. */
export function findValidatorIndex(state: BeaconState, pubkey: Uint8Array): number | undefined {
  const known = mapFor(state).get(keyOf(pubkey));
  if (known === undefined) return undefined;
  const validators = state.validators;
  for (const index of typeof known === "number" ? [known] : known) {
    if (index < validators.length && sameKey(validators[index].pubkey, pubkey)) return index;
  }
  return undefined;
}

/** Records a validator just appended to `state.validators` at `index`. */
export function recordValidatorPubkey(state: BeaconState, pubkey: Uint8Array, index: number): void {
  const map = byState.get(state)?.map;
  if (map) add(map, keyOf(pubkey), index);
}

/** Lets `to` (a copy of `from`, or a state derived from it) use `from`'s pubkey map. */
export function sharePubkeyIndex(from: BeaconState, to: BeaconState): void {
  byState.set(to, holderOf(from));
}
