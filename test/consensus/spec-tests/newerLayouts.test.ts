// Case layouts of consensus-spec-tests releases after v0.12.3, built from real v0.12.3 cases: genesis eth1 data in
// eth1.yaml (v1.1.0+), the six epoch_processing handlers that replace final_updates (v1.1.0+; each post-state is the
// official final_updates pre-state with only that part's fields taken from the official post-state), the `random`
// runner (sanity/blocks format), and fork folders other than phase0 (not run, said so).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { loadBeaconConfig, specConfigPath } from "../../../consensus/params/index.js";
import type { BeaconState } from "../../../consensus/types/index.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const V0123 = path.resolve(REPO, "../shared/vectors/consensus-spec-tests-v0.12.3/tests/minimal/phase0");
const cfg = loadBeaconConfig(specConfigPath("v0.12.3", "minimal"));

const PARTS: Record<string, (keyof BeaconState)[]> = {
  eth1_data_reset: ["eth1DataVotes"],
  effective_balance_updates: ["validators"],
  slashings_reset: ["slashings"],
  randao_mixes_reset: ["randaoMixes"],
  historical_roots_update: ["historicalRoots"],
  participation_record_updates: ["previousEpochAttestations", "currentEpochAttestations"],
};

function run(dir: string, filter = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_TESTS_DIR: dir, SPEC_FILTER: filter, SPEC_CONFIG: "", SPEC_PRESET: "" },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

describe("consensus/spec-tests: layouts of releases after v0.12.3", function () {
  this.timeout(120_000);
  let dir: string;
  const phase0 = (...p: string[]) => path.join(dir, "tests/minimal/phase0", ...p);

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "spec-newer-"));
    const BeaconState = cfg.types.BeaconState;

    // genesis/initialization with eth1.yaml, and a copy whose timestamp is off by one
    const genesisCase = "genesis/initialization/pyspec_tests/initialize_beacon_state_from_eth1";
    for (const [name, delta] of [
      ["from_eth1_yaml", 0],
      ["wrong_eth1_timestamp", 1],
    ] as const) {
      const to = phase0("genesis/initialization/pyspec_tests", name);
      cpSync(path.join(V0123, genesisCase), to, { recursive: true });
      const hash = readFileSync(path.join(to, "eth1_block_hash.ssz"));
      const timestamp = readFileSync(path.join(to, "eth1_timestamp.ssz")).readBigUInt64LE(0) + BigInt(delta);
      rmSync(path.join(to, "eth1_block_hash.ssz"));
      rmSync(path.join(to, "eth1_timestamp.ssz"));
      writeFileSync(
        path.join(to, "eth1.yaml"),
        `eth1_block_hash: '0x${hash.toString("hex")}'\neth1_timestamp: ${timestamp}\n`,
      );
    }

    // epoch_processing: the final_updates split
    const finalUpdates = path.join(V0123, "epoch_processing/final_updates/pyspec_tests");
    for (const name of readdirSync(finalUpdates)) {
      const pre = BeaconState.deserialize(readFileSync(path.join(finalUpdates, name, "pre.ssz")));
      const post = BeaconState.deserialize(readFileSync(path.join(finalUpdates, name, "post.ssz")));
      for (const [handler, fields] of Object.entries(PARTS)) {
        const expected = BeaconState.clone(pre);
        for (const field of fields) (expected as Record<string, unknown>)[field] = post[field];
        const to = phase0("epoch_processing", handler, "pyspec_tests", name);
        mkdirSync(to, { recursive: true });
        writeFileSync(path.join(to, "pre.ssz"), BeaconState.serialize(pre));
        writeFileSync(path.join(to, "post.ssz"), BeaconState.serialize(expected));
      }
    }

    // random/random: the sanity/blocks format
    cpSync(
      path.join(V0123, "sanity/blocks/pyspec_tests/attestation"),
      phase0("random/random/pyspec_tests/randomized_0"),
      {
        recursive: true,
      },
    );

    // a later fork's folder with a case that would fail under phase0
    mkdirSync(path.join(dir, "tests/minimal/altair/sanity/blocks/pyspec_tests/x"), { recursive: true });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the v1.1.0+ layouts; a wrong eth1.yaml fails; later forks are not run", () => {
    const { status, lines } = run(dir);
    const handlers = Object.keys(PARTS).map((h) => `epoch_processing/${h}: 4 passed, 0 failed`);
    expect(lines).to.include.members([
      ...handlers,
      "genesis/initialization: 1 passed, 1 failed",
      "random/random: 1 passed, 0 failed",
    ]);
    expect(lines).to.include("(fork folder minimal/altair not run: this engine implements phase0 only)");
    expect(lines.filter((l) => l.includes("FAIL"))).to.have.length(1);
    expect(lines.find((l) => l.includes("FAIL"))).to.include("wrong_eth1_timestamp");
    expect(lines.at(-1)).to.equal("26 passed, 1 failed");
    expect(status).to.equal(1);
  });
});
