// Devnet validator keys, made with the SDK: a fixed BIP-39 mnemonic, EIP-2333/2334 signing keys
// m/12381/3600/i/0/0, and EIP-2335-free in-memory use (the devnet never writes secrets to disk).

import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { bls } from "../../sdk/crypto/bls/index.js";
import { deriveSecretKeyAtPath } from "../../sdk/keys/eip2333.js";
import { signingKeyPath } from "../../sdk/keys/eip2334.js";
import { mnemonicToSeedSync } from "../../sdk/keys/mnemonic.js";
import { BTC20_COIN_TYPE } from "../../sdk/networks/btc20.js";

/** Public test mnemonic (never use it for real funds). */
export const DEVNET_MNEMONIC = "test test test test test test test test test test test junk";

const seedCache = new Map<string, Uint8Array>();

export function devnetKeys(from: number, count: number, mnemonic = DEVNET_MNEMONIC): ValidatorKey[] {
  let seed = seedCache.get(mnemonic);
  if (!seed) {
    seed = mnemonicToSeedSync(mnemonic);
    seedCache.set(mnemonic, seed);
  }
  const keys: ValidatorKey[] = [];
  for (let i = from; i < from + count; i++) {
    const secretKey = deriveSecretKeyAtPath(seed, signingKeyPath(BTC20_COIN_TYPE, i));
    keys.push({ secretKey, publicKey: bls.secretKeyToPublicKey(secretKey) });
  }
  return keys;
}
