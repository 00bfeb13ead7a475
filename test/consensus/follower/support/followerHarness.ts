import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import {
  DepositFollower,
  type DepositFollowerOptions,
  FollowerStore,
  JsonRpcEth1Provider,
  type JsonRpcEth1ProviderOptions,
} from "../../../../consensus/follower/index.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";
import { FORK_VERSION } from "./deposits.js";
import type { LocalChain } from "./localChain.js";

export const FOLLOW_DISTANCE = 3;
export const silentLogger = pino({ level: "silent" });

export interface Harness {
  follower: DepositFollower;
  store: FollowerStore;
  provider: JsonRpcEth1Provider;
  close(): Promise<void>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "btc20-follower-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openFollower(
  chain: LocalChain,
  dataDir: string,
  overrides: { provider?: Partial<JsonRpcEth1ProviderOptions>; follower?: Partial<DepositFollowerOptions> } = {},
): Harness {
  const provider = new JsonRpcEth1Provider({
    urls: [chain.url],
    chainId: chain.chainId,
    depositContractAddress: chain.address,
    requestTimeoutMs: 2_000,
    maxAttempts: 6,
    backoffMs: 5,
    maxBackoffMs: 50,
    logger: silentLogger,
    ...overrides.provider,
  });
  const store = FollowerStore.open(dataDir);
  store.bindIdentity(chain.chainId, chain.address);
  const follower = new DepositFollower({
    provider,
    store,
    bls,
    genesisForkVersion: FORK_VERSION,
    depositContractDeployBlock: chain.deployBlock,
    followDistance: FOLLOW_DISTANCE,
    logsBlockRange: { min: 1, max: 64, initial: 64 },
    logger: silentLogger,
    ...overrides.follower,
  });
  return {
    follower,
    store,
    provider,
    close: async () => {
      await follower.stop();
      await provider.destroy();
      store.close();
    },
  };
}
