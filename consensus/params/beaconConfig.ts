import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { createPhase0Types, type Phase0Types } from "../types/phase0.js";
import type { BeaconParams } from "./beaconParams.js";
import { type CompletedConfigValues, completeConfigValues } from "./completeConfigValues.js";
import { BeaconConfigError } from "./errors.js";
import { parseBeaconParams } from "./parseBeaconParams.js";

/**
 * Everything the state transition reads: the phase0.yaml values under their spec names, the name of the preset they
 * came from, and the SSZ types built for them (list and vector limits depend on the preset).
 */
export type BeaconConfig = Readonly<BeaconParams> & {
  readonly PRESET_BASE: string;
  readonly types: Phase0Types;
};

/**
 * Builds a config from typed params, e.g. `createBeaconConfig({ ...btc20, SECONDS_PER_SLOT: 2 })`. The preset base
 * (which spec-test preset folder applies) defaults to CONFIG_NAME.
 */
export function createBeaconConfig(params: BeaconParams, presetBase?: string): BeaconConfig {
  const checked = parseBeaconParams(params as unknown as Record<string, unknown>);
  return Object.freeze({
    ...checked,
    PRESET_BASE: presetBase ?? checked.CONFIG_NAME,
    types: createPhase0Types(checked),
  });
}

/**
 * Where a config came from: a single file path, a list of files merged in order (later keys win; e.g. a v1.1.0+
 * `presets/<preset>/phase0.yaml` then `configs/<preset>.yaml`), or an object of raw key/values (as parsed from such a
 * file, or BeaconParams).
 */
export type BeaconConfigSource = string | readonly string[] | Record<string, unknown>;

export interface LoadBeaconConfigOptions {
  /** Receives the one warning line about keys phase0 does not use (default console.warn). */
  onWarning?: (line: string) => void;
}

/** A loaded config and what loading it took (see completeConfigValues). */
export interface LoadedBeaconConfig extends Omit<CompletedConfigValues, "values"> {
  config: BeaconConfig;
  files: string[];
}

/**
 * Loads a config in any consensus-specs layout (see completeConfigValues): a full phase0.yaml, a preset-only file,
 * a preset file plus a config file, or raw key/values. Hex values stay exact because the YAML is read with the
 * failsafe schema (every scalar a string). Missing keys of the minimal or mainnet preset base are filled from the
 * built-in v1.0.0 configuration; unknown keys are ignored.
 */
export function loadBeaconConfigReport(source: BeaconConfigSource): LoadedBeaconConfig {
  const files = typeof source === "string" ? [source] : Array.isArray(source) ? [...(source as string[])] : [];
  let raw: Record<string, unknown> = {};
  if (files.length === 0) raw = source as Record<string, unknown>;
  for (const file of files) raw = { ...raw, ...readYamlMapping(file) };
  const { values, ...report } = completeConfigValues(raw, files);
  return { config: createBeaconConfig(parseBeaconParams(values), report.presetBase), files, ...report };
}

/**
 * loadBeaconConfigReport's config, with one warning line (onWarning) if keys were ignored and one if keys were filled
 * in from the built-in configuration (a node must not take Ethereum's values without saying so).
 */
export function loadBeaconConfig(source: BeaconConfigSource, opts: LoadBeaconConfigOptions = {}): BeaconConfig {
  const loaded = loadBeaconConfigReport(source);
  const warn = opts.onWarning ?? console.warn;
  if (loaded.ignored.length > 0) warn(ignoredKeysWarning(loaded.ignored));
  if (loaded.filled.length > 0) warn(filledKeysWarning(loaded.filled, loaded.presetBase));
  return loaded.config;
}

/** The warning line for keys taken from the built-in v1.0.0 configuration. */
export function filledKeysWarning(filled: readonly string[], presetBase: string): string {
  return `config: ${filled.length} missing key(s) taken from the built-in consensus-specs v1.0.0 ${presetBase} config: ${listKeys(filled)}`;
}

/** The warning line for keys not used by phase0. */
export function ignoredKeysWarning(ignored: readonly string[]): string {
  return `config: ${ignored.length} key(s) not used by phase0 ignored: ${listKeys(ignored)}`;
}

function listKeys(keys: readonly string[]): string {
  return `${keys.slice(0, 8).join(", ")}${keys.length > 8 ? ", ..." : ""}`;
}

function readYamlMapping(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new BeaconConfigError("UNREADABLE_FILE", `cannot read config ${file}: ${(e as Error).message}`);
  }
  const parsed = parse(text, { schema: "failsafe" }) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new BeaconConfigError("INVALID_VALUE", `config ${file} is not a YAML mapping`);
  }
  return parsed as Record<string, unknown>;
}
