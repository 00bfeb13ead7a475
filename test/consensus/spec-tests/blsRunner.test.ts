// The bls spec-test runner picks the BLS rule set from the vectors' spec version (runners/bls.ts): unit checks of the
// version detection, then run.ts as a child process on a temp folder of hand-made v1.0.0-format cases (all of the
// v1.0.0 generator's cases, infinity-pubkey ones included) and on the shared v0.12.3 bls vectors.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { stringify } from "yaml";
import { createBeaconConfig, loadBeaconConfig } from "../../../consensus/params/beaconConfig.js";
import { btc20 } from "../../../consensus/params/presets/btc20.js";
import { specV100Mainnet } from "../../../consensus/params/presets/specV100.js";
import { specConfigPath } from "../../../consensus/params/specConfigPaths.js";
import { blsRulesFor, specVersionOf } from "../../../consensus/spec-tests/runners/bls.js";
import { bls } from "../../../sdk/crypto/bls/index.js";
import { generateV1BlsCases } from "../../sdk/crypto/support/blsV1GeneratorCases.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SHARED_V012 = path.resolve(REPO, "../shared/vectors/consensus-spec-tests-v0.12.3");

function run(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_VERSION: "", ...env },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

describe("spec-tests bls runner: rule set from the spec version", function () {
  this.timeout(120_000);
  let dir: string;
  const v012Minimal = loadBeaconConfig(specConfigPath("v0.12.3", "minimal"), { onWarning: () => {} });
  const v100Mainnet = createBeaconConfig(specV100Mainnet, "mainnet");

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "bls-runner-"));
    for (const c of generateV1BlsCases(bls)) {
      const caseDir = path.join(dir, "tests/general/phase0/bls", c.handler, "small", c.name);
      mkdirSync(caseDir, { recursive: true });
      writeFileSync(path.join(caseDir, "data.yaml"), stringify({ input: c.input, output: c.output }));
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("detects the version: SPEC_VERSION, then SOURCE.md, then a path component, then the config, else v1.0.0", () => {
    const plain = mkdtempSync(path.join(tmpdir(), "bls-version-"));
    try {
      expect(specVersionOf(plain, v012Minimal, { SPEC_VERSION: "1.0.0" }).version).to.equal("v1.0.0");
      expect(() => specVersionOf(plain, v012Minimal, { SPEC_VERSION: "latest" })).to.throw(/not a spec version/);
      expect(specVersionOf(plain, v012Minimal, {})).to.deep.equal({
        version: "v0.12.3",
        source: "config equal to the official v0.12.3 minimal one",
      });
      expect(specVersionOf(plain, v100Mainnet, {}).version).to.equal("v1.0.0");
      expect(specVersionOf(plain, createBeaconConfig(btc20, "mainnet"), {}).source).to.match(/^default/);
      const versioned = path.join(plain, "consensus-spec-tests-v1.0.0");
      mkdirSync(versioned);
      expect(specVersionOf(versioned, v012Minimal, {}).version).to.equal("v1.0.0");
      writeFileSync(path.join(versioned, "SOURCE.md"), "Official vectors, spec version v0.12.3 (old layout).\n");
      expect(specVersionOf(versioned, v100Mainnet, {}).version).to.equal("v0.12.3");
      expect(specVersionOf(versioned, v100Mainnet, { SPEC_VERSION: "v1.0.0" }).version).to.equal("v1.0.0");
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    expect(["v0.11.1", "v0.12.3", "v1.0.0", "v1.1.0"].map(blsRulesFor)).to.deep.equal([
      "v0.12.3",
      "v0.12.3",
      "v1.0.0",
      "v1.0.0",
    ]);
  });

  it("hand-made v1.0.0 cases pass under SPEC_VERSION=v1.0.0, and print the rule set once", () => {
    const { status, lines } = run({ SPEC_TESTS_DIR: dir, SPEC_VERSION: "v1.0.0" });
    expect(lines.filter((l) => l.startsWith("bls: "))).to.deep.equal([
      "bls: spec version v1.0.0 (SPEC_VERSION) -> BLS rules v1.0.0",
    ]);
    expect(lines).to.include("bls/verify: 28 passed, 0 failed");
    expect(lines).to.include("bls/fast_aggregate_verify: 12 passed, 0 failed");
    expect(lines.at(-1)).to.equal("60 passed, 0 failed");
    expect(status).to.equal(0);
  });

  it("the same cases fail exactly on the infinity pubkeys under the v0.12.3 rules (chosen from the config)", () => {
    const { status, lines } = run({ SPEC_TESTS_DIR: dir });
    expect(lines).to.include(
      "bls: spec version v0.12.3 (config equal to the official v0.12.3 minimal one) -> BLS rules v0.12.3",
    );
    const failed = lines.filter((l) => l.includes("FAIL")).map((l) => l.split(":")[0].split("/").at(-1));
    expect(failed).to.have.members([
      "verify_infinity_pubkey_and_infinity_signature",
      "fast_aggregate_verify_infinity_pubkey",
      "aggregate_verify_infinity_pubkey",
    ]);
    expect(lines.at(-1)).to.equal("57 passed, 3 failed");
    expect(status).to.equal(1);
  });

  it("the shared v0.12.3 bls vectors pass under the v0.12.3 rules named by their SOURCE.md", () => {
    const { status, lines } = run({ SPEC_TESTS_DIR: SHARED_V012, SPEC_FILTER: "general/phase0/bls/" });
    expect(lines).to.include(`bls: spec version v0.12.3 (${path.join(SHARED_V012, "SOURCE.md")}) -> BLS rules v0.12.3`);
    expect(lines.at(-1)).to.equal("56 passed, 0 failed");
    expect(status).to.equal(0);
  });
});
