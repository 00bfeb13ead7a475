// watchActivation: follow keys until they are active. Re-reads the status of those not yet active (a group of keys
// per request) on every new head announced by the
// node's event stream (/eth/v1/events?topics=head, server-sent events over fetch, so it also runs in browsers);
// if the stream cannot be opened or drops, it polls every `pollIntervalMs` instead.
import { apiUrl, type BeaconApiOptions, normalizePubkey } from "./http.js";
import { getValidatorStatusInfos, type ValidatorStatus, type ValidatorStatusInfo } from "./validatorStatus.js";
import { VALIDATOR_STATUSES } from "./validatorStatuses.js";

export interface ActivationUpdate extends ValidatorStatusInfo {
  previousStatus: ValidatorStatus | null;
}

export interface WatchActivationOptions extends BeaconApiOptions {
  /** polling period when the event stream is unavailable (default 6000 ms) */
  pollIntervalMs?: number;
  /** set false to poll only */
  useEvents?: boolean;
}

/** Every status from active_ongoing on (VALIDATOR_STATUSES is in lifecycle order). */
const ACTIVE_OR_LATER = new Set<ValidatorStatus | null>(
  VALIDATOR_STATUSES.slice(VALIDATOR_STATUSES.indexOf("active_ongoing")),
);

/** Yields an update whenever a watched key's status changes (the first read included); ends when all are active. */
export async function* watchActivation(
  opts: WatchActivationOptions,
  pubkeys: readonly (string | Uint8Array)[],
): AsyncGenerator<ActivationUpdate> {
  const keys = pubkeys.map(normalizePubkey);
  const last = new Map<string, ValidatorStatus | null | undefined>(keys.map((k) => [k, undefined]));
  const signals = new HeadSignal(opts);
  try {
    while (true) {
      const open = keys.filter((key) => !ACTIVE_OR_LATER.has(last.get(key) ?? null));
      for (const info of await getValidatorStatusInfos(opts, open)) {
        const key = info.pubkey;
        const previous = last.get(key);
        if (previous !== info.status) {
          last.set(key, info.status);
          yield { ...info, previousStatus: previous ?? null };
        }
      }
      if (keys.every((k) => ACTIVE_OR_LATER.has(last.get(k) ?? null))) return;
      await signals.next();
    }
  } finally {
    signals.close();
  }
}

/** Resolves `next()` on each head event, or after the poll interval when no stream is open. */
class HeadSignal {
  private waiter: (() => void) | null = null;
  private pending = false;
  private streaming = false;
  private readonly ctrl = new AbortController();

  constructor(private readonly opts: WatchActivationOptions) {
    opts.signal?.addEventListener("abort", () => this.ctrl.abort());
    if (opts.useEvents !== false) void this.stream();
  }

  next(): Promise<void> {
    if (this.opts.signal?.aborted) return Promise.reject(new Error("watchActivation aborted"));
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.waiter = null;
          resolve();
        },
        this.streaming ? 60_000 : (this.opts.pollIntervalMs ?? 6000),
      );
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error("watchActivation aborted"));
      };
      this.opts.signal?.addEventListener("abort", onAbort, { once: true });
      this.waiter = () => {
        clearTimeout(timer);
        this.opts.signal?.removeEventListener("abort", onAbort);
        this.waiter = null;
        resolve();
      };
    });
  }

  private wake() {
    if (this.waiter) this.waiter();
    else this.pending = true;
  }

  private async stream(): Promise<void> {
    const doFetch = this.opts.fetch ?? globalThis.fetch;
    try {
      const res = await doFetch(apiUrl(this.opts, "/eth/v1/events?topics=head"), {
        headers: { accept: "text/event-stream" },
        signal: this.ctrl.signal,
      });
      if (!res.ok || !res.body) return; // no event stream: polling
      this.streaming = true;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: head$/m.test(frame)) this.wake();
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // stream failed or aborted: fall back to polling
    } finally {
      if (this.streaming) {
        this.streaming = false;
        this.wake(); // re-check now, then poll
      }
    }
  }

  close() {
    this.ctrl.abort();
  }
}
