// run.ts with the config forms of newer releases: SPEC_CONFIG a preset-only phase0.yaml, `preset.yaml:config.yaml`,
// or SPEC_PRESET + SPEC_CONFIG. The header line names the files, the preset base and what was filled in; unknown keys
// give one warning line; the cases still pass.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SHARED = path.resolve(REPO, "../shared/vectors");
const CASE = "shuffling/core/shuffle/shuffle_0x01b4f6bd5d6a06a7b74a8565ceb4f845afe0ae96a0ac05cf5e86066bf7b538ec_0";
const CONFIG_ONLY = /^(GENESIS_FORK_VERSION|MIN_GENESIS_TIME|SECONDS_PER_SLOT|CONFIG_NAME|DOMAIN_\w+|BLS_\w+):/;

function run(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_PRESET: "", SPEC_FILTER: "", ...env },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n"), stderr: result.stderr };
}

describe("consensus/spec-tests/run.ts: config forms", function () {
  this.timeout(60_000);
  let dir: string;
  let preset: string;
  let config: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "spec-cfg-"));
    cpSync(
      path.join(SHARED, "consensus-spec-tests-v0.12.3/tests/minimal/phase0", CASE),
      path.join(dir, "tests/minimal/phase0", CASE),
      { recursive: true },
    );
    mkdirSync(path.join(dir, "presets/minimal"), { recursive: true });
    preset = path.join(dir, "presets/minimal/phase0.yaml");
    const full = readFileSync(path.join(SHARED, "consensus-configs/v1.0.0/minimal/phase0.yaml"), "utf8");
    writeFileSync(
      preset,
      `${full
        .split("\n")
        .filter((l) => !CONFIG_ONLY.test(l))
        .join("\n")}\n`,
    );
    config = path.join(dir, "config.yaml");
    writeFileSync(
      config,
      "PRESET_BASE: 'minimal'\nCONFIG_NAME: 'minimal'\nSECONDS_PER_SLOT: 6\nGENESIS_FORK_VERSION: 0x00000001\n" +
        "MIN_GENESIS_TIME: 1578009600\nALTAIR_FORK_VERSION: 0x01000001\nALTAIR_FORK_EPOCH: 18446744073709551615\n",
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("a preset-only SPEC_CONFIG: preset from the path, config keys filled, named in the header", () => {
    const { status, lines } = run({ SPEC_TESTS_DIR: dir, SPEC_CONFIG: preset });
    expect(lines[0]).to.match(
      /with config .*presets\/minimal\/phase0\.yaml \(preset minimal, 11 missing keys from built-in v1\.0\.0 minimal\)$/,
    );
    expect(lines.at(-1)).to.equal("1 passed, 0 failed");
    expect(status).to.equal(0);
  });

  for (const [form, env] of [
    [
      "SPEC_CONFIG=preset.yaml:config.yaml",
      (): Record<string, string> => ({ SPEC_CONFIG: `${preset}${path.delimiter}${config}` }),
    ],
    ["SPEC_PRESET + SPEC_CONFIG", (): Record<string, string> => ({ SPEC_PRESET: preset, SPEC_CONFIG: config })],
  ] as const) {
    it(`${form}: both files, unknown keys in one warning line`, () => {
      const { status, lines } = run({ SPEC_TESTS_DIR: dir, ...env() });
      expect(lines[0]).to.include(
        `${preset} + ${config} (preset minimal, 8 missing keys from built-in v1.0.0 minimal)`,
      );
      expect(lines.filter((l) => l.startsWith("warning:"))).to.deep.equal([
        "warning: config: 2 key(s) not used by phase0 ignored: ALTAIR_FORK_VERSION, ALTAIR_FORK_EPOCH",
      ]);
      expect(lines.at(-1)).to.equal("1 passed, 0 failed");
      expect(status).to.equal(0);
    });
  }
});
