// The node's persistent libp2p identity: a secp256k1 key (p2p-interface.md "Network fundamentals": Noise with
// secp256k1 identities, peer ids 16Uiu2...) kept at <data-dir>/p2p-key (protobuf-encoded, mode 0600), created on
// first start, so the peer id is stable across restarts.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from "@libp2p/crypto/keys";
import type { PrivateKey } from "@libp2p/interface";
import { CodedError } from "../../../sdk/errors/codedError.js";

export const NODE_KEY_FILE = "p2p-key";

export class NodeKeyError extends CodedError<"NODE_KEY_INVALID"> {
  override readonly name = "NodeKeyError";
}

export async function loadOrCreateNodeKey(dataDir: string): Promise<{ key: PrivateKey; created: boolean }> {
  const file = path.join(dataDir, NODE_KEY_FILE);
  if (existsSync(file)) {
    let key: PrivateKey;
    try {
      key = privateKeyFromProtobuf(readFileSync(file));
    } catch (e) {
      throw new NodeKeyError(
        "NODE_KEY_INVALID",
        `${file} is not a libp2p private key (${(e as Error).message}); move it away to create a new identity`,
      );
    }
    if (key.type !== "secp256k1") {
      throw new NodeKeyError("NODE_KEY_INVALID", `${file} holds a ${key.type} key; expected secp256k1`);
    }
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { key, created: false };
  }
  const key = await generateKeyPair("secp256k1");
  writeFileSync(file, privateKeyToProtobuf(key), { mode: 0o600, flag: "wx" });
  return { key, created: true };
}
