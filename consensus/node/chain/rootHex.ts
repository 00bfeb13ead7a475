// Roots as lowercase 0x hex strings: the fork choice keys blocks this way, and maps need value keys.
export type RootHex = string;

export function toRootHex(root: Uint8Array): RootHex {
  return `0x${Buffer.from(root.buffer, root.byteOffset, root.byteLength).toString("hex")}`;
}

export function fromRootHex(hex: RootHex): Uint8Array {
  return new Uint8Array(Buffer.from(hex.slice(2), "hex"));
}
