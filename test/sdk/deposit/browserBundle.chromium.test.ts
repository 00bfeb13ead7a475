// The SDK's browser bundle loaded in real Chromium (not Node, where `Buffer` and other Node globals would hide a
// browser-only failure): it imports without errors and verifies a reference deposit_data file with its pure-JS BLS,
// and rejects a tampered signature.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import type { Browser } from "playwright-core";
import { buildBrowserBundle } from "../../../scripts/build-browser.js";
import { launchChromium } from "../../browser/chromium.js";
import { stakingSmithCases } from "./vectors.js";

const ORIGIN = "http://sdk.test";

describe("sdk/browser.ts bundle in Chromium", function () {
  this.timeout(60_000);
  let browser: Browser;
  let bundleJs: string;

  before(async () => {
    const bundle = await buildBrowserBundle(path.join(mkdtempSync(path.join(tmpdir(), "btc20-browser-")), "sdk.mjs"));
    expect(bundle.forbidden).to.deep.equal([]);
    bundleJs = readFileSync(bundle.file, "utf8");
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it("loads with no page error and verifies a reference deposit_data file (and flags a bad signature)", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    // Served from a routed origin: a module import needs http(s), and nothing listens on a port.
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === "/sdk.js") return route.fulfill({ contentType: "text/javascript", body: bundleJs });
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>sdk</title>" });
    });
    await page.goto(`${ORIGIN}/`);

    const c = stakingSmithCases().find((x) => x.id === "multiple_validators/hoodi")!;
    const entries = c.deposit_data_file.json;
    const tampered = structuredClone(entries);
    // flip one signature byte (still 96 bytes of hex)
    const sig = tampered[0]!.signature;
    tampered[0]!.signature = `${sig.slice(0, -2)}${sig.endsWith("00") ? "01" : "00"}`;

    const out = await page.evaluate(
      async ({ entries, tampered, chain }) => {
        // a URL of the routed origin, not a module of this repo (hence the variable: TypeScript does not resolve it)
        const url = "/sdk.js";
        const sdk = await import(url);
        const network = sdk.getNetwork(chain);
        const good = sdk.verifyDepositData(entries, network, { bls: sdk.bls });
        const bad = sdk.verifyDepositData(tampered, network, { bls: sdk.bls });
        return {
          hasBuffer: "Buffer" in globalThis,
          backend: sdk.bls.backend as string,
          goodOk: good.ok as boolean,
          goodCount: good.entries.length as number,
          badCodes: bad.entries.map((e: { issues: { code: string }[] }) => e.issues.map((i) => i.code)),
        };
      },
      { entries, tampered, chain: c.chain },
    );
    expect(errors).to.deep.equal([]);
    expect(out.hasBuffer, "the page has no Buffer global, so the test would catch a Buffer dependency").to.equal(false);
    expect(out.backend).to.equal("noble");
    expect(out.goodOk).to.equal(true);
    expect(out.goodCount).to.equal(entries.length);
    expect(out.badCodes[0]).to.include("BAD_SIGNATURE");
    expect(out.badCodes.slice(1).flat()).to.deep.equal([]);
    await page.close();
  });
});
