import type { ProcessDevnet } from "../processDevnet.js";

export interface ProcessScenarioOptions {
  /** epochs to run where the scenario has a length (network); others run their own timeline */
  epochs?: number;
  log: (line: string) => void;
}

/** A scenario over btc20-node OS processes: `run` drives the started devnet and returns null iff the expectation held. */
export interface ProcessScenario {
  name: string;
  /** one line: what it shows and what it expects */
  expectation: string;
  /** nodes started at genesis (fixed for every scenario but `network`) */
  defaultNodes: number;
  fixedNodes: boolean;
  defaultValidators: number;
  /** btc20-validator processes by default (when the checkout has btc20-validator) */
  defaultValidatorClients?: number;
  /** roughly how long it runs, in epochs after genesis (for --help and the test budget) */
  epochs: number;
  run(devnet: ProcessDevnet, o: ProcessScenarioOptions): Promise<string | null>;
}
