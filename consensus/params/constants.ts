// Non-configurable constants of the phase0 beacon chain (phase0 beacon-chain.md, "Constants").

/** uint64 max, read as Infinity by the SSZ types (UintNumberType with clipInfinity). */
export const FAR_FUTURE_EPOCH = Number.POSITIVE_INFINITY;
export const GENESIS_SLOT = 0;
export const GENESIS_EPOCH = 0;
export const BASE_REWARDS_PER_EPOCH = 4;
export const DEPOSIT_CONTRACT_TREE_DEPTH = 32;
export const JUSTIFICATION_BITS_LENGTH = 4;
export const ENDIANNESS = "little";
/** Returned by get_block_root-style helpers when nothing is known yet. */
export const ZERO_HASH = new Uint8Array(32);
