// btc20-validator: loads the keys, learns the chain from the beacon node(s), opens the slashing-protection database
// and runs the duty loop, the Keymanager API and /metrics. Everything reaches a node through the Beacon API.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pino, { type Logger } from "pino";
import { CodedError } from "../../sdk/errors/codedError.js";
import { createMetricsServer } from "../api/server.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { ValidatorSigner } from "../validator/signer.js";
import { SlashingProtectionDb } from "../validator/slashing-protection/index.js";
import { BeaconNodes, redactUrl } from "./beaconNodes.js";
import { type ChainInfo, fetchChainInfo } from "./chainInfo.js";
import { DoppelgangerService } from "./doppelganger.js";
import { createKeymanagerServer, ensureApiToken } from "./keymanager.js";
import { keymanagerBackend } from "./keymanagerBackend.js";
import { loadKeysFromDir, ManagedKeystores } from "./keystoreFiles.js";
import { createValidatorMetrics, type ValidatorMetrics } from "./metrics.js";
import { ValidatorService } from "./validatorService.js";
import { ValidatorStore } from "./validatorStore.js";

export interface ValidatorOptions {
  beaconNodes: string[];
  keystoresDir?: string;
  secretsDir?: string;
  keystoresPasswordFile?: string;
  datadir: string;
  graffiti?: string;
  /** operator's own config (--network); default: the node's /eth/v1/config/spec */
  localConfig?: BeaconConfig;
  keymanager?: boolean;
  keymanagerAddress?: string;
  keymanagerPort?: number;
  /** default: on for the btc20 mainnet config (CONFIG_NAME "btc20"), off elsewhere */
  doppelgangerProtection?: boolean;
  metricsAddress?: string;
  metricsPort?: number;
  /** per-request timeout to a beacon node (default: one slot once known, 12 s before) */
  requestTimeoutMs?: number;
  logLevel?: string;
}

export class ValidatorStartError extends CodedError<"VALIDATOR_START_FAILED"> {
  override readonly name = "ValidatorStartError";
  constructor(message: string) {
    super("VALIDATOR_START_FAILED", message);
  }
}

export interface RunningValidator {
  info: ChainInfo;
  store: ValidatorStore;
  service: ValidatorService;
  metrics: ValidatorMetrics;
  doppelganger: DoppelgangerService | null;
  keymanagerUrl: string | null;
  keymanagerTokenFile: string;
  metricsUrl: string | null;
  stop(): Promise<void>;
}

/** Graffiti: up to 32 bytes of UTF-8, zero-padded (validator.md "Graffiti"). */
export function graffitiBytes(text = ""): Uint8Array {
  const b = new TextEncoder().encode(text);
  if (b.length > 32) throw new ValidatorStartError(`--graffiti is ${b.length} bytes of UTF-8; at most 32 fit`);
  const out = new Uint8Array(32);
  out.set(b);
  return out;
}

export function openSlashingProtection(datadir: string): SlashingProtectionDb {
  mkdirSync(datadir, { recursive: true, mode: 0o700 });
  return new SlashingProtectionDb(path.join(datadir, "slashing-protection.sqlite"));
}

export async function runValidator(
  o: ValidatorOptions,
  logger: Logger = pino({ level: o.logLevel ?? "info" }),
): Promise<RunningValidator> {
  const graffiti = graffitiBytes(o.graffiti);
  if (o.keystoresDir && !o.secretsDir && !o.keystoresPasswordFile) {
    throw new ValidatorStartError("--keystores-dir needs --secrets-dir or --keystores-password-file");
  }
  const metrics = createValidatorMetrics();
  const nodes = new BeaconNodes(o.beaconNodes, { timeoutMs: o.requestTimeoutMs ?? 12_000, logger, metrics });
  logger.info({ beaconNodes: o.beaconNodes.map(redactUrl) }, "btc20-validator starting");

  // keys first: a wrong password should fail before anything else happens
  const external = await loadKeysFromDir(
    { keystoresDir: o.keystoresDir, secretsDir: o.secretsDir, passwordFile: o.keystoresPasswordFile },
    true,
  );
  const managed = new ManagedKeystores(o.datadir);
  const imported = await managed.load();
  logger.info({ fromKeystoresDir: external.length, imported: imported.length }, "keys loaded");

  const info = await fetchChainInfo(nodes, { localConfig: o.localConfig, logger });
  const { cfg } = info;
  nodes.setTimeoutMs(o.requestTimeoutMs ?? cfg.SECONDS_PER_SLOT * 1000);
  const protection = openSlashingProtection(o.datadir);
  protection.setGenesisValidatorsRoot(info.genesisValidatorsRoot);

  const signer = new ValidatorSigner(cfg, [], protection);
  const store = new ValidatorStore(signer, { logger, metrics });
  const doppelganger =
    (o.doppelgangerProtection ?? cfg.CONFIG_NAME === "btc20")
      ? new DoppelgangerService(nodes, store, { logger }, (pk, epoch) => protection.hasAttestation(pk, epoch))
      : null;
  const service = new ValidatorService({ nodes, info, store, metrics, logger, graffiti, doppelganger });
  const watch = () => (doppelganger ? { watchFromEpoch: service.clock.currentEpoch() } : null);
  for (const k of [...external, ...imported]) {
    if (!store.add(k, watch())) logger.warn({ pubkey: k.pubkeyHex }, "key given twice; using it once");
  }
  if (doppelganger && store.all().length > 0) {
    logger.info(
      { fromEpoch: service.clock.currentEpoch(), epochs: 2 },
      "doppelganger protection: watching the keys before signing",
    );
  }
  logger.info(
    { genesisTime: info.genesisTime, config: cfg.CONFIG_NAME, keys: store.all().length },
    "chain known; running duties",
  );
  service.start();

  let keymanager: FastifyInstance | null = null;
  let keymanagerUrl: string | null = null;
  const tokenFile = path.join(o.datadir, "api-token.txt");
  if (o.keymanager) {
    const token = ensureApiToken(tokenFile);
    keymanager = createKeymanagerServer(
      keymanagerBackend(store, managed, protection, () => watch(), logger),
      token,
    );
    keymanagerUrl = await keymanager.listen({
      host: o.keymanagerAddress ?? "127.0.0.1",
      port: o.keymanagerPort ?? 5062,
    });
    logger.info({ keymanagerUrl, tokenFile }, "Keymanager API listening");
    if (!["127.0.0.1", "::1", "localhost"].includes(o.keymanagerAddress ?? "127.0.0.1")) {
      logger.warn(
        { address: o.keymanagerAddress },
        "the Keymanager API listens beyond loopback: anyone who gets the token can import and delete keys",
      );
    }
  }
  let metricsServer: FastifyInstance | null = null;
  let metricsUrl: string | null = null;
  if (o.metricsPort !== undefined) {
    metricsServer = createMetricsServer(metrics.registry);
    metricsUrl = await metricsServer.listen({ host: o.metricsAddress ?? "127.0.0.1", port: o.metricsPort });
  }
  logger.info({ keymanagerUrl, metricsUrl }, "btc20-validator running");

  let stopped = false;
  return {
    info,
    store,
    service,
    metrics,
    doppelganger,
    keymanagerUrl,
    keymanagerTokenFile: tokenFile,
    metricsUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      service.stop();
      await keymanager?.close();
      await metricsServer?.close();
      protection.close();
    },
  };
}
