// Status: each key's state at the node (deposit_pending -> pending_initialized -> pending_queued -> active_ongoing),
// its place in the activation queue and ETA from /btc20/v1/activation_queue, updated live from the node's event
// stream (SDK watchActivation over SSE). #/status/0x<pubkey> is a shareable page for one key; #/status lists the
// keys of the uploaded file.
import {
  type ActivationQueue,
  getActivationQueue,
  normalizePubkey,
  type ValidatorStatus,
  watchActivation,
} from "../../../sdk/browser.js";
import { appConfig } from "../config.js";
import { h, render, shortHex, statusLine } from "../dom.js";
import { loadedFile, savedFile } from "../session.js";

const STEPS: ValidatorStatus[] = ["deposit_pending", "pending_initialized", "pending_queued", "active_ongoing"];

export default async function status(main: HTMLElement, params: string[], signal: AbortSignal): Promise<void> {
  const cfg = appConfig();
  const api = { baseUrl: cfg.nodeUrl, signal };
  let keys: string[] = [];
  const single = params[0];
  if (single) {
    try {
      keys = [normalizePubkey(single)];
    } catch (e) {
      main.append(h("h1", {}, "Validator status"), h("p", { class: "error", role: "alert" }, (e as Error).message));
      return;
    }
  } else {
    const file = loadedFile();
    const text = file?.text ?? savedFile(cfg)?.text;
    if (text) {
      try {
        keys = (JSON.parse(text) as { pubkey: string }[]).map((e) => normalizePubkey(e.pubkey));
      } catch {
        keys = [];
      }
    }
  }
  const lookup = h("form", { class: "row", role: "search" });
  const lookupInput = h("input", {
    type: "text",
    id: "lookup",
    placeholder: "0x… validator public key",
    "aria-label": "Validator public key",
    autocomplete: "off",
    spellcheck: "false",
  });
  lookup.append(lookupInput, h("button", { type: "submit" }, "Show"));
  lookup.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/status/${lookupInput.value.trim()}`;
  });
  main.append(h("h1", {}, single ? "Validator status" : "Activation status"), lookup);
  if (keys.length === 0) {
    main.append(h("p", {}, "Enter a public key, or upload a deposit_data file to follow all its keys."));
    return;
  }
  const line = statusLine("Reading the node…");
  const live = h("p", { class: "muted", "data-testid": "live" }, "");
  const head = h("p", { "data-testid": "queue-summary" });
  const body = h("tbody", {});
  const rows = new Map<string, HTMLTableRowElement>();
  for (const k of keys) {
    const row = h(
      "tr",
      { "data-pubkey": k },
      h("td", {}, single ? h("code", {}, k) : h("a", { href: `#/status/${k}`, title: k }, shortHex(k))),
      h("td", { class: "st" }, h("span", { class: "badge" }, "…")),
      h("td", { class: "idx hide-narrow" }),
      h("td", { class: "pos" }),
      h("td", { class: "eta" }),
    );
    rows.set(k, row);
    body.append(row);
  }
  main.append(
    head,
    live,
    line,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { "data-testid": "status-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "pubkey"),
            h("th", {}, "status"),
            h("th", { class: "hide-narrow" }, "index"),
            h("th", {}, "queue"),
            h("th", {}, "expected active"),
          ),
        ),
        body,
      ),
    ),
  );
  if (single) {
    const url = location.href;
    main.append(
      h("h2", {}, "Lifecycle"),
      h(
        "ol",
        { class: "steps", "data-testid": "lifecycle" },
        STEPS.map((s) => h("li", { "data-step": s }, s)),
      ),
      h("label", { for: "share" }, "Shareable link to this key's status"),
      h("input", { type: "text", id: "share", readonly: true, value: url }),
    );
  }

  const statuses = new Map<string, ValidatorStatus | null>();
  const show = (k: string, st: ValidatorStatus | null, index: number | null) => {
    statuses.set(k, st);
    const row = rows.get(k)!;
    row.dataset.status = st ?? "unknown";
    const badge = row.querySelector(".badge")!;
    badge.className = `badge ${st ?? ""}`;
    badge.textContent = st ?? "not seen by the node yet";
    if (index !== null) row.querySelector(".idx")!.textContent = String(index);
    if (single) {
      const reached = STEPS.indexOf(st as ValidatorStatus);
      for (const li of main.querySelectorAll<HTMLLIElement>("[data-step]")) {
        const i = STEPS.indexOf(li.dataset.step as ValidatorStatus);
        li.className = i <= reached ? "ok" : "muted";
        if (i === reached) li.setAttribute("aria-current", "step");
        else li.removeAttribute("aria-current");
      }
    }
  };

  const showQueue = (q: ActivationQueue) => {
    render(
      head,
      `Epoch ${q.currentEpoch} (finalized ${q.finalizedEpoch}) · ${q.activeValidators} active · queue ${q.length}, ${q.churnLimit} activated per epoch`,
    );
    for (const k of keys) {
      const e = q.entries.find((x) => x.pubkey.toLowerCase() === k);
      const row = rows.get(k)!;
      const pos = row.querySelector(".pos")!;
      const eta = row.querySelector(".eta")!;
      const st = statuses.get(k);
      if (st && !STEPS.slice(0, 3).includes(st)) {
        pos.textContent = "";
        eta.textContent = st === "active_ongoing" ? "active" : "";
        continue;
      }
      pos.textContent = e?.position !== null && e?.position !== undefined ? `#${e.position + 1} of ${q.length}` : "";
      if (e?.etaTime) {
        const minutes = Math.max(0, Math.round((e.etaTime * 1000 - Date.now()) / 60000));
        eta.textContent = `${new Date(e.etaTime * 1000).toLocaleString()} (~${minutes} min${e.estimated ? ", estimate" : ""})`;
      } else eta.textContent = "";
    }
  };

  const refreshQueue = async () => {
    try {
      showQueue(await getActivationQueue(api, keys.length <= 64 ? keys : []));
    } catch (e) {
      if (!signal.aborted) line.textContent = `Queue unavailable: ${(e as Error).message}`;
    }
  };

  const timer = setInterval(() => void refreshQueue(), 6000);
  signal.addEventListener("abort", () => clearInterval(timer));
  void refreshQueue();
  try {
    let first = true;
    for await (const u of watchActivation({ ...api, pollIntervalMs: 3000 }, keys)) {
      if (signal.aborted) return;
      show(u.pubkey, u.status, u.index);
      if (first) line.textContent = "";
      first = false;
      live.textContent = `Live from ${cfg.nodeUrl}: last change ${new Date().toLocaleTimeString()} (${shortHex(u.pubkey)} → ${u.status ?? "unknown"})`;
      void refreshQueue();
    }
    if (!signal.aborted) live.textContent = "Every key is active.";
    await refreshQueue();
  } catch (e) {
    if (!signal.aborted) line.textContent = `The node did not answer: ${(e as Error).message}`;
  } finally {
    clearInterval(timer);
  }
}
