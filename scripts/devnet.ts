// npm run devnet [-- --scenario healthy|leak|slashing|multinode --epochs N --validators N --rest.port P --fast]
// npm run devnet -- --scenario network|partition|late-joiner|checkpoint-sync|crash [--nodes N] [--slots-per-epoch N]
// Starts a complete local BTC20 network and shows proof of stake working; exits 0 only if the scenario's
// expectation held (non-zero with the reason otherwise). The first scenarios run every node in this process on a
// simulated network; the second kind runs btc20-node OS processes that talk libp2p over 127.0.0.1. Without --epochs it runs the scenario's default length
// (healthy: 10 epochs, about 4 minutes at 3 s slots); --epochs 0 runs until Ctrl-C.
import { Command, InvalidArgumentError } from "commander";
import type { Scheduler } from "../consensus/node/clock/scheduler.js";

// node:sqlite (follower and slashing-protection databases) is flagged experimental on Node 22: keep that one notice
// out of the live view, print every other warning. Installed before the modules that load node:sqlite.
process.removeAllListeners("warning");
process.on("warning", (w) => {
  if (w.name !== "ExperimentalWarning") console.error(w);
});
const { runDevnet } = await import("./devnet/devnetRun.js");
const { SCENARIOS } = await import("./devnet/scenarios/index.js");
const { PROCESS_SCENARIOS } = await import("./devnet/processes/scenarios/index.js");
const { runProcessScenario } = await import("./devnet/processes/runProcessScenario.js");
const { installChildCleanup } = await import("./devnet/processes/serviceProcess.js");

// The main job: node processes over libp2p and a btc20-validator process.
const DEFAULT_SCENARIO = "network";

const int = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
  return n;
};

const program = new Command("devnet")
  .description("Run a complete local BTC20 network: eth1 chain + deposit contract, deposits, genesis, node(s), API")
  .option(
    "--scenario <name>",
    `one of ${[...Object.keys(SCENARIOS), ...Object.keys(PROCESS_SCENARIOS)].join(", ")}`,
    DEFAULT_SCENARIO,
  )
  .option("--epochs <n>", "epochs to run (default: the scenario's; 0 = until Ctrl-C)", int("--epochs", 0))
  .option("--validators <n>", "genesis validators (default: the scenario's, 16)", int("--validators", 1))
  .option(
    "--rest.port <port>",
    "Beacon API port on 127.0.0.1 (node 0's in the process scenarios)",
    int("--rest.port", 0),
    5052,
  )
  .option("--deposits <n>", "validators deposited while running (healthy scenario)", int("--deposits", 0), 6)
  .option("--fast", "virtual time: run the slots as fast as the CPU allows instead of every 3 s", false)
  .option("--nodes <n>", "btc20-node processes (network scenario; default 2)", int("--nodes", 1))
  .option(
    "--validator-clients <n>",
    "btc20-validator processes (network scenario; default 1 when btc20-validator exists)",
    int("--validator-clients", 0),
  )
  .option(
    "--slots-per-epoch <n>",
    "process scenarios: shorter epochs than the devnet's 8 (shorter runs)",
    int("--slots-per-epoch", 1),
  )
  .option("--keep", "process scenarios: keep the logs and data dirs (kept anyway when the expectation fails)", false)
  .addHelpText(
    "after",
    `\nScenarios:\n${Object.values(SCENARIOS)
      .map((s) => `  ${s.name.padEnd(15)} ${s.expectation} (default ${s.defaultEpochs} epochs)`)
      .join("\n")}\n\nScenarios over btc20-node OS processes (libp2p on 127.0.0.1):\n${Object.values(PROCESS_SCENARIOS)
      .map((s) => `  ${s.name.padEnd(15)} ${s.expectation} (${s.defaultNodes} nodes, about ${s.epochs} epochs)`)
      .join("\n")}`,
  );
program.parse();
const opts = program.opts<{
  scenario: string;
  epochs?: number;
  validators?: number;
  "rest.port": number;
  deposits: number;
  fast: boolean;
  nodes?: number;
  validatorClients?: number;
  slotsPerEpoch?: number;
  keep: boolean;
}>();

const processScenario = PROCESS_SCENARIOS[opts.scenario];
if (processScenario) {
  installChildCleanup(false);
  let devnet: { interrupt(): void } | null = null;
  let interrupts = 0;
  process.on("SIGINT", () => {
    if (++interrupts > 1) process.exit(130); // the exit hook kills every child
    console.log("\nstopping (Ctrl-C): checking the expectation now, then stopping every process…");
    devnet?.interrupt();
  });
  if (processScenario.fixedNodes && opts.nodes !== undefined && opts.nodes !== processScenario.defaultNodes) {
    console.error(
      `--scenario ${processScenario.name} runs ${processScenario.defaultNodes} nodes; --nodes does not apply`,
    );
    process.exit(2);
  }
  try {
    const result = await runProcessScenario({
      scenario: processScenario,
      nodes: opts.nodes ?? processScenario.defaultNodes,
      validators: opts.validators ?? processScenario.defaultValidators,
      validatorClients: opts.validatorClients,
      restPort0: opts["rest.port"],
      epochs: opts.epochs === undefined ? undefined : opts.epochs === 0 ? Infinity : opts.epochs,
      slotsPerEpoch: opts.slotsPerEpoch,
      keepDir: opts.keep,
      print: (line) => console.log(line),
      onDevnet: (d) => {
        devnet = d;
      },
    });
    if (result.ok) {
      console.log(`\nOK: ${processScenario.expectation} (${(result.wallMs / 1000).toFixed(0)} s)`);
      process.exit(0);
    }
    console.error(`\nFAILED: ${result.reason}`);
    process.exit(1);
  } catch (e) {
    console.error(`\ndevnet error: ${(e as Error).message}`);
    process.exit(3);
  }
}

const scenario = SCENARIOS[opts.scenario];
if (!scenario) {
  console.error(`unknown --scenario ${opts.scenario}; expected one of ${Object.keys(SCENARIOS).join(", ")}`);
  process.exit(2);
}
const epochs = opts.epochs === undefined ? scenario.defaultEpochs : opts.epochs === 0 ? Infinity : opts.epochs;
if (Number.isFinite(epochs) && epochs < scenario.minEpochs) {
  console.error(
    `warning: --epochs ${epochs} is shorter than the ${scenario.minEpochs} epochs the "${scenario.name}" expectation needs`,
  );
}
let scheduler: Scheduler | null = null;
process.on("SIGINT", () => {
  console.log("\nstopping (Ctrl-C)…");
  scheduler?.stop();
});

try {
  const result = await runDevnet({
    scenario: scenario.name,
    epochs,
    validators: opts.validators ?? scenario.defaultValidators,
    restPort: opts["rest.port"],
    mode: opts.fast ? "virtual" : "realtime",
    extraDeposits: scenario.name === "healthy" ? opts.deposits : 0,
    depositEpoch: 1,
    print: (line) => console.log(line),
    onScheduler: (s) => {
      scheduler = s;
    },
  });
  if (result.ok) {
    console.log(`\nOK: ${scenario.expectation}`);
    process.exit(0);
  }
  console.error(`\nFAILED: ${result.reason}`);
  process.exit(1);
} catch (e) {
  console.error(`\ndevnet error: ${(e as Error).message}`);
  process.exit(3);
}
