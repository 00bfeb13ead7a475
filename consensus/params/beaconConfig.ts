import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { createPhase0Types, type Phase0Types } from "../types/phase0.js";
import type { BeaconParams } from "./beaconParams.js";
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

/** Builds a config from typed params, e.g. `createBeaconConfig({ ...btc20, SECONDS_PER_SLOT: 2 })`. */
export function createBeaconConfig(params: BeaconParams): BeaconConfig {
  const checked = parseBeaconParams(params as unknown as Record<string, unknown>);
  return Object.freeze({ ...checked, PRESET_BASE: checked.CONFIG_NAME, types: createPhase0Types(checked) });
}

/**
 * Loads a phase0.yaml (a file path) or an object of raw key/values (as parsed from such a file, or BeaconParams) into
 * a BeaconConfig. Hex values stay exact because the YAML is read with the failsafe schema (every scalar a string).
 */
export function loadBeaconConfig(yamlPathOrObject: string | Record<string, unknown>): BeaconConfig {
  let raw: Record<string, unknown>;
  if (typeof yamlPathOrObject === "string") {
    let text: string;
    try {
      text = readFileSync(yamlPathOrObject, "utf8");
    } catch (e) {
      throw new BeaconConfigError("UNREADABLE_FILE", `cannot read config ${yamlPathOrObject}: ${(e as Error).message}`);
    }
    const parsed = parse(text, { schema: "failsafe" }) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new BeaconConfigError("INVALID_VALUE", `config ${yamlPathOrObject} is not a YAML mapping`);
    }
    raw = parsed as Record<string, unknown>;
  } else {
    raw = yamlPathOrObject;
  }
  return createBeaconConfig(parseBeaconParams(raw));
}
