// EIP-2333 through blst's native implementation (Node only); selected by eip2333.ts when it loads.
import { SecretKey } from "@chainsafe/blst";

export function deriveMasterSecretKeyNative(seed: Uint8Array): Uint8Array {
  return SecretKey.deriveMasterEip2333(seed).toBytes();
}

export function deriveChildSecretKeyNative(parentSecretKey: Uint8Array, index: number): Uint8Array {
  return SecretKey.fromBytes(parentSecretKey).deriveChildEip2333(index).toBytes();
}
