const CHUNK_NODES = 4096;

/**
 * The complete nodes of one tree level, indexed by node position, stored 32 bytes each in fixed-size chunks (one
 * allocation per 4096 nodes instead of one per hash). Nodes below `firstIndex` are pruned: whole chunks are released.
 */
export class HashLevel {
  private chunks: Uint8Array[] = [];
  /** Node index of the first byte of chunks[0]. */
  private chunkBase = 0;
  /** Lowest node index still readable. */
  firstIndex = 0;
  /** One past the highest node index written. */
  length = 0;

  /** Start empty at `index` (used when rebuilding from a snapshot). */
  static startingAt(index: number): HashLevel {
    const level = new HashLevel();
    level.chunkBase = index - (index % CHUNK_NODES);
    level.firstIndex = index;
    level.length = index;
    return level;
  }

  /** A 32-byte view where node `length` will be written; the caller fills it and the length grows by one. */
  appendSlot(): Uint8Array {
    const rel = this.length - this.chunkBase;
    const chunkIndex = Math.floor(rel / CHUNK_NODES);
    if (chunkIndex === this.chunks.length) this.chunks.push(new Uint8Array(CHUNK_NODES * 32));
    const offset = (rel % CHUNK_NODES) * 32;
    this.length++;
    return this.chunks[chunkIndex].subarray(offset, offset + 32);
  }

  get(index: number): Uint8Array {
    if (index < this.firstIndex || index >= this.length) {
      throw new RangeError(`node ${index} not held (held: ${this.firstIndex}..${this.length - 1})`);
    }
    const rel = index - this.chunkBase;
    const offset = (rel % CHUNK_NODES) * 32;
    return this.chunks[Math.floor(rel / CHUNK_NODES)].subarray(offset, offset + 32);
  }

  /** Forget every node below `index`. */
  pruneBelow(index: number): void {
    if (index <= this.firstIndex) return;
    this.firstIndex = Math.min(index, this.length);
    const dropChunks = Math.floor((this.firstIndex - this.chunkBase) / CHUNK_NODES);
    if (dropChunks > 0) {
      this.chunks.splice(0, dropChunks);
      this.chunkBase += dropChunks * CHUNK_NODES;
    }
  }

  /** Forget every node at or above `index` (rollback after a reorg). */
  truncate(index: number): void {
    if (index < this.firstIndex) throw new RangeError(`cannot truncate below pruned index ${this.firstIndex}`);
    if (index >= this.length) return;
    this.length = index;
    const keepChunks = Math.ceil((index - this.chunkBase) / CHUNK_NODES);
    this.chunks.length = Math.min(this.chunks.length, keepChunks);
  }
}
