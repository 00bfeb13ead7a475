// The staking dApp's shell: hash routes, each page loaded on demand (the SDK, ethers and BLS only load with the
// pages that need them, so the overview is quick to open on a phone).
import "./style.css";
import { appConfig } from "./config.js";
import { h, render } from "./dom.js";

export type Page = (main: HTMLElement, params: string[], signal: AbortSignal) => void | Promise<void>;

const ROUTES: Record<string, () => Promise<{ default: Page }>> = {
  "": () => import("./pages/overview.js"),
  keys: () => import("./pages/keys.js"),
  upload: () => import("./pages/upload.js"),
  deposit: () => import("./pages/deposit.js"),
  status: () => import("./pages/status.js"),
  topup: () => import("./pages/topup.js"),
  exit: () => import("./pages/exit.js"),
};

const main = document.getElementById("main")!;
let controller: AbortController | null = null;

async function route(): Promise<void> {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const name = parts[0] ?? "";
  const load = ROUTES[name];
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  for (const a of document.querySelectorAll<HTMLAnchorElement>("header nav a")) {
    const target = a.getAttribute("href")!.replace(/^#\/?/, "");
    if (target === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  if (!load) {
    render(main, h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/" }, "Back to the overview")));
    return;
  }
  try {
    const page = (await load()).default;
    if (signal.aborted) return;
    render(main);
    await page(main, parts.slice(1), signal);
    if (!signal.aborted) main.focus({ preventScroll: true });
  } catch (e) {
    if (signal.aborted) return;
    render(main, h("h1", {}, "Something went wrong"), h("p", { class: "error", role: "alert" }, (e as Error).message));
  }
}

const cfg = appConfig();
render(
  document.getElementById("foot")!,
  `Network ${cfg.networkName} · node ${cfg.nodeUrl} · nothing you type here leaves this page except to your wallet and this node`,
);
window.addEventListener("hashchange", () => void route());
// the first page is rendered and wired: what the benchmark's time-to-interactive waits for
void route().then(() => document.body.setAttribute("data-ready", String(Math.round(performance.now()))));
