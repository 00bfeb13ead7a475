// A devnet config written as phase0.yaml loads back (as btc20-node --network <file> loads it) to the same values.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { createDevnetConfig } from "../../../../consensus/node/config/devnetParams.js";
import { loadBeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { BYTES_PARAM_LENGTHS, NUMBER_PARAM_KEYS } from "../../../../consensus/params/beaconParams.js";
import { writeConfigYaml } from "../../../../scripts/devnet/processes/configFile.js";

describe("scripts/devnet/processes configFile", () => {
  it("round-trips every phase0 value through the YAML file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "btc20-cfg-"));
    try {
      const cfg = createDevnetConfig({ SLOTS_PER_EPOCH: 4 });
      const file = path.join(dir, "config.yaml");
      writeConfigYaml(cfg, file);
      const warnings: string[] = [];
      const loaded = loadBeaconConfig(file, { onWarning: (w) => warnings.push(w) });
      expect(warnings).to.deep.equal([]);
      expect(loaded.CONFIG_NAME).to.equal("btc20-devnet");
      for (const key of NUMBER_PARAM_KEYS) expect(loaded[key], key).to.equal(cfg[key]);
      for (const key of Object.keys(BYTES_PARAM_LENGTHS) as (keyof typeof BYTES_PARAM_LENGTHS)[]) {
        expect(loaded[key], key).to.deep.equal(cfg[key]);
      }
      expect(loaded.SLOTS_PER_EPOCH).to.equal(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
