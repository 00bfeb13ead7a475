// btc20-node: one beacon node on the wall clock. Follows the deposit contract through --execution-endpoint, starts
// from its database (last finalized state) or from a genesis state file or from eth1 genesis, runs the validator
// client for --keystores, and serves the Beacon API (and /metrics) on 127.0.0.1.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pino, { type Logger } from "pino";
import { bls } from "../../sdk/crypto/bls/index.js";
import { DepositTree } from "../../sdk/deposit-tree/index.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import { createMetrics } from "../api/metrics.js";
import { createBeaconApi, createMetricsServer } from "../api/server.js";
import { DepositFollower, DepositSignaturePool, FollowerStore, JsonRpcEth1Provider } from "../follower/index.js";
import { Libp2pNetwork } from "../network/libp2p/libp2pNetwork.js";
import { loadOrCreateNodeKey } from "../network/libp2p/nodeKey.js";
import { createNetworkMetrics } from "../network/metrics.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { initializeBeaconStateFromEth1 } from "../state-transition/genesis/initializeBeaconStateFromEth1.js";
import { isValidGenesisState } from "../state-transition/genesis/isValidGenesisState.js";
import type { BeaconState, Deposit } from "../types/index.js";
import { loadKeystores, readPasswordFile } from "../validator/keystores.js";
import { ValidatorSigner } from "../validator/signer.js";
import { exportInterchange, importInterchange, SlashingProtectionDb } from "../validator/slashing-protection/index.js";
import { ValidatorClient } from "../validator/validatorClient.js";
import { BeaconNode } from "./beaconNode.js";
import { BlsVerifierPool } from "./chain/blsVerifierPool.js";
import { ChainService } from "./chain/chainService.js";
import { Scheduler } from "./clock/scheduler.js";
import { SlotClock } from "./clock/slotClock.js";
import { networkConfig, withDepositContractAddress } from "./config/networkConfig.js";
import { fetchCheckpointState } from "./network/checkpointSync.js";
import { forkDigestOf } from "./network/localStatus.js";
import { NodeChainView } from "./nodeChainView.js";
import { NodeDebugStateView, NodeNetworkView } from "./nodeNetworkView.js";
import { NodeValidatorApi } from "./nodeValidatorApi.js";
import { NodeDb } from "./storage/nodeDb.js";

export interface NodeOptions {
  network: string;
  executionEndpoints: string[];
  depositContract?: string;
  depositContractBlock: number;
  genesisState?: string;
  dataDir: string;
  restAddress: string;
  restPort: number;
  /** origins allowed to call the API from browsers (--rest.cors); default none */
  restCors?: string[];
  metricsPort?: number;
  keystores?: string;
  keystorePasswordFile?: string;
  slashingProtectionImport?: string;
  slashingProtectionExport?: string;
  logLevel: string;
  /** false: no network (a single node) */
  p2p?: boolean;
  p2pPort?: number;
  p2pAddress?: string;
  bootnodes?: string[];
  targetPeers?: number;
  maxPeers?: number;
  /** serve /btc20/v1/debug/* (network deny list for partitions) */
  debugApi?: boolean;
  /** Beacon API of a node to take the finalized state from (empty database only) */
  checkpointSyncUrl?: string;
  /** the expected hash_tree_root of that state (0x...) */
  checkpointSyncStateRoot?: string;
}

export class NodeStartError extends CodedError<"NODE_START_FAILED"> {
  override readonly name = "NodeStartError";
  constructor(message: string) {
    super("NODE_START_FAILED", message);
  }
}

export interface RunningNode {
  cfg: BeaconConfig;
  restUrl: string;
  /** libp2p peer id (null with --no-p2p) */
  peerId: string | null;
  p2pAddresses: string[];
  metricsUrl: string | null;
  stop(): Promise<void>;
  done: Promise<void>;
}

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

export async function runNode(o: NodeOptions, logger: Logger = pino({ level: o.logLevel })): Promise<RunningNode> {
  const cfg = withDepositContractAddress(networkConfig(o.network), o.depositContract);
  if (o.executionEndpoints.length === 0) {
    throw new NodeStartError("--execution-endpoint is required: the node follows the deposit contract through it");
  }
  if (o.keystores && !o.keystorePasswordFile) {
    throw new NodeStartError("--keystores needs --keystore-password-file");
  }
  mkdirSync(o.dataDir, { recursive: true });
  const db = new NodeDb(path.join(o.dataDir, "beacon.sqlite"));
  const store = FollowerStore.open(o.dataDir);
  const depositContract = hex(cfg.DEPOSIT_CONTRACT_ADDRESS);
  // Proof-of-possession checks of new keys run on a worker per core, off the event loop that serves duties and the API.
  const signaturePool = await DepositSignaturePool.start({ genesisForkVersion: cfg.GENESIS_FORK_VERSION });
  const follower = new DepositFollower({
    provider: new JsonRpcEth1Provider({
      urls: o.executionEndpoints,
      chainId: cfg.DEPOSIT_CHAIN_ID,
      depositContractAddress: depositContract,
      logger,
    }),
    store,
    bls,
    signatureVerifier: signaturePool,
    genesisForkVersion: cfg.GENESIS_FORK_VERSION,
    depositContractDeployBlock: o.depositContractBlock,
    followDistance: cfg.ETH1_FOLLOW_DISTANCE,
    logger,
  });
  const now = () => Date.now() / 1000;
  // Range sync's signature batches run on a worker thread while the main thread runs the next state transitions.
  const blsPool = await BlsVerifierPool.start();
  const verifySignatureSets = blsPool;
  let chain = ChainService.fromDb({ cfg, db, now, logger, verifySignatureSets });
  if (chain) {
    logger.info(
      { head: chain.headRoot, headSlot: chain.headState().slot, finalized: chain.forkChoice.finalizedCheckpoint },
      "resumed from the database",
    );
  } else if (o.checkpointSyncUrl) {
    const cp = await fetchCheckpointState(cfg, o.checkpointSyncUrl, o.checkpointSyncStateRoot, logger);
    chain = new ChainService({
      cfg,
      anchorState: cp.anchor,
      genesisState: cp.genesis,
      now,
      db,
      logger,
      verifySignatureSets,
    });
  } else {
    const genesis = o.genesisState
      ? cfg.types.BeaconState.deserialize(readFileSync(o.genesisState))
      : await waitForEth1Genesis(cfg, follower, store, logger);
    chain = new ChainService({ cfg, anchorState: genesis, now, db, logger, verifySignatureSets });
    logger.info({ genesisTime: genesis.genesisTime, validators: genesis.validators.length }, "started from genesis");
  }
  const scheduler = new Scheduler("realtime");
  const clock = new SlotClock(scheduler, chain.genesisState.genesisTime, cfg.SECONDS_PER_SLOT, cfg.SLOTS_PER_EPOCH);
  const bridge = {
    getEth1Vote: (c: BeaconConfig, s: BeaconState) => follower.getEth1Vote(c, s),
    getDepositsForBlock: (d: BeaconState["eth1Data"], i: number, m: number) => follower.getDepositsForBlock(d, i, m),
    depositsFrom: (from: number) =>
      store
        .getDeposits(from, follower.depositCount)
        .map((d) => ({ index: d.index, pubkey: d.depositData.pubkey, amountGwei: d.depositData.amount })),
    snapshot: () => follower.getSnapshot(),
    status: () => follower.status(),
  };
  const view = new NodeChainView(cfg, chain, clock, bridge);
  const metrics = createMetrics(view);
  let network: Libp2pNetwork | null = null;
  const networkMetrics = o.p2p !== false ? createNetworkMetrics(metrics.registry) : undefined;
  if (o.p2p !== false) {
    const { key, created } = await loadOrCreateNodeKey(o.dataDir);
    network = await Libp2pNetwork.create({
      privateKey: key,
      listenAddress: o.p2pAddress ?? "0.0.0.0",
      port: o.p2pPort ?? 9000,
      bootnodes: o.bootnodes ?? [],
      forkDigest: forkDigestOf(chain),
      types: cfg.types,
      slotDurationMs: cfg.SECONDS_PER_SLOT * 1000,
      slotsPerEpoch: cfg.SLOTS_PER_EPOCH,
      targetPeers: o.targetPeers,
      maxPeers: o.maxPeers,
      metrics: networkMetrics,
      logger: logger.child({ module: "network" }),
    });
    logger.info({ peerId: network.peerId, created }, created ? "created a node key" : "loaded the node key");
  }
  const node = new BeaconNode({
    id: network?.peerId ?? "node",
    chain,
    clock,
    eth1: bridge,
    logger,
    network: network ?? undefined,
    networkMetrics,
    statusIntervalMs: cfg.SECONDS_PER_SLOT * 1000 * 4,
  });
  if (node.net) view.setSyncSource(() => node.net!.syncState());

  let protection: SlashingProtectionDb | null = null;
  if (o.keystores) {
    const keys = await loadKeystores(o.keystores, readPasswordFile(o.keystorePasswordFile!));
    protection = new SlashingProtectionDb(path.join(o.dataDir, "slashing-protection.sqlite"));
    protection.setGenesisValidatorsRoot(chain.genesisState.genesisValidatorsRoot);
    if (o.slashingProtectionImport) {
      importInterchange(protection, JSON.parse(readFileSync(o.slashingProtectionImport, "utf8")));
    }
    node.addValidatorClient(new ValidatorClient(node, new ValidatorSigner(cfg, keys, protection), { logger }));
    logger.info({ keys: keys.length }, "validator client loaded keystores");
  }

  const validatorApi = new NodeValidatorApi({ node, clock, view, eth1: bridge });
  const api: FastifyInstance = createBeaconApi(view, {
    metrics: metrics.registry,
    cors: o.restCors,
    validatorApi,
    liveness: node.liveness,
    network: network ? new NodeNetworkView(network) : undefined,
    debugStates: new NodeDebugStateView(cfg, view),
    debugApi: o.debugApi,
  });
  const restUrl = await api.listen({ host: o.restAddress, port: o.restPort });
  let metricsServer: FastifyInstance | null = null;
  let metricsUrl: string | null = null;
  if (o.metricsPort !== undefined) {
    metricsServer = createMetricsServer(metrics.registry);
    metricsUrl = await metricsServer.listen({ host: o.restAddress, port: o.metricsPort });
  }
  chain.onEvent((e) => {
    if (e.topic === "block") metrics.blocksImported.inc();
    if (e.topic === "finalized_checkpoint") {
      const s = chain!.blockState(hex(e.block));
      if (s) follower.finalize(s.eth1Data, s.eth1DepositIndex);
      logger.info({ epoch: e.epoch }, "finalized");
    }
  });
  follower.start(cfg.SECONDS_PER_ETH1_BLOCK * 1000);
  node.start();
  const p2pAddresses = network?.addresses ?? [];
  logger.info({ restUrl, metricsUrl, peerId: network?.peerId ?? null, p2pAddresses }, "btc20-node running");
  const done = scheduler.runUntil(Number.POSITIVE_INFINITY).then(() => undefined);
  let stopped = false;
  return {
    cfg,
    restUrl,
    peerId: network?.peerId ?? null,
    p2pAddresses,
    metricsUrl,
    done,
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler.stop();
      await done;
      node.net?.stop();
      await network?.stop();
      await follower.stop();
      await signaturePool.close();
      await blsPool.close();
      await api.close();
      await metricsServer?.close();
      if (protection && o.slashingProtectionExport) {
        writeFileSync(o.slashingProtectionExport, JSON.stringify(exportInterchange(protection), null, 2));
      }
      protection?.close();
      store.close();
      db.close();
    },
  };
}

/**
 * Eth1 genesis (phase0 beacon-chain.md "Genesis"): follows the contract until a followed block's deposits give a
 * valid genesis state (enough full deposits, late enough), then builds that state.
 */
async function waitForEth1Genesis(
  cfg: BeaconConfig,
  follower: DepositFollower,
  store: FollowerStore,
  logger: Logger,
): Promise<BeaconState> {
  for (;;) {
    const step = await follower.syncStep();
    const cursor = follower.cursor;
    if (cursor && follower.depositCount >= cfg.MIN_GENESIS_ACTIVE_VALIDATOR_COUNT) {
      const block = store.eth1BlocksDescending(cursor.blockNumber, 1)[0];
      if (block && block.timestamp + cfg.GENESIS_DELAY >= cfg.MIN_GENESIS_TIME) {
        const tree = DepositTree.empty();
        const deposits: Deposit[] = store.getDeposits(0, follower.depositCount).map((d, i) => {
          tree.push(d.depositDataRoot);
          return { proof: tree.getProof(i, i + 1).branch, data: d.depositData };
        });
        const state = initializeBeaconStateFromEth1(
          cfg,
          new Uint8Array(Buffer.from(cursor.blockHash.slice(2), "hex")),
          block.timestamp,
          deposits,
        );
        if (isValidGenesisState(cfg, state)) return state;
      }
    }
    if (step.caughtUp) {
      logger.info(
        { deposits: follower.depositCount, needed: cfg.MIN_GENESIS_ACTIVE_VALIDATOR_COUNT },
        "waiting for genesis",
      );
      await new Promise((r) => setTimeout(r, cfg.SECONDS_PER_ETH1_BLOCK * 1000));
    }
  }
}
