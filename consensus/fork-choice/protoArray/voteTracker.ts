// The spec's `store.latest_messages` and `store.equivocating_indices`, laid out for a million validators:
// one slot per validator index in typed arrays instead of a map of objects.
//   current[i]  proto-array node index whose weight already includes validator i (NO_VOTE if none)
//   next[i]     node index of i's latest message (NO_VOTE if none, or if that block was pruned)
//   nextEpoch[i] epoch of i's latest message (NO_EPOCH if i never sent one) -- kept when the block is pruned,
//                because `update_latest_messages` compares epochs, not blocks
//   equivocating[i] 1 once an attester slashing proved i equivocated

export const NO_VOTE = 0xffffffff;
export const NO_EPOCH = 0xffffffff;

export class VoteTracker {
  current: Uint32Array;
  next: Uint32Array;
  nextEpoch: Uint32Array;
  equivocating: Uint8Array;
  /** Highest validator index seen + 1. */
  length = 0;

  constructor(initialCapacity = 1024) {
    this.current = new Uint32Array(initialCapacity).fill(NO_VOTE);
    this.next = new Uint32Array(initialCapacity).fill(NO_VOTE);
    this.nextEpoch = new Uint32Array(initialCapacity).fill(NO_EPOCH);
    this.equivocating = new Uint8Array(initialCapacity);
  }

  /** Makes room for validator indices below `length`. */
  ensureLength(length: number): void {
    if (length > this.current.length) {
      let capacity = this.current.length;
      while (capacity < length) capacity *= 2;
      this.current = grow(this.current, capacity, NO_VOTE);
      this.next = grow(this.next, capacity, NO_VOTE);
      this.nextEpoch = grow(this.nextEpoch, capacity, NO_EPOCH);
      const equivocating = new Uint8Array(capacity);
      equivocating.set(this.equivocating);
      this.equivocating = equivocating;
    }
    if (length > this.length) this.length = length;
  }

  isEquivocating(index: number): boolean {
    return index < this.length && this.equivocating[index] === 1;
  }

  /**
   * update_latest_messages for one validator: a message replaces the latest one only if its target epoch is
   * newer (or none existed); equivocating validators' messages are dropped.
   */
  updateLatestMessage(index: number, nodeIndex: number, targetEpoch: number): void {
    this.ensureLength(index + 1);
    if (this.equivocating[index] === 1) return;
    const epoch = this.nextEpoch[index];
    if (epoch === NO_EPOCH || targetEpoch > epoch) {
      this.next[index] = nodeIndex;
      this.nextEpoch[index] = targetEpoch;
    }
  }

  /** on_attester_slashing: adds the validator to the equivocating set (its weight leaves at the next computeDeltas). */
  markEquivocating(index: number): void {
    this.ensureLength(index + 1);
    this.equivocating[index] = 1;
  }

  /** Rewrites node indices after pruning: `newIndexOf[old]` is the new index or -1 if the node is gone. */
  remapNodeIndices(newIndexOf: Int32Array): void {
    const { current, next } = this;
    for (let i = 0; i < this.length; i++) {
      const c = current[i];
      if (c !== NO_VOTE) current[i] = newIndexOf[c] < 0 ? NO_VOTE : newIndexOf[c];
      const n = next[i];
      if (n !== NO_VOTE) next[i] = newIndexOf[n] < 0 ? NO_VOTE : newIndexOf[n];
    }
  }
}

function grow(array: Uint32Array, capacity: number, fill: number): Uint32Array {
  const grown = new Uint32Array(capacity).fill(fill);
  grown.set(array);
  return grown;
}
