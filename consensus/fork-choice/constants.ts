// fork-choice.md (v1.3.0) "Constant" and "Configuration".

/** INTERVALS_PER_SLOT: a block is timely (gets the proposer boost) in the first of these intervals of its slot. */
export const INTERVALS_PER_SLOT = 3;

/** PROPOSER_SCORE_BOOST at v1.3.0: the boost is this percentage of one slot's committee weight. */
export const DEFAULT_PROPOSER_SCORE_BOOST = 40;

export const GENESIS_EPOCH = 0;
export const GENESIS_SLOT = 0;
