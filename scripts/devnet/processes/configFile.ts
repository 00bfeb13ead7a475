// A devnet config as a phase0.yaml file, for `btc20-node --network <file>` when the devnet runs with values other than
// the built-in `--network devnet` ones (shorter epochs for the process-scenario tests, the network benchmark).
import { writeFileSync } from "node:fs";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import { BYTES_PARAM_LENGTHS, NUMBER_PARAM_KEYS } from "../../../consensus/params/beaconParams.js";

export function writeConfigYaml(cfg: BeaconConfig, file: string): void {
  const lines = [`CONFIG_NAME: ${cfg.CONFIG_NAME}`];
  for (const key of NUMBER_PARAM_KEYS) lines.push(`${key}: ${cfg[key]}`);
  for (const key of Object.keys(BYTES_PARAM_LENGTHS) as (keyof typeof BYTES_PARAM_LENGTHS)[]) {
    lines.push(`${key}: 0x${Buffer.from(cfg[key] as Uint8Array).toString("hex")}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}
