// One btc20-node OS process of the devnet: its data dir, REST and p2p ports on 127.0.0.1, the genesis state file, the
// eth1 endpoint, optionally its validators' keystores, bootnodes, and the debug API for partitions. Knows its REST URL
// and libp2p peer id once started (from the startup log line), and restarts on the same data dir, ports and key.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { KeystoreFiles } from "./keystoreFiles.js";
import { DevnetProcessError, type LogLine, NODE_CLI, ServiceProcess } from "./serviceProcess.js";

export interface DevnetNodeOptions {
  index: number;
  /** devnet root directory: the node uses <root>/node-<index>/ */
  rootDir: string;
  /** --network: "devnet" or a phase0.yaml path */
  network: string;
  eth1Url: string;
  depositContract: string;
  depositContractBlock: number;
  /** genesis state SSZ file (omitted with checkpointSyncUrl) */
  genesisStateFile?: string;
  checkpointSyncUrl?: string;
  restPort: number;
  p2pPort: number;
  /** false: --no-p2p (a single node; the node has no network) */
  p2p: boolean;
  /** libp2p peer id of the node key written to its data dir (null without p2p) */
  peerId: string | null;
  keystores?: KeystoreFiles;
  logLevel?: string;
}

const STARTUP_TIMEOUT_MS = 90_000;
/** the node's database file in its data dir (consensus/node/runNode.ts) */
export const NODE_DB_FILE = "beacon.sqlite";

/** node <index>'s data dir under the devnet root */
export function nodeDataDir(rootDir: string, index: number): string {
  return path.join(rootDir, `node-${index}`, "data");
}

/** Whether this checkout's btc20-node has a command-line flag (the p2p flags land on main while the devnet grows). */
export function nodeCliSupports(flag: string): boolean {
  return readFileSync(NODE_CLI, "utf8").includes(`"${flag}`);
}

export class DevnetNode {
  readonly name: string;
  readonly dataDir: string;
  readonly logFile: string;
  readonly process: ServiceProcess;
  readonly restUrl: string;
  /** the nodes it dials at start (set before start: all other nodes of the devnet) */
  bootnodes: string[] = [];
  peerId: string | null;
  p2pAddresses: string[] = [];
  /** wall time (ms) the latest start was requested */
  startedAtMs = 0;
  /** the log lines of the latest start, up to "btc20-node running" (resumed from the database? from genesis?) */
  startLines: LogLine[] = [];

  constructor(readonly o: DevnetNodeOptions) {
    this.name = `node-${o.index}`;
    this.peerId = o.peerId;
    const dir = path.join(o.rootDir, this.name);
    this.dataDir = nodeDataDir(o.rootDir, o.index);
    mkdirSync(this.dataDir, { recursive: true });
    this.logFile = path.join(dir, "node.log");
    this.restUrl = `http://127.0.0.1:${o.restPort}`;
    this.process = new ServiceProcess({ name: this.name, entry: NODE_CLI, args: this.args(), logFile: this.logFile });
  }

  /** The node's libp2p address for --bootnodes (known once it has started with p2p). */
  get multiaddr(): string | null {
    return this.peerId ? `/ip4/127.0.0.1/tcp/${this.o.p2pPort}/p2p/${this.peerId}` : null;
  }

  private args(): string[] {
    const o = this.o;
    const a = [
      "--network",
      o.network,
      "--execution-endpoint",
      o.eth1Url,
      "--deposit-contract",
      o.depositContract,
      "--deposit-contract-block",
      String(o.depositContractBlock),
      "--data-dir",
      this.dataDir,
      "--rest.address",
      "127.0.0.1",
      "--rest.port",
      String(o.restPort),
      "--log-level",
      o.logLevel ?? "info",
    ];
    if (o.genesisStateFile) a.push("--genesis-state", o.genesisStateFile);
    if (o.checkpointSyncUrl) a.push("--checkpoint-sync-url", o.checkpointSyncUrl);
    if (o.keystores)
      a.push("--keystores", o.keystores.keystoresDir, "--keystore-password-file", o.keystores.passwordFile);
    if (o.p2p) {
      a.push("--p2p.port", String(o.p2pPort), "--p2p.address", "127.0.0.1", "--debug-api");
    } else if (nodeCliSupports("--no-p2p")) {
      a.push("--no-p2p");
    }
    return a;
  }

  /** Starts the process and waits for its "btc20-node running" line. */
  async start(): Promise<void> {
    this.startedAtMs = Date.now();
    this.startLines = [];
    this.process.start(this.o.p2p && this.bootnodes.length > 0 ? ["--bootnodes", this.bootnodes.join(",")] : []);
    const off = this.process.onLine((l) => this.startLines.push(l));
    try {
      this.onRunning(
        await this.process.waitForLine((l) => l.msg === "btc20-node running", STARTUP_TIMEOUT_MS, "btc20-node running"),
      );
    } finally {
      off();
    }
  }

  private onRunning(line: LogLine): void {
    if (typeof line.peerId === "string" && line.peerId !== this.peerId) {
      throw new DevnetProcessError(
        "PROCESS_FAILED",
        `${this.name} runs as peer ${line.peerId}, not ${this.peerId} from the key in its data dir`,
      );
    }
    if (Array.isArray(line.p2pAddresses)) this.p2pAddresses = line.p2pAddresses as string[];
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return this.process.kill(signal);
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
