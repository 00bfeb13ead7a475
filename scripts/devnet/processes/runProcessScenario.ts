// Runs one process scenario: the devnet config (optionally with shorter epochs), the process devnet with the
// scenario's nodes, the scenario, then every process stopped. On failure the logs are kept and their tails printed.
import { createDevnetConfig, describeOverrides } from "../devnetParams.js";
import { validatorClientExists } from "./devnetValidator.js";
import { ProcessDevnet } from "./processDevnet.js";
import type { ProcessScenario } from "./scenarios/types.js";

export interface RunProcessScenarioOptions {
  scenario: ProcessScenario;
  nodes: number;
  validators: number;
  /** node 0's Beacon API port (default: a free port) */
  restPort0?: number;
  /** btc20-validator processes (default: the scenario's, when btc20-validator exists) */
  validatorClients?: number;
  /** the network scenario's length; Infinity: until interrupted */
  epochs?: number;
  /** default: the devnet's (8); fewer make a shorter run (tests) */
  slotsPerEpoch?: number;
  print: (line: string) => void;
  liveView?: boolean;
  keepDir?: boolean;
  /** the devnet once started (Ctrl-C handling) */
  onDevnet?: (devnet: ProcessDevnet) => void;
}

export interface ProcessScenarioResult {
  ok: boolean;
  reason: string | null;
  wallMs: number;
}

export async function runProcessScenario(o: RunProcessScenarioOptions): Promise<ProcessScenarioResult> {
  const t0 = performance.now();
  const base = createDevnetConfig();
  const custom = o.slotsPerEpoch !== undefined && o.slotsPerEpoch !== base.SLOTS_PER_EPOCH;
  const cfg = custom ? createDevnetConfig({ SLOTS_PER_EPOCH: o.slotsPerEpoch }) : base;
  const print = o.print;
  print(`BTC20 devnet over OS processes: scenario "${o.scenario.name}": ${o.scenario.expectation}`);
  print("devnet configuration (values that differ from btc20, and why):");
  for (const line of describeOverrides(cfg)) print(`  ${line}`);
  if (custom) print(`  SLOTS_PER_EPOCH: ${base.SLOTS_PER_EPOCH} -> ${cfg.SLOTS_PER_EPOCH}  (--slots-per-epoch)`);
  const devnet = await ProcessDevnet.start({
    nodes: o.nodes,
    validators: o.validators,
    restPort0: o.restPort0,
    validatorClients: o.validatorClients ?? (validatorClientExists() ? (o.scenario.defaultValidatorClients ?? 0) : 0),
    cfg: custom ? cfg : undefined,
    print,
    liveView: o.liveView,
    keepDir: o.keepDir,
  });
  o.onDevnet?.(devnet);
  let reason: string | null;
  try {
    reason = await o.scenario.run(devnet, { epochs: o.epochs, log: print });
  } catch (e) {
    reason = `scenario error: ${(e as Error).message}`;
  }
  if (reason !== null) {
    devnet.keepDir = true;
    for (const node of devnet.nodes) {
      print(`--- last lines of ${node.name} (${node.logFile})`);
      for (const line of node.process.lastLines(8)) print(`  ${line.slice(0, 400)}`);
    }
  }
  await devnet.stop();
  return { ok: reason === null, reason, wallMs: performance.now() - t0 };
}
