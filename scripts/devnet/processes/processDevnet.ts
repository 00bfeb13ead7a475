// The devnet across OS processes: the eth1 chain (Hardhat JSON-RPC on 127.0.0.1, in this process) with the deposit
// contract and the genesis deposits, the genesis state written as an SSZ file, the validator keys written as EIP-2335
// keystores, then N btc20-node processes connected only by libp2p over loopback, validators split between them (and
// btc20-validator processes). The devnet writes every node's libp2p key before it starts, so each node gets every
// other one as a bootnode (a full mesh). One eth1 block is mined per SECONDS_PER_ETH1_BLOCK. Nodes can be added later
// (late joiner, checkpoint sync), killed and restarted; the live view polls every node's Beacon API each slot.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../../consensus/types/index.js";
import type { ValidatorKey } from "../../../consensus/validator/keystores.js";
import { createDevnetConfig } from "../devnetParams.js";
import { type Eth1Chain, startEth1Chain } from "../eth1Chain.js";
import { eth1Genesis } from "../eth1Genesis.js";
import { type NodeStatus, readNodeStatus } from "./beaconApi.js";
import { writeConfigYaml } from "./configFile.js";
import { DevnetNode, NODE_DB_FILE, nodeCliSupports, nodeDataDir } from "./devnetNode.js";
import { DevnetValidator } from "./devnetValidator.js";
import { freePorts } from "./freePorts.js";
import { writeKeystoreFiles } from "./keystoreFiles.js";
import { ensureNodeKey } from "./nodeKey.js";

/** What one node starts with. */
export interface NodeSetup {
  /** its validators (in-node duties) */
  keys?: { keys: ValidatorKey[]; first: number };
  /** start from this node's finalized state instead of the genesis file */
  checkpointSyncUrl?: string;
  /** a node database file to start from (copied to the node's data dir): the node resumes from it */
  seedDb?: string;
  /** its Beacon API port (default: a free port) */
  restPort?: number;
}

export interface ProcessDevnetOptions {
  /** nodes started at genesis; the validators are split between them */
  nodes: number;
  validators: number;
  /** node 0's Beacon API port (the dApp's default node is 127.0.0.1:5052); default: a free port */
  restPort0?: number;
  /** btc20-validator processes (each uses node (i + 1) % nodes first, the others as fallbacks) */
  validatorClients?: number;
  /** keys per node, then per validator client (default: equal shares) */
  shares?: number[];
  /** default: the devnet config (`btc20-node --network devnet`); anything else is passed as a phase0.yaml file */
  cfg?: BeaconConfig;
  /** seconds from now to genesis, time for the processes to start (default 8 + 2 per process) */
  genesisDelaySeconds?: number;
  print: (line: string) => void;
  /** print a live-view line every slot (default true) */
  liveView?: boolean;
  /** keep the temp dir (logs, data dirs) after stop(); default: keep only if asked */
  keepDir?: boolean;
  /**
   * a genesis made elsewhere (the network benchmark's pre-built chain); the eth1 chain then only hosts the contract.
   * Default: genesis from the contract's deposits.
   */
  genesis?: { state: BeaconState; keys: ValidatorKey[] };
}

/** One poll of every node at a slot (null: the node's API did not answer, e.g. it is down). */
export interface ViewSample {
  slot: number;
  statuses: (NodeStatus | null)[];
}

const short = (hex: string) => `${hex.slice(0, 8)}…`;

export class ProcessDevnet {
  readonly nodes: DevnetNode[] = [];
  readonly validators: DevnetValidator[] = [];
  readonly samples: ViewSample[] = [];
  /** validator indices run by each node (genesis validators: index = deposit index) */
  readonly validatorIndices: number[][] = [];
  /** validator indices run by each btc20-validator process */
  readonly vcIndices: number[][] = [];
  readonly p2p: boolean;
  private miner: NodeJS.Timeout | null = null;
  private viewTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private nodeCount = 0;
  private interrupted = false;
  keepDir: boolean;

  private constructor(
    readonly cfg: BeaconConfig,
    readonly rootDir: string,
    readonly eth1: Eth1Chain,
    readonly genesis: BeaconState,
    readonly keys: ValidatorKey[],
    private readonly closeEth1: () => Promise<void>,
    readonly genesisStateFile: string,
    readonly network: string,
    private readonly print: (line: string) => void,
    keepDir: boolean,
  ) {
    this.p2p = nodeCliSupports("--p2p.port");
    this.keepDir = keepDir;
  }

  get genesisTime(): number {
    return this.genesis.genesisTime;
  }

  static async start(o: ProcessDevnetOptions): Promise<ProcessDevnet> {
    const cfg = o.cfg ?? createDevnetConfig();
    const rootDir = mkdtempSync(path.join(tmpdir(), "btc20-devnet-procs-"));
    // eth1 time runs ahead of the wall clock so that genesis (eth1 block time + GENESIS_DELAY) leaves the processes
    // time to start
    const delay = o.genesisDelaySeconds ?? 8 + 2 * (o.nodes + (o.validatorClients ?? 0));
    const startTime = Math.floor(Date.now() / 1000) + delay - cfg.GENESIS_DELAY;
    let eth1: Eth1Chain;
    let genesis: { state: BeaconState; keys: ValidatorKey[] };
    let closeEth1: () => Promise<void>;
    if (o.genesis) {
      eth1 = await startEth1Chain({ chainId: cfg.DEPOSIT_CHAIN_ID });
      genesis = o.genesis;
      closeEth1 = () => eth1.close();
    } else {
      const started = await eth1Genesis({
        cfg,
        validators: o.validators,
        dataDir: path.join(rootDir, "eth1-follower"),
        startTime,
        print: o.print,
      });
      eth1 = started.eth1;
      genesis = { state: started.genesis, keys: started.keys };
      closeEth1 = async () => {
        started.store.close();
        await started.eth1.close();
      };
    }
    const genesisStateFile = path.join(rootDir, "genesis.ssz");
    writeFileSync(genesisStateFile, cfg.types.BeaconState.serialize(genesis.state));
    let network = "devnet";
    if (o.cfg) {
      network = path.join(rootDir, "config.yaml");
      writeConfigYaml(cfg, network);
    }
    const devnet = new ProcessDevnet(
      cfg,
      rootDir,
      eth1,
      genesis.state,
      genesis.keys,
      closeEth1,
      genesisStateFile,
      network,
      o.print,
      o.keepDir ?? false,
    );
    try {
      devnet.startMiner();
      const vcs = o.validatorClients ?? 0;
      const holders = o.nodes + vcs;
      // as equal as can be: 16 over 5 holders is 4/3/3/3/3
      const base = Math.floor(o.validators / Math.max(1, holders));
      const shares = o.shares ?? Array.from({ length: holders }, (_, i) => base + (i < o.validators % holders ? 1 : 0));
      let next = 0;
      const keySets: { keys: ValidatorKey[]; first: number }[] = shares.map((n) => {
        const set = { keys: genesis.keys.slice(next, next + n), first: next };
        next += n;
        return set;
      });
      // node 0 first: the others need its peer id for --bootnodes
      // every node key is written first, so each node starts with all the others as bootnodes (a full mesh)
      const nodes = await Promise.all(
        keySets
          .slice(0, o.nodes)
          .map((keys, i) => devnet.prepareNode({ keys, restPort: i === 0 ? o.restPort0 : undefined })),
      );
      for (const node of nodes) node.bootnodes = devnet.otherMultiaddrs(node);
      await Promise.all(nodes.map((node) => node.start()));
      await Promise.all(keySets.slice(o.nodes).map((k, i) => devnet.addValidatorClient(i, k)));
      const vcNote = vcs > 0 ? ` + ${vcs} btc20-validator process${vcs > 1 ? "es" : ""}` : "";
      if (o.nodes > 0)
        o.print(
          `${devnet.nodes.length} btc20-node processes${vcNote} (${devnet.p2p ? "libp2p on 127.0.0.1" : "no p2p layer in this btc20-node: --no-p2p"}), ` +
            `validators ${shares.join("/")}, genesis in ${(devnet.genesisTime - Date.now() / 1000).toFixed(0)} s; logs in ${rootDir}`,
        );
      for (const node of devnet.nodes) {
        o.print(`  ${node.name}: Beacon API ${node.restUrl}${node.multiaddr ? `, libp2p ${node.multiaddr}` : ""}`);
      }
      if (devnet.nodes[0]) {
        const dapp = `network=btc20-devnet&contract=${eth1.contractAddress}&fromBlock=${eth1.deployBlock}&rpc=${eth1.url}`;
        o.print(
          `staking dApp: \`BTC20_NODE_URL=${devnet.nodes[0].restUrl} npm run dapp\`, then open http://127.0.0.1:5173/?${dapp}`,
        );
      }
      if (o.liveView ?? true) devnet.startLiveView();
      return devnet;
    } catch (e) {
      devnet.keepDir = true;
      await devnet.stop();
      throw e;
    }
  }

  private startMiner(): void {
    const eth1 = this.eth1;
    let busy = false;
    this.miner = setInterval(() => {
      if (busy) return;
      busy = true;
      // Hardhat's clock keeps the offset set at start (eth1 ahead of the wall clock by the genesis delay)
      eth1.provider
        .send("evm_mine", [])
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }, this.cfg.SECONDS_PER_ETH1_BLOCK * 1000);
  }

  /**
   * Starts one more btc20-node: with `keys` (its validators), from genesis or from `checkpointSyncUrl`; node 0 (when
   * there is one) is its bootnode.
   */
  async addNode(o: NodeSetup & { bootnodes?: string[] } = {}): Promise<DevnetNode> {
    const node = await this.prepareNode(o);
    node.bootnodes = o.bootnodes ?? this.otherMultiaddrs(node);
    await node.start();
    return node;
  }

  /** The libp2p addresses of every node but `node` (known before they start: the devnet wrote their keys). */
  private otherMultiaddrs(node: DevnetNode): string[] {
    return this.nodes.filter((n) => n !== node && n.multiaddr).map((n) => n.multiaddr!);
  }

  /** Data dir, ports, node key and keystores of one more node, registered but not started. */
  private async prepareNode(o: NodeSetup): Promise<DevnetNode> {
    const index = this.nodeCount++; // taken before any await: nodes may be added in parallel
    const [restPort, p2pPort] = await freePorts(2);
    const keystores =
      o.keys && o.keys.keys.length > 0
        ? await writeKeystoreFiles(path.join(this.rootDir, `node-${index}`), o.keys.keys, o.keys.first)
        : undefined;
    const dataDir = nodeDataDir(this.rootDir, index);
    mkdirSync(dataDir, { recursive: true });
    const peerId = this.p2p ? await ensureNodeKey(dataDir) : null;
    const node = new DevnetNode({
      index,
      rootDir: this.rootDir,
      network: this.network,
      eth1Url: this.eth1.url,
      depositContract: this.eth1.contractAddress,
      depositContractBlock: this.eth1.deployBlock,
      genesisStateFile: o.checkpointSyncUrl ? undefined : this.genesisStateFile,
      checkpointSyncUrl: o.checkpointSyncUrl,
      restPort: o.restPort || restPort!,
      p2pPort: p2pPort!,
      p2p: this.p2p,
      peerId,
      keystores,
    });
    if (o.seedDb) copyFileSync(o.seedDb, path.join(node.dataDir, NODE_DB_FILE));
    this.nodes[index] = node;
    this.validatorIndices[index] = o.keys ? o.keys.keys.map((_, k) => o.keys!.first + k) : [];
    return node;
  }

  /** Starts btc20-validator `i` for `keys`, on node (i + 1) % nodes first and the other nodes as fallbacks. */
  private async addValidatorClient(i: number, keys: { keys: ValidatorKey[]; first: number }): Promise<DevnetValidator> {
    const dir = path.join(this.rootDir, `vc-${i}`);
    const keystores = await writeKeystoreFiles(dir, keys.keys, keys.first);
    const n = this.nodes.length;
    const order = Array.from({ length: n }, (_, k) => this.nodes[(i + 1 + k) % n]!.restUrl);
    const vc = new DevnetValidator({
      index: i,
      rootDir: this.rootDir,
      beaconNodes: order,
      keystores,
      metricsPort: (await freePorts(1))[0],
    });
    this.validators.push(vc);
    this.vcIndices.push(keys.keys.map((_, k) => keys.first + k));
    await vc.start();
    return vc;
  }

  /** validator indices run by the given nodes */
  keyIndices(nodes: number[]): number[] {
    return nodes.flatMap((i) => this.validatorIndices[i] ?? []);
  }

  currentSlot(): number {
    return Math.max(0, Math.floor((Date.now() / 1000 - this.genesisTime) / this.cfg.SECONDS_PER_SLOT));
  }

  /** Wall time (ms) at which `slot` (+ a fraction of it) starts. */
  slotTimeMs(slot: number, fraction = 0): number {
    return (this.genesisTime + (slot + fraction) * this.cfg.SECONDS_PER_SLOT) * 1000;
  }

  /** Ends every wait (Ctrl-C): the scenario goes on to its checks at once. */
  interrupt(): void {
    this.interrupted = true;
  }

  /** Sleeps until `slot` + `fraction` of a slot; returns false if interrupted or stopped meanwhile. */
  async untilSlot(slot: number, fraction = 0): Promise<boolean> {
    while (!this.stopped && !this.interrupted) {
      const wait = this.slotTimeMs(slot, fraction) - Date.now();
      if (wait <= 0) return true;
      await new Promise((r) => setTimeout(r, Math.min(wait, 500)));
    }
    return false;
  }

  untilEpoch(epoch: number, fraction = 0): Promise<boolean> {
    return this.untilSlot(epoch * this.cfg.SLOTS_PER_EPOCH, fraction);
  }

  /** Every node's status now (null for a node whose API does not answer). */
  async statuses(): Promise<(NodeStatus | null)[]> {
    return Promise.all(this.nodes.map((n) => (n.process.running ? readNodeStatus(n.restUrl).catch(() => null) : null)));
  }

  /** One line per slot, 2/3 into it (after the attestations): peers, head, justified/finalized per node. */
  private startLiveView(): void {
    const tick = async () => {
      if (this.stopped) return;
      const slot = this.currentSlot();
      const statuses = await this.statuses();
      this.samples.push({ slot, statuses });
      if (Date.now() / 1000 >= this.genesisTime) this.print(this.viewLine(slot, statuses));
      const next = this.slotTimeMs(this.currentSlot() + 1, 2 / 3) - Date.now();
      if (!this.stopped) this.viewTimer = setTimeout(tick, next);
    };
    this.viewTimer = setTimeout(tick, Math.max(0, this.slotTimeMs(this.currentSlot(), 2 / 3) - Date.now()));
  }

  viewLine(slot: number, statuses: (NodeStatus | null)[]): string {
    const epoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
    const cells = statuses.map((s, i) => {
      if (!s) return `n${i} ${this.nodes[i]?.process.running ? "starting" : "down"}`;
      const peers = s.peers === null ? "" : ` p${s.peers}`;
      const sync = s.isSyncing ? ` syncing(${s.syncDistance})` : "";
      return `n${i}${peers} head ${s.headSlot} ${short(s.headRoot)} j${s.justifiedEpoch} f${s.finalizedEpoch}${sync}`;
    });
    return `slot ${String(slot).padStart(4)} epoch ${String(epoch).padStart(3)} | ${cells.join(" | ")}`;
  }

  /** Stops every process, the miner and the eth1 chain; removes the temp dir unless keepDir. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.viewTimer) clearTimeout(this.viewTimer);
    if (this.miner) clearInterval(this.miner);
    await Promise.all(this.validators.map((v) => v.stop()));
    await Promise.all(this.nodes.map((n) => n.stop()));
    await this.closeEth1();
    if (this.keepDir) this.print(`logs and data dirs kept in ${this.rootDir}`);
    else rmSync(this.rootDir, { recursive: true, force: true });
  }
}
