// pubkey -> validator index, for process_deposit's "is this a new validator?" lookup without scanning the registry.
// The map is shared by a state and the states derived from it (stateTransition hands it to its clone): the registry is
// append-only and every append goes through `recordValidatorPubkey`, so a pubkey absent from the map is absent from
// the state. Entries are hints checked against the state; a stale hint (the same key added at another index on a
// sibling fork) falls back to a scan.
import type { BeaconState } from "../../types/index.js";

type PubkeyMap = Map<string, number>;
const byState = new WeakMap<BeaconState, PubkeyMap>();

/** The 48 key bytes as a 48-character string (half the memory of hex for a million keys). */
const keyOf = (pubkey: Uint8Array): string =>
  Buffer.from(pubkey.buffer, pubkey.byteOffset, pubkey.byteLength).toString("latin1");

function mapFor(state: BeaconState): PubkeyMap {
  let map = byState.get(state);
  if (!map || map.size < state.validators.length) {
    map = map ?? new Map();
    const validators = state.validators;
    for (let i = 0; i < validators.length; i++) map.set(keyOf(validators[i].pubkey), i);
    byState.set(state, map);
  }
  return map;
}

/** The index of the validator with `pubkey` in `state`, or undefined. */
export function findValidatorIndex(state: BeaconState, pubkey: Uint8Array): number | undefined {
  const map = mapFor(state);
  const hint = map.get(keyOf(pubkey));
  if (hint === undefined) return undefined;
  if (hint < state.validators.length && Buffer.from(state.validators[hint].pubkey).equals(Buffer.from(pubkey))) {
    return hint;
  }
  const found = state.validators.findIndex((v) => Buffer.from(v.pubkey).equals(Buffer.from(pubkey)));
  return found < 0 ? undefined : found;
}

/** Records a validator just appended to `state.validators` at `index`. */
export function recordValidatorPubkey(state: BeaconState, pubkey: Uint8Array, index: number): void {
  byState.get(state)?.set(keyOf(pubkey), index);
}

/** Lets `to` (a clone of `from`, or a state derived from it) reuse `from`'s pubkey map. */
export function sharePubkeyIndex(from: BeaconState, to: BeaconState): void {
  const map = byState.get(from);
  if (map) byState.set(to, map);
}
