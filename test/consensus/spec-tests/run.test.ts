// The spec-test runner's contract (docs: /README "Spec tests"): discovery under SPEC_TESTS_DIR, one line per
// runner/handler, the final "N passed, N failed" line, failures for runner folders without a module, SPEC_FILTER,
// exit code. Runs run.ts as a child process on a tiny vectors folder built from real cases.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const VECTORS = path.resolve(REPO, "../shared/vectors/consensus-spec-tests-v0.12.3/tests/minimal/phase0");

function run(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_TESTS_DIR: dir, ...env },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

describe("consensus/spec-tests/run.ts", function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "spec-run-"));
    const phase0 = path.join(dir, "tests/minimal/phase0");
    const shuffle = path.join(phase0, "shuffling/core/shuffle");
    mkdirSync(shuffle, { recursive: true });
    const name = "shuffle_0x01b4f6bd5d6a06a7b74a8565ceb4f845afe0ae96a0ac05cf5e86066bf7b538ec_0";
    cpSync(path.join(VECTORS, "shuffling/core/shuffle", name), path.join(shuffle, name), { recursive: true });
    cpSync(path.join(shuffle, name), path.join(shuffle, "broken"), { recursive: true });
    writeFileSync(
      path.join(shuffle, "broken/mapping.yaml"),
      "seed: '0x01b4f6bd5d6a06a7b74a8565ceb4f845afe0ae96a0ac05cf5e86066bf7b538ec'\ncount: 2\nmapping: [0, 0]\n",
    );
    mkdirSync(path.join(phase0, "no_such_runner/some_handler/pyspec_tests/case_0"), { recursive: true });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("counts passes, failures and runner folders without a module, and exits 1", () => {
    const { status, lines } = run(dir);
    expect(status).to.equal(1);
    expect(lines).to.include("shuffling/core: 1 passed, 1 failed");
    expect(lines).to.include("no_such_runner/some_handler: 0 passed, 1 failed");
    expect(lines.some((l) => l.includes("FAIL") && l.includes("broken"))).to.equal(true);
    expect(lines.at(-1)).to.equal("1 passed, 2 failed");
  });

  it("runs only the cases matching SPEC_FILTER and exits 0 when all pass", () => {
    const { status, lines } = run(dir, { SPEC_FILTER: "shuffle_0x" });
    expect(status).to.equal(0);
    expect(lines.at(-1)).to.equal("1 passed, 0 failed");
  });
});
