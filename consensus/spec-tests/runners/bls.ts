// general/phase0/bls (tests/formats/bls/): sign, verify, aggregate, fast_aggregate_verify, aggregate_verify against
// the SDK's BLS (sdk/crypto/bls). An `output: null` means the operation must fail (throw).
// The BLS rules changed between spec versions: up to v0.12.x an infinity public key was an ordinary key; from
// v1.0.0 (IETF draft-irtf-cfrg-bls-signature-04) KeyValidate refuses it. The rule set is chosen from the vectors'
// spec version (specVersionOf below) and printed once per vectors folder.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Bls, type BlsRules, getBls } from "../../../sdk/crypto/bls/index.js";
import { type BeaconConfig, createBeaconConfig, loadBeaconConfigReport } from "../../params/beaconConfig.js";
import { specV100Mainnet, specV100Minimal } from "../../params/presets/specV100.js";
import { specConfigPath } from "../../params/specConfigPaths.js";
import { assertBytesEqual, assertEqual } from "../assert.js";
import { readYaml } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

const b = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ""), "hex"));

/** The spec version the vectors follow and how it was found (printed with the rule set). */
export interface SpecVersion {
  version: string;
  source: string;
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)$/;

/** "v1.0.0" / "1.0.0" -> "v1.0.0"; anything else is refused with a clear message. */
function normaliseVersion(text: string, where: string): string {
  const m = SEMVER.exec(text.trim());
  if (!m) throw new SpecAssertionError(`${where}=${JSON.stringify(text)} is not a spec version like v1.0.0`);
  return `v${m[1]}.${m[2]}.${m[3]}`;
}

/** The version a SOURCE.md / README names: "version vX.Y.Z" first, else the first vX.Y.Z in the text. */
function versionInText(text: string): string | undefined {
  const m = /version[:\s]+v?(\d+\.\d+\.\d+)\b/i.exec(text) ?? /\bv(\d+\.\d+\.\d+)\b/.exec(text);
  return m ? `v${m[1]}` : undefined;
}

/** The vectors folder (holding tests/) of a case: <dir>/tests/<preset>/<fork>/<runner>/<handler>/<suite>/<case>. */
export function vectorsDirOf(c: SpecCase): string {
  return path.resolve(c.dir, "../../../../../../..");
}

/** Canonical text of a config value, so two loaded configs can be compared key by key. */
function canonical(value: unknown): string {
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString("hex")}`;
  if (typeof value === "bigint") return `${value}n`;
  return JSON.stringify(value);
}

function sameConfig(cfg: BeaconConfig, reference: Record<string, unknown>): boolean {
  const actual = cfg as unknown as Record<string, unknown>;
  return Object.keys(reference)
    .filter((key) => key !== "types" && key !== "PRESET_BASE")
    .every((key) => canonical(actual[key]) === canonical(reference[key]));
}

/** The official phase0 configs (v0.12.3 from the shared vectors when present, v1.0.0 built in), by version. */
function referenceConfigs(): { version: string; name: string; config: Record<string, unknown> }[] {
  const refs: { version: string; name: string; config: Record<string, unknown> }[] = [];
  for (const preset of ["minimal", "mainnet"] as const) {
    const file = specConfigPath("v0.12.3", preset);
    if (!existsSync(file)) continue;
    const config = loadBeaconConfigReport(file).config as unknown as Record<string, unknown>;
    refs.push({ version: "v0.12.3", name: `v0.12.3 ${preset}`, config });
  }
  for (const [preset, params] of [
    ["minimal", specV100Minimal],
    ["mainnet", specV100Mainnet],
  ] as const) {
    const config = createBeaconConfig(params, preset) as unknown as Record<string, unknown>;
    refs.push({ version: "v1.0.0", name: `v1.0.0 ${preset}`, config });
  }
  return refs;
}

/**
 * The spec version of the vectors, in this order: env SPEC_VERSION; a SOURCE.md / README.md / README in the vectors
 * folder naming it; a path component of the vectors folder like `v0.12.3` or `consensus-spec-tests-v1.0.0`
 * (innermost first); the config, when it equals an official v0.12.3 or v1.0.0 one; else v1.0.0.
 */
export function specVersionOf(vectorsDir: string, cfg: BeaconConfig, env: NodeJS.ProcessEnv): SpecVersion {
  if (env.SPEC_VERSION) return { version: normaliseVersion(env.SPEC_VERSION, "SPEC_VERSION"), source: "SPEC_VERSION" };
  for (const name of ["SOURCE.md", "README.md", "README"]) {
    const file = path.join(vectorsDir, name);
    if (!existsSync(file)) continue;
    const version = versionInText(readFileSync(file, "utf8"));
    if (version) return { version, source: file };
  }
  const components = vectorsDir.split(path.sep).reverse();
  for (const component of components) {
    const m = /(?:^|[^0-9.])v(\d+\.\d+\.\d+)(?![0-9.])/.exec(component);
    if (m) return { version: `v${m[1]}`, source: `path component ${component}` };
  }
  const match = referenceConfigs().find((ref) => sameConfig(cfg, ref.config));
  if (match) return { version: match.version, source: `config equal to the official ${match.name} one` };
  return { version: "v1.0.0", source: "default (no version found in SPEC_VERSION, the vectors folder or the config)" };
}

/** v0.12.x and older: infinity public key valid; v1.0.0 and newer: KeyValidate refuses it. */
export function blsRulesFor(version: string): BlsRules {
  const m = SEMVER.exec(version);
  if (!m) throw new SpecAssertionError(`${version} is not a spec version like v1.0.0`);
  return Number(m[1]) >= 1 ? "v1.0.0" : "v0.12.3";
}

/** BLS per vectors folder and SPEC_VERSION, so the rule line is printed once per folder. */
const chosen = new Map<string, Promise<Bls>>();

function blsFor(c: SpecCase): Promise<Bls> {
  const vectorsDir = vectorsDirOf(c);
  const key = `${vectorsDir}\n${process.env.SPEC_VERSION ?? ""}`;
  let impl = chosen.get(key);
  if (!impl) {
    const { version, source } = specVersionOf(vectorsDir, c.cfg, process.env);
    const rules = blsRulesFor(version);
    console.log(`bls: spec version ${version} (${source}) -> BLS rules ${rules}`);
    impl = getBls({ rules });
    chosen.set(key, impl);
  }
  return impl;
}

interface Data {
  input: unknown;
  output: string | boolean | null;
}

/** Runs an operation that returns bytes; `null` expected output means it must throw. */
function expectBytes(fn: () => Uint8Array, output: Data["output"], what: string): void {
  if (output === null) {
    let result: Uint8Array | undefined;
    try {
      result = fn();
    } catch {
      return;
    }
    throw new SpecAssertionError(`${what}: expected failure, got ${Buffer.from(result).toString("hex")}`);
  }
  assertBytesEqual(fn(), b(output as string), what);
}

export const runner: SpecRunner = {
  async runCase(c: SpecCase): Promise<void> {
    const bls = await blsFor(c);
    const { input, output } = readYaml<Data>(c, "data");
    switch (c.handler) {
      case "sign": {
        const i = input as { privkey: string; message: string };
        expectBytes(() => bls.sign(b(i.privkey), b(i.message)), output, "sign");
        return;
      }
      case "verify": {
        const i = input as { pubkey: string; message: string; signature: string };
        assertEqual(bls.verify(b(i.pubkey), b(i.message), b(i.signature)), output, "verify");
        return;
      }
      case "aggregate": {
        const sigs = (input as string[]).map(b);
        expectBytes(() => bls.aggregateSignatures(sigs), output, "aggregate");
        return;
      }
      case "fast_aggregate_verify": {
        const i = input as { pubkeys: string[]; message: string; signature: string };
        assertEqual(
          bls.fastAggregateVerify(i.pubkeys.map(b), b(i.message), b(i.signature)),
          output,
          "fast_aggregate_verify",
        );
        return;
      }
      case "aggregate_verify": {
        const i = input as { pubkeys: string[]; messages: string[]; signature: string };
        assertEqual(
          bls.aggregateVerify(i.pubkeys.map(b), i.messages.map(b), b(i.signature)),
          output,
          "aggregate_verify",
        );
        return;
      }
      default:
        throw new SpecAssertionError(`unknown bls handler ${c.handler}`);
    }
  },
};
