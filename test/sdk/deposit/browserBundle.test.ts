// The browser bundle of the SDK (scripts/build-browser.ts) is free of Node-only code and, loaded as is, makes
// byte-identical deposit data with its pure-JS back ends.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { buildBrowserBundle } from "../../../scripts/build-browser.js";
import { stakingSmithCases } from "./vectors.js";

describe("sdk/browser.ts bundle", () => {
  it("bundles for the browser without node: or native modules and reproduces a reference deposit", async () => {
    const bundle = await buildBrowserBundle(path.join(mkdtempSync(path.join(tmpdir(), "btc20-browser-")), "sdk.mjs"));
    expect(bundle.forbidden).to.deep.equal([]);
    expect(bundle.bytes).to.be.greaterThan(10_000);

    const sdk = await import(pathToFileURL(bundle.file).href);
    expect(sdk.bls.backend).to.equal("noble");
    expect(sdk.eip2333Backend).to.equal("portable");
    const c = stakingSmithCases().find((x) => x.id === "multiple_validators/hoodi")!;
    const validators = sdk.generateDepositData({
      bls: sdk.bls,
      seed: sdk.mnemonicToSeedSync(c.mnemonic),
      network: sdk.getNetwork(c.chain),
      startIndex: c.validator_start_index,
      count: 1,
      withdrawalAddress: c.withdrawal_address,
    });
    const entry = sdk.toLaunchpadEntry(validators[0].deposit, "1.2.2");
    expect(entry).to.deep.equal(c.deposit_data_file.json[0]);
  });
});
