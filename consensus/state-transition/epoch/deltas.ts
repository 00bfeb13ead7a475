// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties": the (rewards, penalties) pair returned by
// every *_deltas helper, one gwei amount per validator.

export interface Deltas {
  rewards: number[];
  penalties: number[];
}

export function zeroDeltas(validatorCount: number): Deltas {
  return { rewards: new Array<number>(validatorCount).fill(0), penalties: new Array<number>(validatorCount).fill(0) };
}
