// The keys this validator client holds, their validator indices once the chain knows them, and whether each may sign
// (doppelganger protection). All signing goes through the ValidatorSigner, i.e. through the EIP-3076
// slashing-protection database.
import type { Logger } from "pino";
import type { ValidatorSigner } from "../validator/signer.js";
import type { LoadedKey } from "./keystoreFiles.js";
import type { ValidatorMetrics } from "./metrics.js";

/**
 * checking: doppelganger protection is watching the key (no signatures yet); active: may sign;
 * detected: another instance signed with this key: never signs until restarted and checked again.
 */
export type KeyState = "checking" | "active" | "detected";

export interface HeldKey {
  key: LoadedKey;
  index: number | null;
  state: KeyState;
  /** doppelganger protection: first epoch watched for this key */
  watchFromEpoch: number;
}

export class ValidatorStore {
  private readonly held = new Map<string, HeldKey>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly signer: ValidatorSigner,
    private readonly opts: { logger?: Logger; metrics?: ValidatorMetrics } = {},
  ) {}

  /** called when keys are added or removed (duties must be fetched again) */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  private changed(): void {
    const m = this.opts.metrics?.keys;
    if (m) {
      for (const s of ["checking", "active", "detected"] as const) m.set({ state: s }, 0);
      for (const h of this.held.values()) m.inc({ state: h.state });
    }
    for (const fn of this.listeners) fn();
  }

  /** Adds a key: active at once, or watched by doppelganger protection from `watchFromEpoch`. */
  add(key: LoadedKey, doppelganger: { watchFromEpoch: number } | null): boolean {
    if (this.held.has(key.pubkeyHex)) return false;
    this.signer.addKey(key);
    this.held.set(key.pubkeyHex, {
      key,
      index: null,
      state: doppelganger ? "checking" : "active",
      watchFromEpoch: doppelganger?.watchFromEpoch ?? 0,
    });
    this.changed();
    return true;
  }

  /** Removes a key: nothing is signed with it after this returns. */
  remove(pubkeyHex: string): HeldKey | null {
    const h = this.held.get(pubkeyHex);
    if (!h) return null;
    this.signer.removeKey(h.key.publicKey);
    this.held.delete(pubkeyHex);
    this.changed();
    return h;
  }

  get(pubkeyHex: string): HeldKey | undefined {
    return this.held.get(pubkeyHex);
  }

  all(): HeldKey[] {
    return [...this.held.values()];
  }

  setIndex(pubkeyHex: string, index: number): void {
    const h = this.held.get(pubkeyHex);
    if (h && h.index === null) {
      h.index = index;
      this.opts.logger?.info({ pubkey: pubkeyHex, index }, "validator index known");
    }
  }

  setState(pubkeyHex: string, state: KeyState): void {
    const h = this.held.get(pubkeyHex);
    if (!h || h.state === state) return;
    h.state = state;
    this.changed();
  }

  /** true when `pubkeyHex` is held and cleared to sign */
  canSign(pubkeyHex: string): boolean {
    return this.held.get(pubkeyHex)?.state === "active";
  }

  indices(): number[] {
    return this.all()
      .map((h) => h.index)
      .filter((i): i is number => i !== null);
  }

  byIndex(index: number): HeldKey | undefined {
    for (const h of this.held.values()) if (h.index === index) return h;
    return undefined;
  }
}
