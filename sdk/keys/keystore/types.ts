// EIP-2335 keystore (version 4) JSON shapes, fields in the order the EIP's examples write them.

export interface ScryptParams {
  dklen: number;
  n: number;
  p: number;
  r: number;
  /** hex, no 0x */
  salt: string;
}

export interface Pbkdf2Params {
  dklen: number;
  c: number;
  prf: "hmac-sha256";
  /** hex, no 0x */
  salt: string;
}

export type KdfModule =
  | { function: "scrypt"; params: ScryptParams; message: "" }
  | { function: "pbkdf2"; params: Pbkdf2Params; message: "" };

export interface Keystore {
  crypto: {
    kdf: KdfModule;
    checksum: { function: "sha256"; params: Record<string, never>; message: string };
    cipher: { function: "aes-128-ctr"; params: { iv: string }; message: string };
  };
  description: string;
  /** compressed BLS public key, hex without 0x */
  pubkey: string;
  /** EIP-2334 path of the key, or "" */
  path: string;
  uuid: string;
  version: 4;
}

export type KdfName = KdfModule["function"];
