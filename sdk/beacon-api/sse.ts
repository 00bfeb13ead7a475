// Server-sent events over fetch (browser-safe): GET /eth/v1/events?topics=..., parsed per the EventSource format
// (lines "event: x", "data: y", blank line ends an event; lines starting with ":" are comments).
import { BeaconApiError } from "./errors.js";
import { apiUrl, type BeaconApiOptions } from "./http.js";

export interface SseEvent {
  event: string;
  data: string;
}

export async function streamEvents(
  opts: BeaconApiOptions,
  topics: readonly string[],
  onEvent: (e: SseEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const path = `/eth/v1/events?topics=${topics.join(",")}`;
  let res: Response;
  try {
    res = await doFetch(apiUrl(opts, path), { headers: { accept: "text/event-stream" }, signal });
  } catch (e) {
    if (signal.aborted) return;
    throw new BeaconApiError("NETWORK_ERROR", `GET ${path} failed: ${(e as Error).message}`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new BeaconApiError("HTTP_ERROR", `GET ${path}: HTTP ${res.status}`, res.status);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "message";
  let dataLines: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let nl = buffer.indexOf("\n");
      while (nl >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, "");
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf("\n");
        if (line === "") {
          if (dataLines.length > 0) onEvent({ event, data: dataLines.join("\n") });
          event = "message";
          dataLines = [];
        } else if (line.startsWith(":")) {
          // comment / keep-alive
        } else {
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "event") event = val;
          else if (field === "data") dataLines.push(val);
        }
      }
    }
  } catch (e) {
    if (signal.aborted) return;
    throw new BeaconApiError("NETWORK_ERROR", `event stream ${path} broke: ${(e as Error).message}`);
  } finally {
    reader.releaseLock();
  }
}
