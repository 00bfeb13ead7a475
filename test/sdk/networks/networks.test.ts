import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import {
  BTC20_DEVNET,
  BTC20_MAINNET,
  BTC20_TESTNET,
  getNetwork,
  KNOWN_NETWORKS,
  loadNetworkConfig,
  NetworkError,
  networksByForkVersion,
  toHex,
  withDeployment,
  withDepositContract,
} from "../../../sdk/networks/index.js";

interface ChainSettingJson {
  genesis_fork_version: string;
  exit_fork_version: string;
  genesis_validators_root: string | null;
  multiplier: number;
  min_activation_amount: number;
  min_deposit_amount: number;
}

const networksJson = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../..", "../shared/vectors/keys/networks.json"), "utf8"),
);

describe("sdk/networks registry", () => {
  it("holds the BTC20 networks with distinct fork versions and the documented amounts", () => {
    for (const n of [BTC20_MAINNET, BTC20_TESTNET, BTC20_DEVNET]) {
      expect(n.minDepositGwei).to.equal(1_000_000_000n);
      expect(n.activationAmountGwei).to.equal(1000n * 1_000_000_000n);
      expect(n.coinType).to.equal(3600);
    }
    expect([BTC20_MAINNET, BTC20_TESTNET, BTC20_DEVNET].map((n) => toHex(n.genesisForkVersion))).to.deep.equal([
      "20200000",
      "20200001",
      "20200002",
    ]);
    const forks = KNOWN_NETWORKS.map((n) => toHex(n.genesisForkVersion));
    expect(new Set(forks).size).to.equal(forks.length);
    expect(getNetwork("devnet")).to.equal(BTC20_DEVNET);
    expect(getNetwork("BTC20-Mainnet")).to.equal(BTC20_MAINNET);
  });

  it("matches every Ethereum network of networks.json (fork versions, roots, multipliers, amounts, contracts)", () => {
    const settings = networksJson.ethstaker_chain_settings as Record<string, ChainSettingJson>;
    for (const [name, s] of Object.entries(settings)) {
      const n = getNetwork(name);
      expect(toHex(n.genesisForkVersion), name).to.equal(s.genesis_fork_version);
      expect(toHex(n.exitForkVersion), name).to.equal(s.exit_fork_version);
      expect(n.genesisValidatorsRoot === null ? null : toHex(n.genesisValidatorsRoot), name).to.equal(
        s.genesis_validators_root,
      );
      expect(n.multiplier, name).to.equal(s.multiplier);
      expect(n.minDepositGwei, name).to.equal(BigInt(s.min_deposit_amount * s.multiplier * 1e9));
      expect(n.activationAmountGwei, name).to.equal(BigInt(s.min_activation_amount * s.multiplier * 1e9));
      expect(n.maxDepositGwei, name).to.equal(BigInt(networksJson.constants.MAX_DEPOSIT_AMOUNT_gwei));
    }
    for (const [name, s] of Object.entries(
      networksJson.staking_deposit_cli_v2_8_0_chain_settings as Record<string, ChainSettingJson>,
    )) {
      expect(toHex(getNetwork(name).genesisForkVersion), name).to.equal(s.genesis_fork_version);
      expect(toHex(getNetwork(name).genesisValidatorsRoot!), name).to.equal(s.genesis_validators_root);
    }
    for (const [name, address] of Object.entries(networksJson.deposit_contract_addresses_from_ethstaker_docs)) {
      expect(getNetwork(name).depositContractAddress, name).to.equal(address);
    }
    expect(getNetwork("mainnet").activationAmountGwei).to.equal(
      BigInt(networksJson.launchpad.defaults.MIN_ACTIVATION_BALANCE_eth) * 1_000_000_000n,
    );
  });

  it("finds networks by fork version and rejects unknown names with a coded error", () => {
    expect(networksByForkVersion(Uint8Array.of(1, 1, 0x70, 0)).map((n) => n.name)).to.deep.equal(["holesky"]);
    expect(() => getNetwork("nope"))
      .to.throw(NetworkError, /unknown network "nope".*btc20-mainnet/)
      .with.property("code", "UNKNOWN_NETWORK");
  });

  it("sets a deployed contract address, checksummed", () => {
    const n = withDepositContract(BTC20_DEVNET, "0x5fbdb2315678afecb367f032d93f642f64180aa3");
    expect(n.depositContractAddress).to.equal("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    expect(BTC20_DEVNET.depositContractAddress).to.equal(null);
  });
});

describe("sdk/networks loadNetworkConfig", () => {
  const base = {
    network_name: "my-devnet",
    genesis_fork_version: "0x20209999",
    exit_fork_version: "20209999",
    genesis_validator_root: "ab".repeat(32),
    min_activation_amount: 1000,
    min_deposit_amount: 1,
    multiplier: 1,
    chain_id: 1337,
    deposit_contract_address: "0x4242424242424242424242424242424242424242",
  };

  it("reads the reference CLI's devnet fields plus chain_id and deposit_contract_address", () => {
    const n = loadNetworkConfig(JSON.stringify(base));
    expect(n.name).to.equal("my-devnet");
    expect(n.family).to.equal("custom");
    expect(toHex(n.genesisForkVersion)).to.equal("20209999");
    expect(n.chainId).to.equal(1337n);
    expect(n.activationAmountGwei).to.equal(1000_000_000_000n);
    expect(n.minDepositGwei).to.equal(1_000_000_000n);
    expect(toHex(n.genesisValidatorsRoot!)).to.equal("ab".repeat(32));
  });

  it("applies the multiplier to amounts (gnosis-style)", () => {
    const n = loadNetworkConfig({ ...base, multiplier: 32, min_activation_amount: 1, min_deposit_amount: 0.03125 });
    expect(n.minDepositGwei).to.equal(1_000_000_000n);
    expect(n.activationAmountGwei).to.equal(32_000_000_000n);
  });

  const bad: [string, object | string, RegExp][] = [
    ["not JSON", "{", /not valid JSON/],
    ["an array", "[]", /must be a JSON object/],
    [
      "missing exit_fork_version",
      { ...base, exit_fork_version: undefined },
      /missing required field "exit_fork_version"/,
    ],
    ["short fork version", { ...base, genesis_fork_version: "202099" }, /genesis_fork_version must be 4 bytes/],
    ["known fork version", { ...base, genesis_fork_version: "10000910" }, /belongs to the built-in network hoodi/],
    ["bad root", { ...base, genesis_validator_root: "zz" }, /genesis_validator_root must be a hex string/],
    ["zero multiplier", { ...base, multiplier: 0 }, /"multiplier" must be a positive integer/],
    ["sub-gwei amount", { ...base, min_deposit_amount: "0.0000000001" }, /min_deposit_amount.*9 decimals/],
    ["bad chain id", { ...base, chain_id: -5 }, /"chain_id" must be a positive integer/],
    [
      "bad address checksum",
      { ...base, deposit_contract_address: "0x5FbDB2315678afecb367f032d93F642f64180aA3" },
      /not a valid address/,
    ],
    ["unknown field", { ...base, chainid: 1 }, /unknown field\(s\) chainid/],
  ];
  for (const [what, cfg, message] of bad) {
    it(`rejects ${what} with BAD_NETWORK_CONFIG`, () => {
      const input = typeof cfg === "string" ? cfg : JSON.stringify(cfg);
      expect(() => loadNetworkConfig(input))
        .to.throw(NetworkError, message)
        .with.property("code", "BAD_NETWORK_CONFIG");
    });
  }
});

describe("sdk/networks withDeployment", () => {
  const record = {
    contract: "DepositContract",
    chainId: 31337,
    address: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    blockNumber: 7,
  };

  it("takes the contract address and first block from a deployment record", () => {
    const { network, fromBlock } = withDeployment(BTC20_DEVNET, record);
    expect(network.depositContractAddress).to.equal("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    expect(fromBlock).to.equal(7);
  });

  it("refuses a record of another chain or contract", () => {
    expect(() => withDeployment(BTC20_MAINNET, record)).to.throw(
      NetworkError,
      /chain id 31337, but btc20-mainnet is chain id 20200/,
    );
    expect(() => withDeployment(BTC20_DEVNET, { ...record, contract: "Other" })).to.throw(
      NetworkError,
      /not a DepositContract deployment record/,
    );
  });
});
