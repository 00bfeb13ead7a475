import type { RootHex } from "../types.js";

/** A 32-byte root as the fork choice's lowercase 0x-hex key. */
export function rootHex(root: Uint8Array): RootHex {
  return `0x${Buffer.from(root.buffer, root.byteOffset, root.byteLength).toString("hex")}`;
}

/** The spec's Checkpoint value with its root as hex. */
export function checkpointHex(checkpoint: { epoch: number; root: Uint8Array }): { epoch: number; root: RootHex } {
  return { epoch: checkpoint.epoch, root: rootHex(checkpoint.root) };
}
