import { hexToBytes } from "@noble/hashes/utils.js";
import type { NetworkParams } from "./types.js";

/**
 * Public Ethereum-family networks, so the SDK can be checked against the Ethereum tooling. Values are those of the
 * reference deposit CLIs (ethstaker-deposit-cli settings.py; staking-deposit-cli v2.8.0 for holesky and mekong) and
 * the launchpad constants, as collected in `shared/vectors/keys/networks.json` (a test compares them).
 */
const GWEI_PER_COIN = 1_000_000_000n;
/** MAX_DEPOSIT_AMOUNT of the reference CLI and the launchpad's MAX_EFFECTIVE_BALANCE (Electra), in deposit gwei. */
const MAX_DEPOSIT_GWEI = 2048n * GWEI_PER_COIN;
const ETH_DEPOSIT_CONTRACT = "0x00000000219ab540356cBB839Cbe05303d7705Fa";

interface EthereumNetworkInput {
  name: string;
  chainId: bigint | null;
  genesisForkVersion: string;
  exitForkVersion: string | null;
  genesisValidatorsRoot: string | null;
  depositContractAddress: string | null;
  coinSymbol?: string;
  /** Deposit-data gwei per coin gwei (Gnosis: 1 GNO is deposited as 32 "mGNO"). */
  multiplier?: number;
}

function ethereumNetwork(input: EthereumNetworkInput): NetworkParams {
  return {
    name: input.name,
    family: "ethereum",
    coinSymbol: input.coinSymbol ?? "ETH",
    chainId: input.chainId,
    genesisForkVersion: hexToBytes(input.genesisForkVersion),
    exitForkVersion: hexToBytes(input.exitForkVersion ?? input.genesisForkVersion),
    genesisValidatorsRoot: input.genesisValidatorsRoot === null ? null : hexToBytes(input.genesisValidatorsRoot),
    depositContractAddress: input.depositContractAddress,
    multiplier: input.multiplier ?? 1,
    // In deposit gwei these are the same on every Ethereum-family chain: Gnosis' 1/32 GNO minimum and 1 GNO
    // activation amount, times its multiplier 32, are 1 and 32 deposit units too.
    minDepositGwei: GWEI_PER_COIN,
    activationAmountGwei: 32n * GWEI_PER_COIN,
    maxDepositGwei: MAX_DEPOSIT_GWEI,
    coinType: 3600,
  };
}

export const ETHEREUM_NETWORKS: readonly NetworkParams[] = [
  ethereumNetwork({
    name: "mainnet",
    chainId: 1n,
    genesisForkVersion: "00000000",
    exitForkVersion: "03000000",
    genesisValidatorsRoot: "4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95",
    depositContractAddress: ETH_DEPOSIT_CONTRACT,
  }),
  ethereumNetwork({
    name: "sepolia",
    chainId: 11155111n,
    genesisForkVersion: "90000069",
    exitForkVersion: "90000072",
    genesisValidatorsRoot: "d8ea171f3c94aea21ebc42a1ed61052acf3f9209c00e4efbaaddac09ed9b8078",
    depositContractAddress: null,
  }),
  ethereumNetwork({
    name: "hoodi",
    chainId: 560048n,
    genesisForkVersion: "10000910",
    exitForkVersion: "40000910",
    genesisValidatorsRoot: "212f13fc4df078b6cb7db228f1c8307566dcecf900867401a92023d7ba99cb5f",
    depositContractAddress: ETH_DEPOSIT_CONTRACT,
  }),
  ethereumNetwork({
    name: "plataberget",
    chainId: null,
    genesisForkVersion: "10733183",
    exitForkVersion: "40733183",
    genesisValidatorsRoot: "bb4a1a9e3f7f4e10edcd734e4acc3b5ffd4f830efe0af2748fa458cfee5d2658",
    depositContractAddress: null,
  }),
  ethereumNetwork({
    name: "ephemery",
    chainId: null,
    genesisForkVersion: "1000101b",
    exitForkVersion: "4000101b",
    genesisValidatorsRoot: null,
    depositContractAddress: null,
  }),
  ethereumNetwork({
    name: "gnosis",
    chainId: 100n,
    genesisForkVersion: "00000064",
    exitForkVersion: "03000064",
    genesisValidatorsRoot: "f5dcb5564e829aab27264b9becd5dfaa017085611224cb3036f573368dbb9d47",
    depositContractAddress: "0x0B98057eA310F4d31F2a452B414647007d1645d9",
    coinSymbol: "GNO",
    multiplier: 32,
  }),
  ethereumNetwork({
    name: "chiado",
    chainId: 10200n,
    genesisForkVersion: "0000006f",
    exitForkVersion: "0300006f",
    genesisValidatorsRoot: "9d642dac73058fbf39c0ae41ab1e34e4d889043cb199851ded7095bc99eb4c1e",
    depositContractAddress: "0xb97036A26259B7147018913bD58a774cf91acf25",
    coinSymbol: "GNO",
    multiplier: 32,
  }),
  // Retired networks still listed by staking-deposit-cli v2.8.0. Holesky's Capella version 0x04017000 is its exit
  // fork version (EIP-7044; eth-staking-smith's signed-exit vector checks it, test/sdk/exit). Mekong's is not
  // recorded there, so its genesis fork version stands in (used only to recognise deposits signed for it).
  ethereumNetwork({
    name: "holesky",
    chainId: 17000n,
    genesisForkVersion: "01017000",
    exitForkVersion: "04017000",
    genesisValidatorsRoot: "9143aa7c615a7f7115e2b6aac319c03529df8242ae705fba9df39b79c59fa8b1",
    depositContractAddress: null,
  }),
  ethereumNetwork({
    name: "mekong",
    chainId: null,
    genesisForkVersion: "10637624",
    exitForkVersion: null,
    genesisValidatorsRoot: "9838240bca889c52818d7502179b393a828f61f15119d9027827c36caeb67db7",
    depositContractAddress: null,
  }),
];
