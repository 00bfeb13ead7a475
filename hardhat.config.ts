import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

// Solidity compiles offline: the compiler is the pinned `solc` npm package's soljson (WASM build),
// handed to Hardhat through `path`, so Hardhat never downloads one.
const require = createRequire(import.meta.url);
const SOLC_VERSION = "0.8.30";
const SOLJSON_PATH = require.resolve("solc/soljson.js");

// One set of optimizer settings for every build profile: tests and benchmarks measure what ships.
const compilerSettings = {
  viaIR: true,
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "prague",
  metadata: { bytecodeHash: "none" as const },
};

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    profiles: {
      default: { version: SOLC_VERSION, path: SOLJSON_PATH, settings: compilerSettings },
      production: { version: SOLC_VERSION, path: SOLJSON_PATH, settings: compilerSettings },
    },
  },
  paths: {
    tests: { mocha: "test" },
  },
  test: {
    mocha: { timeout: 120_000 },
  },
  networks: {
    hardhat: { type: "edr-simulated", chainType: "l1" },
    localhost: { type: "http", chainType: "l1", url: "http://127.0.0.1:8545" },
    custom: {
      type: "http",
      chainType: "l1",
      url: configVariable("BTC20_RPC_URL"),
      accounts: [configVariable("BTC20_DEPLOYER_KEY")],
    },
  },
});
