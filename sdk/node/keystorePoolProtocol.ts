// Messages between the keystore pool and its workers.
import type { CreateKeystoreOptions } from "../keys/keystore/create.js";
import type { Keystore } from "../keys/keystore/types.js";

export interface KeystoreJob {
  secretKey: Uint8Array;
  /** EIP-2334 path stored in the keystore (also its file name). */
  path: string;
  description?: string;
  pubkey?: Uint8Array;
}

/** Options shared by every keystore of a batch (no fixed salt/IV/UUID: each keystore gets fresh ones). */
export type SharedKeystoreOptions = Omit<CreateKeystoreOptions, "path" | "pubkey" | "salt" | "iv" | "uuid">;

export interface KeystoreWorkerData {
  password: string;
  options: SharedKeystoreOptions;
}

export interface WorkerRequest {
  id: number;
  job: KeystoreJob;
}

export type WorkerReply =
  | { id: number; keystore: Keystore }
  | { id: number; error: { code?: string; message: string } };
