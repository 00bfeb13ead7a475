// One btc20-validator OS process of the devnet: its keystores and secrets dir, its data dir (slashing protection),
// and the Beacon API URLs of the nodes it uses, in fallback order. It reaches the nodes only through that API and
// takes the chain's config from them (/eth/v1/config/spec: the devnet's deposit contract is not the preset's).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { KeystoreFiles } from "./keystoreFiles.js";
import { ROOT, ServiceProcess } from "./serviceProcess.js";

export const VALIDATOR_CLI = path.join(ROOT, "consensus", "validator-client", "cli.ts");

/** Whether this checkout has btc20-validator (it lands on main while the devnet grows). */
export function validatorClientExists(): boolean {
  return existsSync(VALIDATOR_CLI);
}

export interface DevnetValidatorOptions {
  index: number;
  rootDir: string;
  beaconNodes: string[];
  keystores: KeystoreFiles;
  /** serve Prometheus /metrics on this port (127.0.0.1) */
  metricsPort?: number;
}

const STARTUP_TIMEOUT_MS = 90_000;

export class DevnetValidator {
  readonly name: string;
  readonly logFile: string;
  readonly process: ServiceProcess;

  constructor(readonly o: DevnetValidatorOptions) {
    this.name = `vc-${o.index}`;
    const dir = path.join(o.rootDir, this.name);
    const datadir = path.join(dir, "data");
    mkdirSync(datadir, { recursive: true });
    this.logFile = path.join(dir, "validator.log");
    this.process = new ServiceProcess({
      name: this.name,
      entry: VALIDATOR_CLI,
      args: [
        "--beacon-nodes",
        o.beaconNodes.join(","),
        "--keystores-dir",
        o.keystores.keystoresDir,
        "--secrets-dir",
        o.keystores.secretsDir,
        "--datadir",
        datadir,
        "--graffiti",
        `btc20 devnet ${this.name}`,
        ...(o.metricsPort ? ["--metrics.port", String(o.metricsPort)] : []),
      ],
      logFile: this.logFile,
    });
  }

  async start(): Promise<void> {
    this.process.start();
    await this.process.waitForLine(
      (l) => l.msg === "btc20-validator running",
      STARTUP_TIMEOUT_MS,
      "btc20-validator running",
    );
  }

  /** the validator client's /metrics base URL, when started with a metrics port */
  get metricsUrl(): string | null {
    return this.o.metricsPort ? `http://127.0.0.1:${this.o.metricsPort}` : null;
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
