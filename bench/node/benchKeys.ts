// Many validator keys fast (blst keygen from a counter seed), and a committee's aggregate signature with one signing:
// for a fixed message, aggregate(sign(sk_i, m)) = sign(sum(sk_i) mod r, m).
import { SecretKey } from "@chainsafe/blst";
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { CURVE_ORDER } from "../../sdk/crypto/bls/constants.js";

export function benchKeys(count: number): ValidatorKey[] {
  const keys: ValidatorKey[] = [];
  const ikm = new Uint8Array(32);
  const view = new DataView(ikm.buffer);
  for (let i = 0; i < count; i++) {
    view.setUint32(0, i + 1, true);
    const sk = SecretKey.fromKeygen(ikm);
    keys.push({ secretKey: sk.toBytes(), publicKey: sk.toPublicKey().toBytes() });
  }
  return keys;
}

const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString("hex")}`);

/** The secret key whose signatures equal the aggregate of the given keys' signatures on any message. */
export function aggregateSecretKey(secretKeys: Uint8Array[]): Uint8Array {
  let sum = 0n;
  for (const sk of secretKeys) sum = (sum + toBig(sk)) % CURVE_ORDER;
  return Uint8Array.from(Buffer.from(sum.toString(16).padStart(64, "0"), "hex"));
}
