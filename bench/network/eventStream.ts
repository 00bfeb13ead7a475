// A Beacon API server-sent-event stream (/eth/v1/events) read with fetch: each event is handed over with the time
// it arrived here (performance.now(), ms), so arrivals on several nodes compare on one clock.
export interface ArrivedEvent {
  topic: string;
  data: unknown;
  atMs: number;
}

/** Subscribes to `topics` on the node at `restUrl`; returns a function that closes the stream. */
export async function subscribeEvents(
  restUrl: string,
  topics: string[],
  onEvent: (e: ArrivedEvent) => void,
): Promise<() => void> {
  const ctrl = new AbortController();
  const res = await fetch(`${restUrl}/eth/v1/events?topics=${topics.join(",")}`, { signal: ctrl.signal });
  if (!res.ok || !res.body) throw new Error(`${restUrl}/eth/v1/events: HTTP ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const atMs = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const topic = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (topic && data) onEvent({ topic, data: JSON.parse(data), atMs });
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted or the node went away
    }
  })();
  return () => ctrl.abort();
}
