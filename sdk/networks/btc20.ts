import { hexToBytes } from "@noble/hashes/utils.js";
import type { NetworkParams } from "./types.js";

/**
 * BTC20 Smart Chain networks.
 *
 * Choices (documented in README "SDK and btc20-deposit CLI"):
 * - Genesis fork versions 0x20200000 (mainnet), 0x20200001 (testnet), 0x20200002 (devnet): distinct from every
 *   Ethereum-family network, so a deposit signed for one network can never verify on another.
 * - BTC20 runs phase0 rules only, so voluntary exits are signed with the genesis fork version (exitForkVersion).
 * - Coin type 3600 (EIP-2334's eth2 coin type): keys are ordinary eth2 BLS keys, usable by every validator client
 *   and reproducible with the reference deposit CLI; the fork version, not the path, separates networks.
 * - 1 BTCC = 10^9 gwei (18 decimals, like ETH). Minimum deposit 1 BTCC, activation 1000 BTCC; the largest single
 *   deposit (0x02 credentials) keeps Ethereum's ratio MAX_EFFECTIVE_BALANCE_ELECTRA / MIN_ACTIVATION_BALANCE = 64,
 *   i.e. 64,000 BTCC.
 * - Mainnet and testnet predeploy the deposit contract in genesis at BTC20_DEPOSIT_CONTRACT_PREDEPLOY; the devnet
 *   deploys it at start-up, so its address comes from the deployment (see `withDepositContract`).
 */
export const BTC20_DEPOSIT_CONTRACT_PREDEPLOY = "0x4242424242424242424242424242424242424242";
export const BTC20_COIN_TYPE = 3600;

const GWEI_PER_BTCC = 1_000_000_000n;
const common = {
  family: "btc20",
  coinSymbol: "BTCC",
  genesisValidatorsRoot: null,
  multiplier: 1,
  minDepositGwei: 1n * GWEI_PER_BTCC,
  activationAmountGwei: 1000n * GWEI_PER_BTCC,
  maxDepositGwei: 64_000n * GWEI_PER_BTCC,
  coinType: BTC20_COIN_TYPE,
} as const;

export const BTC20_MAINNET: NetworkParams = {
  ...common,
  name: "btc20-mainnet",
  chainId: 20200n,
  genesisForkVersion: hexToBytes("20200000"),
  exitForkVersion: hexToBytes("20200000"),
  depositContractAddress: BTC20_DEPOSIT_CONTRACT_PREDEPLOY,
};

export const BTC20_TESTNET: NetworkParams = {
  ...common,
  name: "btc20-testnet",
  chainId: 20201n,
  genesisForkVersion: hexToBytes("20200001"),
  exitForkVersion: hexToBytes("20200001"),
  depositContractAddress: BTC20_DEPOSIT_CONTRACT_PREDEPLOY,
};

/** The local devnet (`npm run devnet`): Hardhat's chain id; the contract address comes from the deployment. */
export const BTC20_DEVNET: NetworkParams = {
  ...common,
  name: "btc20-devnet",
  chainId: 31337n,
  genesisForkVersion: hexToBytes("20200002"),
  exitForkVersion: hexToBytes("20200002"),
  depositContractAddress: null,
};
