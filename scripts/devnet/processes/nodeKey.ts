// The devnet writes each node's libp2p identity before the node starts (a secp256k1 key, protobuf-encoded, 0600, at
// <data-dir>/p2p-key as btc20-node keeps it), so every peer id is known up front: all nodes start at once, each
// with every other node as a bootnode (a full mesh without discovery), and a restarted node keeps its peer id.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from "@libp2p/crypto/keys";
import { peerIdFromPrivateKey } from "@libp2p/peer-id";

/** btc20-node's node key file in its data dir (INTERFACES.md: `<data-dir>/p2p-key`). */
export const NODE_KEY_FILE = "p2p-key";

/** Creates the data dir's node key if missing; returns its peer id. */
export async function ensureNodeKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, NODE_KEY_FILE);
  if (existsSync(file)) return peerIdFromPrivateKey(privateKeyFromProtobuf(readFileSync(file))).toString();
  const key = await generateKeyPair("secp256k1");
  writeFileSync(file, privateKeyToProtobuf(key), { mode: 0o600, flag: "wx" });
  return peerIdFromPrivateKey(key).toString();
}
