// Completes the raw key/values of a config in any consensus-specs layout into the full phase0 key set:
// - up to v1.0.0 one `configs/<preset>/phase0.yaml` holds every key (nothing to do);
// - from v1.1.0 on the preset (`presets/<preset>/phase0.yaml`) and the config (`configs/<preset>.yaml`) are separate
//   files, and both leave out values that became spec constants (DOMAIN_*, BLS_WITHDRAWAL_PREFIX, the p2p/validator
//   ones) or were removed (SAFE_SLOTS_TO_UPDATE_JUSTIFIED in v1.4.0): missing keys come from the built-in v1.0.0
//   configuration of the same preset base;
// - renamed keys: SLOT_DURATION_MS (newer configs) gives SECONDS_PER_SLOT.
// Keys phase0 does not use (altair and later forks, PRESET_BASE, ...) are reported, not parsed.
import { BYTES_PARAM_LENGTHS, NUMBER_PARAM_KEYS } from "./beaconParams.js";
import { BeaconConfigError } from "./errors.js";
import { specV100Mainnet, specV100Minimal } from "./presets/specV100.js";

/** The built-in complete configurations, by preset base. */
const BUILT_IN: Record<string, Record<string, unknown>> = { minimal: specV100Minimal, mainnet: specV100Mainnet };

const PHASE0_KEYS: readonly string[] = [...NUMBER_PARAM_KEYS, ...Object.keys(BYTES_PARAM_LENGTHS)];
const NAME_KEYS = ["CONFIG_NAME", "PRESET_BASE"];

export interface CompletedConfigValues {
  /** Every phase0 key, plus CONFIG_NAME. */
  values: Record<string, unknown>;
  /** Preset base: PRESET_BASE, else CONFIG_NAME, else the name found in the file paths, else "custom". */
  presetBase: string;
  /** Keys taken from the built-in v1.0.0 configuration of `presetBase` (empty for a complete file). */
  filled: string[];
  /** Keys computed from a renamed key, e.g. "SECONDS_PER_SLOT (from SLOT_DURATION_MS)". */
  derived: string[];
  /** Keys present but not used by phase0. */
  ignored: string[];
}

/**
 * @param raw merged key/values of the given file(s) or object
 * @param paths the files they came from (a preset-only file names its preset only in its path)
 */
export function completeConfigValues(
  raw: Record<string, unknown>,
  paths: readonly string[] = [],
): CompletedConfigValues {
  const values: Record<string, unknown> = { ...raw };
  const derived: string[] = [];
  if (values.SECONDS_PER_SLOT === undefined && values.SLOT_DURATION_MS !== undefined) {
    const ms = Number(String(values.SLOT_DURATION_MS).trim());
    if (!Number.isSafeInteger(ms) || ms <= 0 || ms % 1000 !== 0) {
      throw new BeaconConfigError(
        "INVALID_INTEGER",
        `config key SLOT_DURATION_MS must be a positive whole number of seconds in ms, got ${String(values.SLOT_DURATION_MS)}`,
      );
    }
    values.SECONDS_PER_SLOT = ms / 1000;
    derived.push("SECONDS_PER_SLOT (from SLOT_DURATION_MS)");
  }

  const presetBase = nameOf(values.PRESET_BASE) ?? nameOf(values.CONFIG_NAME) ?? presetFromPaths(paths) ?? "custom";
  if (values.CONFIG_NAME === undefined) values.CONFIG_NAME = presetBase;

  const missing = PHASE0_KEYS.filter((k) => values[k] === undefined || values[k] === null);
  const filled: string[] = [];
  if (missing.length > 0) {
    const builtIn = BUILT_IN[presetBase];
    if (!builtIn) {
      throw new BeaconConfigError(
        "MISSING_KEY",
        `config key ${missing[0]} is missing${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ""}, and ` +
          `the preset base "${presetBase}" has no built-in configuration to fill it from (built in: minimal, mainnet)`,
      );
    }
    for (const key of missing) {
      values[key] = builtIn[key];
      filled.push(key);
    }
  }

  const ignored = Object.keys(raw).filter(
    (k) => !PHASE0_KEYS.includes(k) && !NAME_KEYS.includes(k) && !(k === "SLOT_DURATION_MS" && derived.length > 0),
  );
  return { values, presetBase, filled, derived, ignored };
}

function nameOf(v: unknown): string | undefined {
  return v === undefined || v === null || String(v).trim() === "" ? undefined : String(v).trim();
}

/** "minimal" or "mainnet" if exactly one of them is a folder or file name (without extension) in the paths. */
function presetFromPaths(paths: readonly string[]): string | undefined {
  const found = new Set<string>();
  for (const p of paths) {
    for (const part of p.split(/[\\/]/)) {
      const stem = part.replace(/\.ya?ml$/, "");
      if (stem in BUILT_IN) found.add(stem);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
