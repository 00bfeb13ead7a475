// The devnet's road to genesis, shared by the in-process devnet (devnetRun.ts) and the process devnet: the eth1
// chain with the DepositContract, the genesis validators' 1000 BTCC deposits made with the SDK (one batchDeposit
// transaction), ETH1_FOLLOW_DISTANCE more blocks, the deposit follower reading them, and the genesis state formed from
// the contract's deposits (phase0 beacon-chain.md "Genesis").
import { DepositFollower, FollowerStore, JsonRpcEth1Provider } from "../../consensus/follower/index.js";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../consensus/types/index.js";
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { bls } from "../../sdk/crypto/bls/index.js";
import type { DepositClient } from "../../sdk/deposit/client/index.js";
import { depositDevnetKeys } from "./depositDevnetKeys.js";
import { type Eth1Chain, startEth1Chain } from "./eth1Chain.js";
import { genesisFromDeposits } from "./genesis.js";
import { devnetKeys } from "./keys.js";

export interface Eth1GenesisOptions {
  cfg: BeaconConfig;
  validators: number;
  /** directory of the follower's database */
  dataDir: string;
  /** eth1 block time to start from (unix seconds): genesis is this + GENESIS_DELAY; default: the wall clock */
  startTime?: number;
  print: (line: string) => void;
}

export interface Eth1Genesis {
  eth1: Eth1Chain;
  client: DepositClient;
  follower: DepositFollower;
  store: FollowerStore;
  genesis: BeaconState;
  keys: ValidatorKey[];
  /** eth1 block the genesis state was formed at */
  genesisBlock: number;
}

const short = (hex: string) => `${hex.slice(0, 10)}…`;

/** Starts the eth1 chain and forms genesis from its deposits; the caller closes `eth1` and `store`. */
export async function eth1Genesis(o: Eth1GenesisOptions): Promise<Eth1Genesis> {
  const { cfg, print } = o;
  const eth1 = await startEth1Chain({ chainId: cfg.DEPOSIT_CHAIN_ID, startTime: o.startTime });
  let store: FollowerStore | null = null;
  try {
    print(
      `eth1: Hardhat JSON-RPC on ${eth1.url}, DepositContract at ${eth1.contractAddress} (block ${eth1.deployBlock})`,
    );
    const keys = devnetKeys(0, o.validators);
    const { client, sent } = await depositDevnetKeys(eth1, keys);
    print(
      `deposited ${sent.length} x 1000 BTCC for the genesis validators (batchDeposit, tx ${short(sent[0]!.txHash)})`,
    );
    for (let i = 0; i < cfg.ETH1_FOLLOW_DISTANCE; i++) await eth1.mineAt(0);

    store = FollowerStore.open(o.dataDir);
    const follower = new DepositFollower({
      provider: new JsonRpcEth1Provider({
        urls: [eth1.url],
        chainId: eth1.chainId,
        depositContractAddress: eth1.contractAddress,
      }),
      store,
      bls,
      genesisForkVersion: cfg.GENESIS_FORK_VERSION,
      depositContractDeployBlock: eth1.deployBlock,
      followDistance: cfg.ETH1_FOLLOW_DISTANCE,
      logsBlockRange: { min: 1, max: 1000, initial: 1000 },
    });
    await follower.syncToHead();
    const cursor = follower.cursor!;
    const block = (await eth1.provider.getBlock(cursor.blockNumber))!;
    const deposits = store.getDeposits(0, follower.depositCount).map((d) => d.depositData);
    const genesis = genesisFromDeposits(
      cfg,
      new Uint8Array(Buffer.from(block.hash!.slice(2), "hex")),
      block.timestamp,
      deposits,
    );
    print(
      `genesis from the contract's ${deposits.length} deposits at eth1 block ${cursor.blockNumber}: ` +
        `genesis_time ${genesis.genesisTime}, genesis_validators_root ${short(`0x${Buffer.from(genesis.genesisValidatorsRoot).toString("hex")}`)}`,
    );
    return { eth1, client, follower, store, genesis, keys, genesisBlock: cursor.blockNumber };
  } catch (e) {
    store?.close();
    await eth1.close();
    throw e;
  }
}
