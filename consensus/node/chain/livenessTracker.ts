// Which validators the node has seen active, per epoch (for POST /eth/v1/validator/liveness/{epoch}, the data a
// validator client's doppelganger protection watches): an attester when one of its attestations for a target epoch is
// imported (gossip, API or in-node duties), a proposer when its block arrives. Kept for the last RETAINED_EPOCHS.

export const LIVENESS_RETAINED_EPOCHS = 4;

export class LivenessTracker {
  private readonly byEpoch = new Map<number, Set<number>>();
  private latest = 0;

  mark(epoch: number, indices: Iterable<number>): void {
    if (epoch + LIVENESS_RETAINED_EPOCHS <= this.latest) return;
    let set = this.byEpoch.get(epoch);
    if (!set) {
      set = new Set();
      this.byEpoch.set(epoch, set);
    }
    for (const i of indices) set.add(i);
    if (epoch > this.latest) {
      this.latest = epoch;
      for (const e of this.byEpoch.keys()) if (e + LIVENESS_RETAINED_EPOCHS <= epoch) this.byEpoch.delete(e);
    }
  }

  /** whether each validator was seen in `epoch`; null if the epoch is older than the tracker keeps */
  liveness(epoch: number, indices: readonly number[]): boolean[] | null {
    if (epoch + LIVENESS_RETAINED_EPOCHS <= this.latest) return null;
    const set = this.byEpoch.get(epoch);
    return indices.map((i) => set?.has(i) ?? false);
  }
}
