// fork-choice.md (v1.4.0) get_head, through the proto-array (see ForkChoice.getHead). Once finality moved, the
// blocks, states and checkpoint states that no longer descend from the finalized block are dropped too.
import type { RootHex } from "../types.js";
import type { ForkChoiceStore } from "./store.js";

export function getHead(store: ForkChoiceStore): RootHex {
  const head = store.forkChoice.getHead();
  if (store.options.pruneAtFinality !== false) pruneStore(store);
  return head;
}

function pruneStore(store: ForkChoiceStore): void {
  const { protoArray, finalizedCheckpoint } = store.forkChoice;
  if (store.blocks.size === protoArray.length) return;
  for (const root of store.blocks.keys()) {
    if (protoArray.hasBlock(root)) continue;
    store.blocks.delete(root);
    store.blockStates.delete(root);
  }
  for (const key of store.checkpointStates.keys()) {
    const [epoch, root] = key.split(":");
    if (Number(epoch) < finalizedCheckpoint.epoch || !protoArray.hasBlock(root)) store.checkpointStates.delete(key);
  }
}
