// Doppelganger protection (optional, --doppelganger-protection): a key starts in "checking" and signs nothing while
// the beacon node's liveness data (POST /eth/v1/validator/liveness/{epoch}) is watched for it during two full epochs:
// the epoch the client started (or the key was imported) in, and the next. If the key was live in either, another
// instance is signing with it: the key is marked "detected" and never signs in this process. Otherwise it becomes
// "active" at the start of the epoch after. A key without a validator index yet cannot be live, and passes too.
// Liveness in an epoch for which the slashing-protection database holds the key's vote is this client's own (it ran
// before a restart), so a restart within an epoch is not taken for a doppelganger.
// If the node cannot answer liveness the key stays in "checking": no evidence is not taken as no doppelganger.
import type { Logger } from "pino";
import type { BeaconNodes } from "./beaconNodes.js";
import type { ValidatorStore } from "./validatorStore.js";

/** Full epochs a key is watched before it may sign. */
export const DOPPELGANGER_EPOCHS = 2;

export class DoppelgangerService {
  /** pubkeys found live elsewhere (tests, logs) */
  readonly detected: string[] = [];

  constructor(
    private readonly nodes: BeaconNodes,
    private readonly store: ValidatorStore,
    private readonly opts: { logger?: Logger } = {},
    /** whether this client's own database recorded a vote of the key for the epoch */
    private readonly ownVote?: (pubkey: Uint8Array, epoch: number) => boolean,
  ) {}

  /** Called at the start of `epoch`: checks epoch-1 for every key still being watched. */
  async onEpoch(epoch: number): Promise<void> {
    const checked = epoch - 1;
    const watching = this.store.all().filter((h) => h.state === "checking" && checked >= h.watchFromEpoch);
    if (watching.length === 0) return;
    const withIndex = watching.filter((h) => h.index !== null);
    let live = new Set<number>();
    if (withIndex.length > 0) {
      try {
        const res = await this.nodes.call("liveness", (api) =>
          api.getLiveness(
            checked,
            withIndex.map((h) => h.index!),
          ),
        );
        live = new Set(res.filter((r) => r.is_live).map((r) => Number(r.index)));
      } catch (e) {
        this.opts.logger?.error(
          { epoch: checked, err: (e as Error).message },
          "doppelganger protection: liveness unavailable; keys stay disabled",
        );
        return;
      }
    }
    for (const h of watching) {
      // a vote our own slashing-protection database holds for that epoch is ours (signed before a restart), not a
      // doppelganger's; the epoch after it is watched with no vote of ours possible
      const ours = this.ownVote?.(h.key.publicKey, checked) ?? false;
      if (h.index !== null && live.has(h.index) && !ours) {
        this.store.setState(h.key.pubkeyHex, "detected");
        this.detected.push(h.key.pubkeyHex);
        this.opts.logger?.error(
          { pubkey: h.key.pubkeyHex, index: h.index, epoch: checked },
          "DOPPELGANGER DETECTED: this key signed elsewhere; it will not sign in this process",
        );
      } else if (checked >= h.watchFromEpoch + DOPPELGANGER_EPOCHS - 1) {
        this.store.setState(h.key.pubkeyHex, "active");
        this.opts.logger?.info({ pubkey: h.key.pubkeyHex, index: h.index }, "doppelganger check passed: signing");
      }
    }
  }
}
