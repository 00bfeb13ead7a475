// Command line of btc20-node (started by bin/btc20-node.js on the repository's Node 22).
import { Command, InvalidArgumentError } from "commander";
import { parseCorsOrigins } from "../api/cors.js";
import { port, uint } from "../cli/optionParsers.js";
import { runNode } from "./runNode.js";

const collect = (v: string, prev: string[]) => [...prev, v];

const program = new Command("btc20-node")
  .description("BTC20 beacon node: follows the deposit contract, runs the phase0 chain, validators and the Beacon API")
  .option("--network <name>", "btc20 | devnet | path to a phase0.yaml config", "btc20")
  .option(
    "--execution-endpoint <url>",
    "JSON-RPC endpoint of the BTC20 Smart Chain (repeat for fallbacks)",
    collect,
    [],
  )
  .option("--deposit-contract <address>", "deposit contract address (default: the network's)")
  .option("--deposit-contract-block <n>", "block the deposit contract was deployed in", uint, 0)
  .option("--genesis-state <file>", "genesis BeaconState (SSZ); default: formed from the deposit contract")
  .option("--data-dir <dir>", "database directory (blocks, states at checkpoints, follower data)", ".data/btc20-node")
  .option("--rest.address <host>", "Beacon API listen address", "127.0.0.1")
  .option("--rest.port <port>", "Beacon API port", port, 5052)
  .option(
    "--rest.cors <origins>",
    "comma-separated origins allowed to call the Beacon API from a browser (e.g. the staking dApp), * for any",
    (v: string) => {
      try {
        return parseCorsOrigins(v);
      } catch (e) {
        throw new InvalidArgumentError((e as Error).message);
      }
    },
    [] as string[],
  )
  .option("--metrics.port <port>", "Prometheus /metrics port (also served on the REST port)", port)
  .option("--keystores <dir>", "directory of EIP-2335 keystores (*.json) to run validators for")
  .option("--keystore-password-file <file>", "file holding the keystores' password")
  .option("--slashing-protection-import <file>", "EIP-3076 interchange file to import before starting")
  .option("--slashing-protection-export <file>", "write an EIP-3076 interchange file on shutdown")
  .option("--log-level <level>", "trace | debug | info | warn | error", "info")
  .option("--p2p.port <port>", "libp2p TCP port", port, 9000)
  .option("--p2p.address <ip>", "libp2p listen address", "0.0.0.0")
  .option("--bootnodes <multiaddrs>", "comma-separated multiaddrs with /p2p/<peer id> to stay connected to", "")
  .option("--p2p.target-peers <n>", "peers to keep connected", uint, 50)
  .option("--p2p.max-peers <n>", "most connections accepted", uint, 55)
  .option("--no-p2p", "run without a network (a single node)")
  .option("--debug-api", "serve /btc20/v1/debug/* (network deny list for partitions)")
  .option(
    "--checkpoint-sync-url <url>",
    "Beacon API of a trusted node: start from its finalized state (empty data dir)",
  )
  .option(
    "--checkpoint-sync-state-root <0x..>",
    "expected root of that state (default: the serving node's finalized block)",
  );

program.parse();
const o = program.opts();

try {
  const node = await runNode({
    network: o.network,
    executionEndpoints: o.executionEndpoint,
    depositContract: o.depositContract,
    depositContractBlock: o.depositContractBlock,
    genesisState: o.genesisState,
    dataDir: o.dataDir,
    restAddress: o["rest.address"],
    restPort: o["rest.port"],
    restCors: o["rest.cors"],
    metricsPort: o["metrics.port"],
    keystores: o.keystores,
    keystorePasswordFile: o.keystorePasswordFile,
    slashingProtectionImport: o.slashingProtectionImport,
    slashingProtectionExport: o.slashingProtectionExport,
    logLevel: o.logLevel,
    p2p: o.p2p,
    p2pPort: o["p2p.port"],
    p2pAddress: o["p2p.address"],
    bootnodes: String(o.bootnodes)
      .split(",")
      .map((s: string) => s.trim())
      .filter((s: string) => s.length > 0),
    targetPeers: o["p2p.targetPeers"],
    maxPeers: o["p2p.maxPeers"],
    debugApi: Boolean(o.debugApi),
    checkpointSyncUrl: o.checkpointSyncUrl,
    checkpointSyncStateRoot: o.checkpointSyncStateRoot,
  });
  const shutdown = async () => {
    await node.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (e) {
  const err = e as Error & { code?: string };
  console.error(`btc20-node: ${err.code ? `${err.code}: ` : ""}${err.message}`);
  process.exit(1);
}
