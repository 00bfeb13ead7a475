// Runs the official consensus spec tests (format: consensus-specs v0.12.3 tests/formats/).
// Walks $SPEC_TESTS_DIR/tests/<preset>/<fork>/<runner>/<handler>/<suite>/<case>/ and hands each case to the runner
// module ./runners/<runner>.ts. Env: SPEC_TESTS_DIR (folder holding tests/, default the shared v0.12.3 vectors),
// SPEC_CONFIG (a phase0.yaml, or `preset.yaml:config.yaml`; default the v0.12.3 minimal one), SPEC_PRESET (a preset
// file read before SPEC_CONFIG), SPEC_FILTER (substring of the case path).
// Runs the preset folder named like the config (PRESET_BASE) and `general`, fork folder phase0 only. Exit code 1 if
// any case failed.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type BeaconConfig,
  ignoredKeysWarning,
  type LoadedBeaconConfig,
  loadBeaconConfigReport,
} from "../params/beaconConfig.js";
import { type SpecCase, type SpecRunner, SpecSkip } from "./types.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "../..");
const VECTORS = path.resolve(REPO_ROOT, "../shared/vectors");

/** Printed when the vectors are missing (a clone without ../shared): where they come from and how to point at them. */
const WHERE_VECTORS_COME_FROM = [
  "The official phase0 vectors are not in this repository. CI reads them from ../shared/vectors beside the clone:",
  "  ../shared/vectors/consensus-spec-tests-v0.12.3/tests/{minimal,general}/phase0/...  (SPEC_TESTS_DIR default)",
  "  ../shared/vectors/consensus-configs/v0.12.3/minimal/phase0.yaml                    (SPEC_CONFIG default)",
  "Elsewhere, get consensus-spec-tests v0.12.3: the npm package @chainsafe/eth2-spec-tests@0.12.3 (a copy of the",
  "ethereum/eth2.0-spec-tests v0.12.3 release, now github.com/ethereum/consensus-spec-tests), e.g.",
  "  npm pack @chainsafe/eth2-spec-tests@0.12.3 && mkdir vectors && tar xzf chainsafe-eth2-spec-tests-0.12.3.tgz -C vectors",
  "and the v0.12.3 minimal config (configs/minimal/phase0.yaml of github.com/ethereum/consensus-specs at tag v0.12.3),",
  "then: SPEC_TESTS_DIR=<the folder holding tests/> SPEC_CONFIG=<that phase0.yaml> npm run test:spec",
].join("\n");

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function subdirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

/** Every case folder of the selected presets, in a stable order. */
export function discoverCases(testsRoot: string, cfg: BeaconConfig, filter: string): SpecCase[] {
  const cases: SpecCase[] = [];
  for (const preset of subdirs(testsRoot)) {
    if (preset !== "general" && preset !== cfg.PRESET_BASE) {
      console.log(`(preset folder ${preset} not run: the config is ${cfg.PRESET_BASE}; set SPEC_CONFIG to run it)`);
      continue;
    }
    for (const fork of subdirs(path.join(testsRoot, preset))) {
      if (fork !== "phase0") {
        console.log(`(fork folder ${preset}/${fork} not run: this engine implements phase0 only)`);
        continue;
      }
      for (const runner of subdirs(path.join(testsRoot, preset, fork))) {
        for (const handler of subdirs(path.join(testsRoot, preset, fork, runner))) {
          for (const suite of subdirs(path.join(testsRoot, preset, fork, runner, handler))) {
            const suiteDir = path.join(testsRoot, preset, fork, runner, handler, suite);
            for (const name of subdirs(suiteDir)) {
              const dir = path.join(suiteDir, name);
              const rel = path.relative(testsRoot, dir);
              if (filter && !rel.includes(filter)) continue;
              cases.push({ preset, fork, runner, handler, suite, name, dir, cfg });
            }
          }
        }
      }
    }
  }
  return cases;
}

async function loadRunner(runner: string): Promise<SpecRunner | Error> {
  const file = path.join(HERE, "runners", `${runner}.ts`);
  if (!existsSync(file)) return new Error(`no runner module consensus/spec-tests/runners/${runner}.ts`);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { runner?: SpecRunner };
    if (!mod.runner || typeof mod.runner.runCase !== "function") {
      return new Error(`runners/${runner}.ts does not export \`runner: SpecRunner\``);
    }
    return mod.runner;
  } catch (e) {
    return new Error(`runners/${runner}.ts failed to load: ${(e as Error).stack ?? e}`);
  }
}

/**
 * The config file(s): SPEC_CONFIG is a phase0.yaml, or `preset.yaml:config.yaml` (v1.1.0+ layout); SPEC_PRESET, if
 * set, is a preset file read before SPEC_CONFIG. Default: the shared v0.12.3 minimal phase0.yaml.
 */
export function specConfigFiles(env: NodeJS.ProcessEnv): string[] {
  const files = (env.SPEC_CONFIG || path.join(VECTORS, "consensus-configs/v0.12.3/minimal/phase0.yaml"))
    .split(path.delimiter)
    .filter((f) => f !== "");
  if (env.SPEC_PRESET) files.unshift(env.SPEC_PRESET);
  return files.map((f) => path.resolve(f));
}

/** "<files> (preset minimal[, N keys from built-in v1.0.0 minimal][, SECONDS_PER_SLOT (from SLOT_DURATION_MS)])". */
function describeConfig(loaded: LoadedBeaconConfig): string {
  const notes = [`preset ${loaded.presetBase}`];
  if (loaded.filled.length > 0) {
    notes.push(`${loaded.filled.length} missing keys from built-in v1.0.0 ${loaded.presetBase}`);
  }
  notes.push(...loaded.derived);
  return `${loaded.files.join(" + ")} (${notes.join(", ")})`;
}

async function main(): Promise<number> {
  const testsDir = path.resolve(process.env.SPEC_TESTS_DIR ?? path.join(VECTORS, "consensus-spec-tests-v0.12.3"));
  const configFiles = specConfigFiles(process.env);
  const filter = process.env.SPEC_FILTER ?? "";
  const testsRoot = path.join(testsDir, "tests");
  if (!existsSync(testsRoot)) {
    console.error(`no tests/ folder in SPEC_TESTS_DIR=${testsDir}\n${WHERE_VECTORS_COME_FROM}`);
    return 1;
  }
  const loaded = loadBeaconConfigReport(configFiles);
  const cfg = loaded.config;
  console.log(`spec tests: ${testsRoot} with config ${describeConfig(loaded)}${filter ? ` filter "${filter}"` : ""}`);
  if (loaded.ignored.length > 0) console.log(`warning: ${ignoredKeysWarning(loaded.ignored)}`);

  const cases = discoverCases(testsRoot, cfg, filter);
  const runners = new Map<string, SpecRunner | Error>();
  const tallies = new Map<string, Tally>();
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const skips: string[] = [];

  for (const c of cases) {
    if (!runners.has(c.runner)) {
      const loaded = await loadRunner(c.runner);
      if (loaded instanceof Error) console.log(`  FAIL every ${c.runner} case: ${loaded.message}`);
      runners.set(c.runner, loaded);
    }
    const runner = runners.get(c.runner)!;
    const key = `${c.runner}/${c.handler}`;
    const tally = tallies.get(key) ?? { passed: 0, failed: 0, skipped: 0 };
    tallies.set(key, tally);
    const where = path.relative(testsRoot, c.dir);
    try {
      if (runner instanceof Error) throw runner;
      await runner.runCase(c);
      tally.passed++;
      total.passed++;
    } catch (e) {
      if (e instanceof SpecSkip) {
        tally.skipped++;
        total.skipped++;
        skips.push(`  SKIP ${where}: ${e.reason}`);
      } else {
        tally.failed++;
        total.failed++;
        if (runner instanceof Error) continue;
        const message = String((e as Error)?.message ?? e);
        console.log(`  FAIL ${where}: ${message.split("\n").slice(0, 3).join(" | ")}`);
        if (process.env.SPEC_VERBOSE && e instanceof Error) console.log(e.stack);
      }
    }
  }

  for (const line of skips) console.log(line);
  for (const [key, t] of tallies) {
    console.log(`${key}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`);
  }
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return total.failed > 0 ? 1 : 0;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
