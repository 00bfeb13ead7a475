// Everything a dApp browser test needs, started once: the dApp built with Vite and served statically on 127.0.0.1,
// the devnet processes (Hardhat + deposit contract + btc20-node with --rest.cors for that origin), Chromium, and
// the page's URL with the network, node, RPC and contract parameters.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { launchChromium } from "../browser/chromium.js";
import { type DevnetProcesses, startDevnetProcesses } from "./devnetProcesses.js";
import { serveStatic } from "./staticServer.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Screenshots written by the tests (git-ignored; two are copied to docs/dapp/ for the README). */
export const SCREENSHOT_DIR = path.join(ROOT, "test-results/dapp");

export interface DappHarness {
  devnet: DevnetProcesses;
  browser: Browser;
  appUrl: string;
  /** the dApp's URL with ?network, node, rpc, contract and fromBlock */
  pageUrl: (hash?: string) => string;
  buildMs: number;
  stop(): Promise<void>;
}

export async function buildDapp(outDir: string): Promise<number> {
  const started = performance.now();
  await build({
    configFile: path.join(ROOT, "dapp/vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return performance.now() - started;
}

export async function startDappHarness(
  opts: { validatorKeys?: number; log?: (line: string) => void } = {},
): Promise<DappHarness> {
  const out = mkdtempSync(path.join(tmpdir(), "btc20-dapp-build-"));
  const buildMs = await buildDapp(out);
  const site = await serveStatic(out);
  let devnet: DevnetProcesses | null = null;
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close();
    await devnet?.stop();
    await site.close();
    rmSync(out, { recursive: true, force: true });
  };
  try {
    devnet = await startDevnetProcesses({ corsOrigins: [site.url], validatorKeys: opts.validatorKeys, log: opts.log });
    browser = await launchChromium();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const d = devnet;
    const query = new URLSearchParams({
      network: "btc20-devnet",
      node: d.restUrl,
      rpc: d.eth1.url,
      contract: d.eth1.contractAddress,
      fromBlock: String(d.eth1.deployBlock),
    });
    return {
      devnet: d,
      browser,
      appUrl: site.url,
      pageUrl: (hash = "#/") => `${site.url}/?${query}${hash}`,
      buildMs,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
