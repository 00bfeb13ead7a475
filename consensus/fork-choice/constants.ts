// fork-choice.md (v1.4.0) "Constant" and "Configuration".

/**
 * INTERVALS_PER_SLOT: a block is timely when it arrives in the first of these intervals of its own slot; the first
 * timely block of a slot gets the proposer boost.
 */
export const INTERVALS_PER_SLOT = 3;

/** PROPOSER_SCORE_BOOST (v1.4.0, unchanged since v1.3.0): the boost is this percentage of one slot's committee weight. */
export const DEFAULT_PROPOSER_SCORE_BOOST = 40;

export const GENESIS_EPOCH = 0;
export const GENESIS_SLOT = 0;
