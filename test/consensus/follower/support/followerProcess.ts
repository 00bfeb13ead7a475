// A follower in its own process, for the kill -9 test: syncs with one block per batch and prints a line per batch.
import { pino } from "pino";
import { DepositFollower, FollowerStore, JsonRpcEth1Provider } from "../../../../consensus/follower/index.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";
import { FORK_VERSION } from "./deposits.js";

const { url, chainId, address, deployBlock, dataDir, followDistance } = JSON.parse(process.argv[2]);
const provider = new JsonRpcEth1Provider({ urls: [url], chainId, depositContractAddress: address });
const store = FollowerStore.open(dataDir);
store.bindIdentity(chainId, address);
const follower = new DepositFollower({
  provider,
  store,
  bls,
  genesisForkVersion: FORK_VERSION,
  depositContractDeployBlock: deployBlock,
  followDistance,
  logsBlockRange: { min: 1, max: 1, initial: 1 },
  logger: pino({ level: "silent" }),
});
for (;;) {
  const step = await follower.syncStep();
  process.stdout.write(`step ${step.followedBlock} ${follower.depositCount}\n`);
  if (step.caughtUp) break;
}
process.stdout.write("done\n");
