// The spec's fork-choice Store and handlers (fork-choice.md, ethereum/consensus-specs v1.4.0) over blocks and states.
export { getForkchoiceStore } from "./getForkchoiceStore.js";
export { getHead } from "./getHead.js";
export { getJustifiedBalances } from "./getJustifiedBalances.js";
export { onAttestation } from "./onAttestation.js";
export { onAttesterSlashing } from "./onAttesterSlashing.js";
export { onBlock } from "./onBlock.js";
export { onTick } from "./onTick.js";
export type { ForkChoiceStore, ForkChoiceStoreOptions } from "./store.js";
export { storeTargetCheckpointState } from "./storeTargetCheckpointState.js";
