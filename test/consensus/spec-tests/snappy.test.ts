// Vectors from consensus-spec-tests v1.0.0 on ship `<part>.ssz_snappy` (snappy block format) instead of `<part>.ssz`.
// Copies real v0.12.3 cases with every .ssz part snappy-compressed and checks that run.ts gives the same counts as on
// the plain copies (a real decompression: a wrong decoder fails every deserialization).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { compress } from "snappyjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const VECTORS = path.resolve(REPO, "../shared/vectors/consensus-spec-tests-v0.12.3/tests/minimal/phase0");
const CASES = [
  "sanity/blocks/pyspec_tests/attestation",
  "sanity/blocks/pyspec_tests/deposit_in_block",
  "sanity/slots/pyspec_tests/empty_epoch",
  "genesis/initialization/pyspec_tests/initialize_beacon_state_from_eth1",
  "genesis/validity/pyspec_tests/is_valid_genesis_state_true",
  "operations/proposer_slashing/pyspec_tests/invalid_different_proposer_indices",
  "ssz_static/Attestation/ssz_random/case_0",
  "ssz_static/BeaconState/ssz_random/case_0",
];

function run(dir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_TESTS_DIR: dir, SPEC_FILTER: "" },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

/** Replaces every `x.ssz` below `dir` by `x.ssz_snappy` holding the snappy-compressed bytes. */
function snappifyTree(dir: string): number {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) count += snappifyTree(file);
    else if (name.endsWith(".ssz")) {
      writeFileSync(`${file}_snappy`, compress(new Uint8Array(readFileSync(file))));
      rmSync(file);
      count++;
    }
  }
  return count;
}

describe("consensus/spec-tests: *.ssz_snappy parts", function () {
  this.timeout(120_000);
  let plain: string;
  let snappy: string;

  before(() => {
    plain = mkdtempSync(path.join(tmpdir(), "spec-plain-"));
    snappy = mkdtempSync(path.join(tmpdir(), "spec-snappy-"));
    for (const rel of CASES) {
      for (const root of [plain, snappy]) {
        cpSync(path.join(VECTORS, rel), path.join(root, "tests/minimal/phase0", rel), { recursive: true });
      }
    }
  });

  after(() => {
    rmSync(plain, { recursive: true, force: true });
    rmSync(snappy, { recursive: true, force: true });
  });

  it("runs snappy-compressed cases with the same outcome as the plain ones", () => {
    expect(snappifyTree(snappy)).to.be.greaterThan(20);
    const a = run(plain);
    const b = run(snappy);
    expect(a.lines.at(-1)).to.equal(`${CASES.length} passed, 0 failed`);
    expect(b.lines.at(-1)).to.equal(a.lines.at(-1));
    expect(b.lines.filter((l) => /: \d+ passed/.test(l))).to.deep.equal(a.lines.filter((l) => /: \d+ passed/.test(l)));
    expect(b.status).to.equal(0);
  });

  it("fails (not skips) a case whose snappy part is corrupt", () => {
    const file = path.join(
      snappy,
      "tests/minimal/phase0/ssz_static/Attestation/ssz_random/case_0/serialized.ssz_snappy",
    );
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    try {
      const { status, lines } = run(snappy);
      expect(status).to.equal(1);
      expect(lines.at(-1)).to.equal(`${CASES.length - 1} passed, 1 failed`);
    } finally {
      writeFileSync(file, bytes);
    }
  });
});
