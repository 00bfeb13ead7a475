// The ssz_generic runner (consensus-specs tests/formats/ssz_generic) on hand-made cases in the official layout, with
// roots computed here from the SSZ merkleization rules with plain sha256 (independent of @chainsafe/ssz):
// type from the case name, valid (round trip, root, value.yaml) and invalid (deserialization must fail).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { compress } from "snappyjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const sha256 = (...parts: Buffer[]): Buffer => createHash("sha256").update(Buffer.concat(parts)).digest();
/** A 32-byte chunk: `bytes` left-aligned, zero padded. */
const chunk = (...bytes: number[]): Buffer => Buffer.concat([Buffer.from(bytes), Buffer.alloc(32 - bytes.length)]);

function run(dir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "consensus/spec-tests/run.ts")], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SPEC_TESTS_DIR: dir, SPEC_FILTER: "", SPEC_CONFIG: "", SPEC_PRESET: "" },
  });
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

describe("consensus/spec-tests/runners/ssz_generic", function () {
  this.timeout(60_000);
  let dir: string;

  function write(handler: string, suite: string, name: string, serialized: Buffer, root?: Buffer, value?: string) {
    const to = path.join(dir, "tests/general/phase0/ssz_generic", handler, suite, name);
    mkdirSync(to, { recursive: true });
    // one case as plain .ssz (v0.12.x), the rest as .ssz_snappy (v1.0.0 on)
    if (name.startsWith("uint_16")) writeFileSync(path.join(to, "serialized.ssz"), serialized);
    else writeFileSync(path.join(to, "serialized.ssz_snappy"), compress(new Uint8Array(serialized)));
    if (root) writeFileSync(path.join(to, "meta.yaml"), `{root: '0x${root.toString("hex")}'}\n`);
    if (value !== undefined) writeFileSync(path.join(to, "value.yaml"), `${value}\n`);
  }

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ssz-generic-"));
    write("uints", "valid", "uint_16_max", Buffer.from([0xff, 0xff]), chunk(0xff, 0xff), "65535");
    write("uints", "invalid", "uint_16_one_byte_longer", Buffer.from([0xff, 0xff, 0x00]));
    write("boolean", "valid", "true", Buffer.from([1]), chunk(1), "true");
    write("boolean", "invalid", "byte_2", Buffer.from([2]));
    // Vector[uint16, 3] = [1, 2, 3]: packed into one chunk
    write(
      "basic_vector",
      "valid",
      "vec_uint16_3_random_0",
      Buffer.from([1, 0, 2, 0, 3, 0]),
      chunk(1, 0, 2, 0, 3, 0),
      "[1, 2, 3]",
    );
    write("basic_vector", "invalid", "vec_uint16_3_one_byte_less", Buffer.from([1, 0, 2, 0, 3]));
    // Bitlist[8] with bits 1,1: 0b111 with the delimiter; root mixes in the length 2
    write("bitlist", "valid", "bitlist_8_random_0", Buffer.from([0x07]), sha256(chunk(0x03), chunk(2)), "'0x07'");
    write("bitlist", "invalid", "bitlist_1_but_2", Buffer.from([0x07]));
    write("bitlist", "invalid", "bitlist_no_delimiter_zero_byte", Buffer.from([0x00]));
    // Bitvector[4] 1010
    write("bitvector", "valid", "bitvec_4_random", Buffer.from([0x05]), chunk(0x05), "'0x05'");
    write("bitvector", "invalid", "bitvec_4_random_5", Buffer.from([0x15]));
    // SmallTestStruct {A: uint16 = 1, B: uint16 = 2}
    write(
      "containers",
      "valid",
      "SmallTestStruct_random_0",
      Buffer.from([1, 0, 2, 0]),
      sha256(chunk(1, 0), chunk(2, 0)),
      "{A: 1, B: 2}",
    );
    // VarTestStruct {A: uint16, B: List[uint16, 1024], C: uint8}: an offset pointing past the end
    write("containers", "invalid", "VarTestStruct_offset_0_plus_one", Buffer.from([1, 0, 8, 0, 0, 0, 3, 5, 0]));
    // a valid case with a wrong value.yaml: must fail
    write(
      "containers",
      "valid",
      "SmallTestStruct_wrong_value",
      Buffer.from([1, 0, 2, 0]),
      sha256(chunk(1, 0), chunk(2, 0)),
      "{A: 1, B: 3}",
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("passes the right cases, fails the case whose value.yaml is wrong", () => {
    const { status, lines } = run(dir);
    expect(lines).to.include.members([
      "ssz_generic/uints: 2 passed, 0 failed",
      "ssz_generic/boolean: 2 passed, 0 failed",
      "ssz_generic/basic_vector: 2 passed, 0 failed",
      "ssz_generic/bitlist: 3 passed, 0 failed",
      "ssz_generic/bitvector: 2 passed, 0 failed",
      "ssz_generic/containers: 2 passed, 1 failed",
    ]);
    expect(lines.find((l) => l.includes("FAIL"))).to.include("SmallTestStruct_wrong_value");
    expect(lines.at(-1)).to.equal("13 passed, 1 failed");
    expect(status).to.equal(1);
  });
});
