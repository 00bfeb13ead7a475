import { digest64Into } from "@chainsafe/as-sha256";

/** The fields of a DepositData (phase0 beacon-chain.md, "DepositData"). */
export interface DepositDataFields {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  /** gwei */
  amount: number;
  signature: Uint8Array;
}

const scratch = new Uint8Array(64);
const nodes = new Uint8Array(32 * 4);

function hashInto(left: Uint8Array, right: Uint8Array, out: Uint8Array): void {
  scratch.set(left, 0);
  scratch.set(right, 32);
  digest64Into(scratch, out);
}

/**
 * hash_tree_root(DepositData) — the deposit contract's leaf — with its seven SHA-256 compressions written out, as the
 * contract does. Written by hand because the generic SSZ container hashing of @chainsafe/ssz costs ~10x more per
 * deposit, and the follower hashes every deposit log it reads; the tests check it against
 * `DepositData.hashTreeRoot` on random inputs.
 *
 * Layout: root = H(H(pubkey_root, withdrawal_credentials), H(amount_leaf, signature_root)), where
 * pubkey_root = H(pubkey[0:32], pubkey[32:48] ++ 16 zero bytes), amount_leaf = uint64 little-endian padded to 32
 * bytes, signature_root = H(H(sig[0:32], sig[32:64]), H(sig[64:96], 32 zero bytes)).
 */
export function depositDataRoot(d: DepositDataFields): Uint8Array {
  if (d.pubkey.length !== 48 || d.withdrawalCredentials.length !== 32 || d.signature.length !== 96) {
    throw new RangeError("DepositData needs a 48-byte pubkey, 32-byte withdrawal credentials and a 96-byte signature");
  }
  if (!Number.isSafeInteger(d.amount) || d.amount < 0)
    throw new RangeError(`amount ${d.amount} is not a uint64 gwei value`);
  const pubkeyRoot = nodes.subarray(0, 32);
  const sigRoot = nodes.subarray(32, 64);
  const left = nodes.subarray(64, 96);
  const right = nodes.subarray(96, 128);
  // pubkey_root
  scratch.fill(0);
  scratch.set(d.pubkey, 0);
  digest64Into(scratch, pubkeyRoot);
  // signature_root
  digest64Into(d.signature.subarray(0, 64), left);
  scratch.fill(0);
  scratch.set(d.signature.subarray(64, 96), 0);
  digest64Into(scratch, right);
  hashInto(left, right, sigRoot);
  // left: H(pubkey_root, withdrawal_credentials)
  hashInto(pubkeyRoot, d.withdrawalCredentials, left);
  // right: H(amount_leaf, signature_root)
  scratch.fill(0);
  new DataView(scratch.buffer, scratch.byteOffset, 8).setBigUint64(0, BigInt(d.amount), true);
  scratch.set(sigRoot, 32);
  digest64Into(scratch, right);
  const root = new Uint8Array(32);
  hashInto(left, right, root);
  return root;
}
