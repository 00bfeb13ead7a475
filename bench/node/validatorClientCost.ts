// The validator client's cost per slot per 1,000 keys: a btc20-validator OS process holding BENCH_NODE_VC_KEYS keys
// (default 1,000) does every duty of its validators (they are the whole chain) through a btc20-node process's Beacon
// API, in the devnet config (3 s slots, 8 per epoch, committees of 4: every validator attests once an epoch and
// every attester is also its committee's aggregator). Measured over BENCH_NODE_VC_SLOTS slots after one warm-up
// epoch: the validator process's CPU time (user + system, from /proc) per slot, scaled to 1,000 keys, and the wall
// time of its duties (request to the node + signing + publication).
import { readFileSync } from "node:fs";
import { createDevnetConfig } from "../../consensus/node/config/devnetParams.js";
import { ProcessDevnet } from "../../scripts/devnet/processes/processDevnet.js";
import { benchGenesis } from "./benchGenesis.js";
import { benchKeys } from "./benchKeys.js";

const KEYS = Number(process.env.BENCH_NODE_VC_KEYS ?? 1000);
const SLOTS = Number(process.env.BENCH_NODE_VC_SLOTS ?? 16);

/** user + system CPU seconds of a process (Linux /proc/<pid>/stat, clock ticks at 100 Hz) */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function scrape(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

const sum = (text: string, name: string, filter = "") =>
  text
    .split("\n")
    .filter((l) => l.startsWith(name) && l.includes(filter))
    .reduce((s, l) => s + Number(l.split(" ").at(-1)), 0);

export interface ValidatorClientCost {
  keys: number;
  slots: number;
  cpuMsPerSlot: number;
  cpuMsPerSlotPer1000Keys: number;
  attestationsPerSlot: number;
  aggregatesPerSlot: number;
  proposals: number;
  meanAttestationDutyMs: number;
  meanAggregateDutyMs: number;
  missed: number;
}

export async function validatorClientCost(log: (line: string) => void): Promise<ValidatorClientCost> {
  const cfg = createDevnetConfig();
  const keys = benchKeys(KEYS);
  const state = benchGenesis(cfg, keys);
  // time to write and load the keystores, start the processes
  state.genesisTime = Math.floor(Date.now() / 1000) + 30 + Math.ceil(KEYS / 100);
  const devnet = await ProcessDevnet.start({
    nodes: 1,
    validators: KEYS,
    validatorClients: 1,
    shares: [0, KEYS],
    genesis: { state, keys },
    print: log,
    liveView: false,
  });
  try {
    const vc = devnet.validators[0]!;
    const pid = vc.process.pid!;
    const metricsUrl = vc.metricsUrl;
    if (!metricsUrl) throw new Error("the devnet's btc20-validator has no --metrics.port");
    const spe = cfg.SLOTS_PER_EPOCH;
    // one epoch of warm-up: duties fetched, indices resolved, the JIT warm
    await devnet.untilSlot(spe + 1, 0);
    const m0 = await scrape(metricsUrl);
    const c0 = cpuSeconds(pid);
    await devnet.untilSlot(spe + 1 + SLOTS, 0);
    const c1 = cpuSeconds(pid);
    const m1 = await scrape(metricsUrl);
    const d = (name: string, filter = "") => sum(m1, name, filter) - sum(m0, name, filter);
    const cpuMsPerSlot = ((c1 - c0) * 1000) / SLOTS;
    return {
      keys: KEYS,
      slots: SLOTS,
      cpuMsPerSlot,
      cpuMsPerSlotPer1000Keys: (cpuMsPerSlot * 1000) / KEYS,
      attestationsPerSlot: d("validator_duties_performed_total", 'duty="attestation"') / SLOTS,
      aggregatesPerSlot: d("validator_duties_performed_total", 'duty="aggregate"') / SLOTS,
      proposals: d("validator_duties_performed_total", 'duty="proposal"'),
      meanAttestationDutyMs:
        (1000 * d("validator_duty_seconds_sum", 'duty="attestation"')) /
        Math.max(1, d("validator_duty_seconds_count", 'duty="attestation"')),
      meanAggregateDutyMs:
        (1000 * d("validator_duty_seconds_sum", 'duty="aggregate"')) /
        Math.max(1, d("validator_duty_seconds_count", 'duty="aggregate"')),
      missed: d("validator_duties_missed_total"),
    };
  } finally {
    await devnet.stop();
  }
}
