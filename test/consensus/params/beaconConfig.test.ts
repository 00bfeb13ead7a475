import { expect } from "chai";
import {
  BeaconConfigError,
  btc20,
  createBeaconConfig,
  loadBeaconConfig,
  specConfigPath,
} from "../../../consensus/params/index.js";

describe("consensus/params", () => {
  for (const version of ["v0.12.3", "v1.0.0"] as const) {
    for (const preset of ["minimal", "mainnet"] as const) {
      it(`loads ${version} ${preset} phase0.yaml with exact values`, () => {
        const cfg = loadBeaconConfig(specConfigPath(version, preset));
        expect(cfg.PRESET_BASE).to.equal(preset);
        expect(cfg.SLOTS_PER_EPOCH).to.equal(preset === "minimal" ? 8 : 32);
        expect(cfg.VALIDATOR_REGISTRY_LIMIT).to.equal(2 ** 40);
        expect(Buffer.from(cfg.GENESIS_FORK_VERSION).toString("hex")).to.equal(
          preset === "minimal" ? "00000001" : "00000000",
        );
        expect(Buffer.from(cfg.DOMAIN_BEACON_ATTESTER).toString("hex")).to.equal("01000000");
        expect(cfg.types.BeaconState.defaultValue().blockRoots).to.have.length(cfg.SLOTS_PER_HISTORICAL_ROOT);
      });
    }
  }

  it("v1.0.0 mainnet differs from v0.12.3 only in configuration values", () => {
    const a = loadBeaconConfig(specConfigPath("v0.12.3", "mainnet"));
    const b = loadBeaconConfig(specConfigPath("v1.0.0", "mainnet"));
    expect(a.PROPORTIONAL_SLASHING_MULTIPLIER).to.equal(3);
    expect(b.PROPORTIONAL_SLASHING_MULTIPLIER).to.equal(1);
    expect(b.INACTIVITY_PENALTY_QUOTIENT).to.equal(2 ** 26);
  });

  it("btc20 keeps the promises made to stakers", () => {
    const cfg = createBeaconConfig(btc20);
    const BTCC = 1e9;
    expect(cfg.MAX_EFFECTIVE_BALANCE).to.equal(1000 * BTCC);
    expect(cfg.EJECTION_BALANCE).to.equal(cfg.MAX_EFFECTIVE_BALANCE / 2);
    expect(cfg.MAX_EFFECTIVE_BALANCE % cfg.EFFECTIVE_BALANCE_INCREMENT).to.equal(0);
    expect(Math.floor(cfg.MAX_EFFECTIVE_BALANCE / cfg.MIN_SLASHING_PENALTY_QUOTIENT)).to.be.at.most(BTCC);
    expect((cfg.SECONDS_PER_SLOT * cfg.SLOTS_PER_EPOCH * cfg.EPOCHS_PER_SLASHINGS_VECTOR) / 86400).to.be.within(36, 37);
    expect(cfg.MIN_EPOCHS_TO_INACTIVITY_PENALTY).to.equal(4);
  });

  it("composes overrides onto a preset", () => {
    const cfg = createBeaconConfig({ ...btc20, CONFIG_NAME: "devnet", SECONDS_PER_SLOT: 2 });
    expect(cfg.SECONDS_PER_SLOT).to.equal(2);
    expect(cfg.PRESET_BASE).to.equal("devnet");
    expect(cfg.MAX_EFFECTIVE_BALANCE).to.equal(btc20.MAX_EFFECTIVE_BALANCE);
  });

  it("rejects a missing key and malformed values with typed errors", () => {
    const { SLOTS_PER_EPOCH: _, ...missing } = btc20;
    expect(() => loadBeaconConfig(missing))
      .to.throw(BeaconConfigError)
      .with.property("code", "MISSING_KEY");
    expect(() => loadBeaconConfig({ ...btc20, SLOTS_PER_EPOCH: "8x" }))
      .to.throw(BeaconConfigError)
      .with.property("code", "INVALID_INTEGER");
    expect(() => loadBeaconConfig({ ...btc20, GENESIS_FORK_VERSION: "0x0102" }))
      .to.throw(BeaconConfigError)
      .with.property("code", "INVALID_BYTES");
    expect(() => loadBeaconConfig("/nonexistent/phase0.yaml"))
      .to.throw(BeaconConfigError)
      .with.property("code", "UNREADABLE_FILE");
  });
});
