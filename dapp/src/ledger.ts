// Per-key sending state, kept in localStorage per network and deposit contract, so a reload or a rejected signature
// resumes: keys mined stay mined, transactions sent but not yet mined are followed up (never sent again while
// pending). The chain (contract logs) and the node stay the truth; this only remembers what this browser sent.
import { type AppConfig, storageKey } from "./config.js";

export type KeyState =
  | "ready"
  | "awaiting-signature"
  | "pending"
  | "mined"
  | "failed"
  | "rejected"
  | "already-deposited";

export const KEY_STATE_LABEL: Record<KeyState, string> = {
  ready: "ready",
  "awaiting-signature": "awaiting signature",
  pending: "pending",
  mined: "mined",
  failed: "failed",
  rejected: "rejected",
  "already-deposited": "already deposited",
};

export interface KeyRecord {
  state: KeyState;
  txHash?: string;
  depositIndex?: string;
  message?: string;
}

export class Ledger {
  private readonly key: string;
  private readonly map: Map<string, KeyRecord>;

  constructor(cfg: AppConfig, contractAddress: string) {
    this.key = storageKey(cfg, `ledger:${contractAddress.toLowerCase()}`);
    let saved: Record<string, KeyRecord> = {};
    try {
      saved = JSON.parse(localStorage.getItem(this.key) ?? "{}") as Record<string, KeyRecord>;
    } catch {
      saved = {};
    }
    this.map = new Map(Object.entries(saved));
  }

  get(pubkey: string): KeyRecord | undefined {
    return this.map.get(pubkey.toLowerCase());
  }

  set(pubkey: string, record: KeyRecord): void {
    this.map.set(pubkey.toLowerCase(), record);
    localStorage.setItem(this.key, JSON.stringify(Object.fromEntries(this.map)));
  }

  /** Pubkeys (hex without 0x) with a deposit sent from this browser or found on chain. */
  sentPubkeys(): string[] {
    return [...this.map.entries()]
      .filter(([, r]) => r.state === "mined" || r.state === "pending" || r.state === "already-deposited")
      .map(([k]) => k);
  }
}
