// The fork_choice runner on cases written in the official layout (consensus-specs tests/formats/fork_choice, v1.4.0):
// anchor_state/anchor_block from a real minimal genesis, real signed blocks and attestations from
// consensus/block-production, every SSZ part snappy-compressed, steps.yaml with ticks, blocks, an attestation,
// rejected steps and checks. The expected heads follow from the rules by hand (see the comments at each check).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Type } from "@chainsafe/ssz";
import { expect } from "chai";
import { compress } from "snappyjs";
import { stateTransition } from "../../../consensus/state-transition/stateTransition.js";
import type { Attestation, BeaconState, SignedBeaconBlock } from "../../../consensus/types/index.js";
import { attestationsFor, cfg, genesisState, signedBlockAt } from "../state-transition/support/chain.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const hex = (b: Uint8Array): string => `0x${Buffer.from(b).toString("hex")}`;
const ZERO = `0x${"00".repeat(32)}`;

function run(dir: string, filter = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_TESTS_DIR: dir, SPEC_FILTER: filter, SPEC_CONFIG: "", SPEC_PRESET: "" },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n"), stderr: result.stderr };
}

/** One case folder: SSZ parts as <name>.ssz_snappy, steps.yaml as JSON (a YAML subset). */
class CaseWriter {
  readonly dir: string;
  constructor(root: string, handler: string, name: string) {
    this.dir = path.join(root, "tests/minimal/phase0/fork_choice", handler, "pyspec_tests", name);
    mkdirSync(this.dir, { recursive: true });
  }
  ssz<T>(name: string, type: Type<T>, value: T): string {
    writeFileSync(path.join(this.dir, `${name}.ssz_snappy`), compress(type.serialize(value)));
    return name;
  }
  block(b: SignedBeaconBlock): string {
    return this.ssz(`block_${hex(cfg.types.BeaconBlock.hashTreeRoot(b.message))}`, cfg.types.SignedBeaconBlock, b);
  }
  attestation(a: Attestation): string {
    return this.ssz(`attestation_${hex(cfg.types.Attestation.hashTreeRoot(a))}`, cfg.types.Attestation, a);
  }
  steps(steps: unknown[]): void {
    writeFileSync(path.join(this.dir, "steps.yaml"), steps.map((s) => `- ${JSON.stringify(s)}`).join("\n"));
  }
}

describe("consensus/spec-tests/runners/fork_choice", function () {
  this.timeout(120_000);
  let casesDir: string;

  before(() => {
    casesDir = mkdtempSync(path.join(tmpdir(), "spec-fc-"));
    const { types } = cfg;
    const genesis = genesisState(64);
    const anchorBlock = { ...types.BeaconBlock.defaultValue(), stateRoot: types.BeaconState.hashTreeRoot(genesis) };
    const genesisRoot = hex(types.BeaconBlock.hashTreeRoot(anchorBlock));
    const t = (slot: number) => genesis.genesisTime + slot * cfg.SECONDS_PER_SLOT;
    const post = (pre: BeaconState, b: SignedBeaconBlock) => stateTransition(cfg, pre, b, true);

    // genesis <- b1 (slot 1) <- b2 (slot 2, carrying the slot-1 votes for b1) <- b3 (slot 3)
    // genesis <- b2x (slot 2, no votes)
    const b1 = signedBlockAt(genesis, 1);
    const s1 = post(genesis, b1);
    const b2 = signedBlockAt(s1, 2, attestationsFor(s1));
    const s2 = post(s1, b2);
    const b2x = signedBlockAt(genesis, 2, [], { graffiti: new Uint8Array(32).fill(7) });
    const s2x = post(genesis, b2x);
    const b3 = signedBlockAt(s2, 3);
    const s3 = post(s2, b3);
    const root = (b: SignedBeaconBlock) => hex(types.BeaconBlock.hashTreeRoot(b.message));
    const genesisCheckpoint = { epoch: 0, root: genesisRoot };

    const build = (handler: string, name: string, extra: (w: CaseWriter) => unknown[]) => {
      const w = new CaseWriter(casesDir, handler, name);
      w.ssz("anchor_state", types.BeaconState, genesis);
      w.ssz("anchor_block", types.BeaconBlock, anchorBlock);
      w.steps(extra(w));
    };

    build("get_head", "real_chain", (w) => [
      { checks: { genesis_time: genesis.genesisTime, time: t(0), head: { slot: 0, root: genesisRoot } } },
      { tick: t(1) },
      { block: w.block(b1) },
      // b1 is the only child and the first timely block of slot 1: head and boosted
      { checks: { head: { slot: 1, root: root(b1) }, proposer_boost_root: root(b1), time: t(1) } },
      { tick: t(2) },
      // a new slot resets the boost
      { checks: { proposer_boost_root: ZERO, head: { slot: 1, root: root(b1) } } },
      { block: w.block(b2x) },
      // b2x, first timely block of slot 2, has the boost; no votes anywhere, so the boost decides
      { checks: { proposer_boost_root: root(b2x), head: { slot: 2, root: root(b2x) } } },
      { block: w.block(b2) },
      // b2 brings the 8 slot-1 votes (8 x 32 ETH, a full slot's committee) for b1; the boost on b2x is 40% of that
      { checks: { proposer_boost_root: root(b2x), head: { slot: 2, root: root(b2) } } },
      // b3 is from slot 3 while the store is in slot 2: rejected
      { block: w.block(b3), valid: false },
      { tick: t(3) },
      { block: w.block(b3) },
      // the slot-2 committee's votes for b2x arrive at slot 3: 8 votes against 8, but b3 holds the boost
      { attestation: w.attestation(attestationsFor(s2x)[0] as Attestation) },
      // votes from the current slot are not counted yet: rejected
      { attestation: w.attestation(attestationsFor(s3)[0] as Attestation), valid: false },
      {
        checks: {
          head: { slot: 3, root: root(b3) },
          proposer_boost_root: root(b3),
          justified_checkpoint: genesisCheckpoint,
          finalized_checkpoint: genesisCheckpoint,
        },
      },
    ]);

    // the same start with a wrong head expectation: must fail
    build("get_head", "wrong_head_expected", (w) => [
      { tick: t(1) },
      { block: w.block(b1) },
      { checks: { head: { slot: 0, root: genesisRoot } } },
    ]);
    // a valid block declared invalid: must fail
    build("on_block", "valid_block_declared_invalid", (w) => [{ tick: t(1) }, { block: w.block(b1), valid: false }]);
    // a later-fork step: skipped with a reason
    build("on_block", "pow_block_step", (w) => [
      { tick: t(1) },
      { pow_block: "pow_block_0x01" },
      { block: w.block(b1) },
    ]);
    // a check phase0 cannot answer: skipped with a reason, the rest still checked
    build("get_head", "proposer_head_check", (w) => [
      { tick: t(1) },
      { block: w.block(b1) },
      { checks: { head: { slot: 1, root: root(b1) }, get_proposer_head: root(b1) } },
    ]);
  });

  after(() => rmSync(casesDir, { recursive: true, force: true }));

  it("passes a real chain's steps: ticks, blocks with their votes, an attestation, rejections, checks", () => {
    const { status, lines } = run(casesDir, "real_chain");
    expect(lines.filter((l) => l.includes("FAIL"))).to.deep.equal([]);
    expect(lines.at(-1)).to.equal("1 passed, 0 failed");
    expect(status).to.equal(0);
  });

  it("fails wrong expectations, skips only later-fork steps and checks, with reasons", () => {
    const { status, lines } = run(casesDir);
    expect(status).to.equal(1);
    expect(lines.at(-1)).to.equal("1 passed, 2 failed, 2 skipped");
    const fail = lines.filter((l) => l.includes("FAIL"));
    expect(fail.some((l) => l.includes("wrong_head_expected") && l.includes("checks.head.root"))).to.equal(true);
    expect(
      fail.some((l) => l.includes("valid_block_declared_invalid") && l.includes("expected to be rejected")),
    ).to.equal(true);
    const skip = lines.filter((l) => l.includes("SKIP"));
    expect(skip.some((l) => l.includes("pow_block_step") && l.includes("step kind pow_block"))).to.equal(true);
    expect(skip.some((l) => l.includes("proposer_head_check") && l.includes("get_proposer_head"))).to.equal(true);
  });
});
