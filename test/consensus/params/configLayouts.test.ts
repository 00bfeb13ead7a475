// loadBeaconConfig on the config layouts of consensus-specs releases: the v0.12.3/v1.0.0 single phase0.yaml, the
// v1.1.0+ split into presets/<preset>/phase0.yaml and configs/<preset>.yaml (either alone, or both), newer keys
// (altair and later, PRESET_BASE, CONFIG_NAME) and the SLOT_DURATION_MS rename. The split files are written from the
// official v1.0.0 file the way the v1.1.0 release splits it (key lists below), with some values changed as there.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { parse } from "yaml";
import {
  BeaconConfigError,
  loadBeaconConfig,
  loadBeaconConfigReport,
  specConfigPath,
  specV100Mainnet,
  specV100Minimal,
} from "../../../consensus/params/index.js";

// The keys of consensus-specs v1.1.0 presets/<preset>/phase0.yaml.
const PRESET_KEYS = `MAX_COMMITTEES_PER_SLOT TARGET_COMMITTEE_SIZE MAX_VALIDATORS_PER_COMMITTEE SHUFFLE_ROUND_COUNT
  HYSTERESIS_QUOTIENT HYSTERESIS_DOWNWARD_MULTIPLIER HYSTERESIS_UPWARD_MULTIPLIER SAFE_SLOTS_TO_UPDATE_JUSTIFIED
  MIN_DEPOSIT_AMOUNT MAX_EFFECTIVE_BALANCE EFFECTIVE_BALANCE_INCREMENT MIN_ATTESTATION_INCLUSION_DELAY SLOTS_PER_EPOCH
  MIN_SEED_LOOKAHEAD MAX_SEED_LOOKAHEAD EPOCHS_PER_ETH1_VOTING_PERIOD SLOTS_PER_HISTORICAL_ROOT
  MIN_EPOCHS_TO_INACTIVITY_PENALTY EPOCHS_PER_HISTORICAL_VECTOR EPOCHS_PER_SLASHINGS_VECTOR HISTORICAL_ROOTS_LIMIT
  VALIDATOR_REGISTRY_LIMIT BASE_REWARD_FACTOR WHISTLEBLOWER_REWARD_QUOTIENT PROPOSER_REWARD_QUOTIENT
  INACTIVITY_PENALTY_QUOTIENT MIN_SLASHING_PENALTY_QUOTIENT PROPORTIONAL_SLASHING_MULTIPLIER MAX_PROPOSER_SLASHINGS
  MAX_ATTESTER_SLASHINGS MAX_ATTESTATIONS MAX_DEPOSITS MAX_VOLUNTARY_EXITS`.split(/\s+/);
// The phase0 keys of consensus-specs v1.1.0 configs/<preset>.yaml (the DOMAIN_* etc. became constants).
const CONFIG_KEYS =
  `MIN_GENESIS_ACTIVE_VALIDATOR_COUNT MIN_GENESIS_TIME GENESIS_FORK_VERSION GENESIS_DELAY SECONDS_PER_SLOT
  SECONDS_PER_ETH1_BLOCK MIN_VALIDATOR_WITHDRAWABILITY_DELAY SHARD_COMMITTEE_PERIOD ETH1_FOLLOW_DISTANCE EJECTION_BALANCE
  MIN_PER_EPOCH_CHURN_LIMIT CHURN_LIMIT_QUOTIENT DEPOSIT_CHAIN_ID DEPOSIT_NETWORK_ID DEPOSIT_CONTRACT_ADDRESS`.split(
    /\s+/,
  );

function v100(preset: "minimal" | "mainnet"): Record<string, string> {
  return parse(readFileSync(specConfigPath("v1.0.0", preset), "utf8"), { schema: "failsafe" });
}

const yamlOf = (entries: Record<string, string>): string =>
  `${Object.entries(entries)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n`;

const pick = (from: Record<string, string>, keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.map((k) => [k, from[k] as string]));

describe("consensus/params: config layouts", () => {
  let dir: string;
  let presetFile: string;
  let configFile: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cfg-layouts-"));
    const full = v100("minimal");
    mkdirSync(path.join(dir, "presets/minimal"), { recursive: true });
    mkdirSync(path.join(dir, "configs"), { recursive: true });
    presetFile = path.join(dir, "presets/minimal/phase0.yaml");
    // v1.1.0 minimal preset changes these two (v1.0.0: 32 and 1... as in its file).
    writeFileSync(
      presetFile,
      `# Minimal preset - Phase0\n${yamlOf({ ...pick(full, PRESET_KEYS), MIN_SLASHING_PENALTY_QUOTIENT: "64", PROPORTIONAL_SLASHING_MULTIPLIER: "2" })}`,
    );
    configFile = path.join(dir, "configs/minimal.yaml");
    const { SECONDS_PER_SLOT: _, ...config } = pick(full, CONFIG_KEYS);
    writeFileSync(
      configFile,
      yamlOf({
        PRESET_BASE: "'minimal'",
        CONFIG_NAME: "'minimal'",
        TERMINAL_TOTAL_DIFFICULTY: "115792089237316195423570985008687907853269984665640564039457584007913129638912",
        ...config,
        SLOT_DURATION_MS: "6000",
        CHURN_LIMIT_QUOTIENT: "32",
        ALTAIR_FORK_VERSION: "0x01000001",
        ALTAIR_FORK_EPOCH: "18446744073709551615",
      }),
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the built-in v1.0.0 configurations equal the official files", () => {
    for (const [preset, builtIn] of [
      ["minimal", specV100Minimal],
      ["mainnet", specV100Mainnet],
    ] as const) {
      const fromFile = loadBeaconConfig(specConfigPath("v1.0.0", preset));
      const fromBuiltIn = loadBeaconConfig(builtIn as unknown as Record<string, unknown>);
      const { types: _a, ...a } = fromFile;
      const { types: _b, ...b } = fromBuiltIn;
      expect(b).to.deep.equal(a);
    }
  });

  it("a complete phase0.yaml needs nothing filled and warns about nothing", () => {
    const warnings: string[] = [];
    const loaded = loadBeaconConfigReport(specConfigPath("v0.12.3", "mainnet"));
    loadBeaconConfig(specConfigPath("v0.12.3", "mainnet"), { onWarning: (l) => warnings.push(l) });
    expect(loaded.presetBase).to.equal("mainnet");
    expect(loaded.filled).to.deep.equal([]);
    expect(loaded.ignored).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it("a preset-only file: preset from its path, config keys from built-in v1.0.0 of that preset", () => {
    const loaded = loadBeaconConfigReport(presetFile);
    const cfg = loaded.config;
    expect(loaded.presetBase).to.equal("minimal");
    expect(cfg.PRESET_BASE).to.equal("minimal");
    expect(cfg.MIN_SLASHING_PENALTY_QUOTIENT).to.equal(64); // from the file
    expect(cfg.PROPORTIONAL_SLASHING_MULTIPLIER).to.equal(2);
    expect(cfg.SLOTS_PER_EPOCH).to.equal(8);
    expect(loaded.filled).to.include.members(["GENESIS_FORK_VERSION", "MIN_GENESIS_TIME", "DOMAIN_BEACON_ATTESTER"]);
    expect(loaded.filled).not.to.include("SLOTS_PER_EPOCH");
    expect(Buffer.from(cfg.GENESIS_FORK_VERSION).toString("hex")).to.equal("00000001");
    expect(cfg.MIN_GENESIS_TIME).to.equal(specV100Minimal.MIN_GENESIS_TIME);
    expect(cfg.CHURN_LIMIT_QUOTIENT).to.equal(65536);
    const warnings: string[] = [];
    loadBeaconConfig(presetFile, { onWarning: (l) => warnings.push(l) });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /^config: 26 missing key\(s\) taken from the built-in consensus-specs v1\.0\.0 minimal config: MIN_PER_EPOCH_CHURN_LIMIT, /,
    );
  });

  it("a preset-only file copied elsewhere names its preset by PRESET_BASE, and without either is refused", () => {
    const anon = path.join(dir, "p.yaml");
    writeFileSync(anon, `${readFileSync(presetFile, "utf8")}PRESET_BASE: 'mainnet'\n`);
    expect(loadBeaconConfigReport(anon).config.GENESIS_FORK_VERSION).to.deep.equal(
      specV100Mainnet.GENESIS_FORK_VERSION,
    );
    writeFileSync(anon, readFileSync(presetFile, "utf8"));
    expect(() => loadBeaconConfig(anon))
      .to.throw(BeaconConfigError, /preset base "custom" has no built-in configuration/)
      .with.property("code", "MISSING_KEY");
  });

  it("preset + config files: config values win, SLOT_DURATION_MS gives SECONDS_PER_SLOT, one warning line", () => {
    const warnings: string[] = [];
    const cfg = loadBeaconConfig([presetFile, configFile], { onWarning: (l) => warnings.push(l) });
    const loaded = loadBeaconConfigReport([presetFile, configFile]);
    expect(cfg.CHURN_LIMIT_QUOTIENT).to.equal(32);
    expect(cfg.SECONDS_PER_SLOT).to.equal(6);
    expect(cfg.MIN_SLASHING_PENALTY_QUOTIENT).to.equal(64);
    expect(cfg.PRESET_BASE).to.equal("minimal");
    expect(loaded.derived).to.deep.equal(["SECONDS_PER_SLOT (from SLOT_DURATION_MS)"]);
    expect(loaded.filled).to.include("DOMAIN_RANDAO").and.not.include("GENESIS_FORK_VERSION");
    expect(loaded.ignored).to.have.members(["TERMINAL_TOTAL_DIFFICULTY", "ALTAIR_FORK_VERSION", "ALTAIR_FORK_EPOCH"]);
    expect(warnings).to.have.length(2); // ignored keys, and the DOMAIN_* constants filled in
    expect(warnings[0]).to.match(/^config: 3 key\(s\) not used by phase0 ignored: .*ALTAIR_FORK_EPOCH/);
    expect(warnings[1]).to.match(/^config: 11 missing key\(s\) taken from the built-in/);
  });

  it("a config naming a network keeps its PRESET_BASE for the preset folder", () => {
    const named = path.join(dir, "configs/devnet.yaml");
    writeFileSync(named, readFileSync(configFile, "utf8").replace("CONFIG_NAME: 'minimal'", "CONFIG_NAME: 'devnet-7'"));
    const cfg = loadBeaconConfig([presetFile, named], { onWarning: () => {} });
    expect(cfg.CONFIG_NAME).to.equal("devnet-7");
    expect(cfg.PRESET_BASE).to.equal("minimal");
  });

  it("a malformed SLOT_DURATION_MS is refused", () => {
    expect(() => loadBeaconConfig({ ...specV100Minimal, SECONDS_PER_SLOT: undefined, SLOT_DURATION_MS: "1500" }))
      .to.throw(BeaconConfigError)
      .with.property("code", "INVALID_INTEGER");
  });
});
