import type { SimNetworkOptions } from "../../../consensus/node/network/simNetwork.js";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../../consensus/types/index.js";
import type { Misbehaviour } from "../../../consensus/validator/validatorClient.js";
import type { DevnetNodes } from "../simulation.js";

/** What the runner records at each epoch boundary (from node 0's head state). */
export interface EpochRecord {
  epoch: number;
  headSlot: number;
  finalizedEpoch: number;
  justifiedEpoch: number;
  /** previous epoch's target participation, 0..1 */
  participation: number;
  balances: number[];
  statuses: Record<string, number>;
}

export interface ScenarioContext {
  cfg: BeaconConfig;
  genesis: BeaconState;
  devnet: DevnetNodes;
  records: EpochRecord[];
  log: (line: string) => void;
}

export interface ScenarioLayout {
  /** keys per node */
  shares: number[];
  /** nodes whose validator client stays offline */
  offlineNodes?: number[];
  network?: SimNetworkOptions;
  misbehaviour?: Misbehaviour;
}

export interface Scenario {
  name: string;
  /** one line: what the scenario shows and what it expects */
  expectation: string;
  defaultEpochs: number;
  defaultValidators: number;
  /** the smallest --epochs for which the expectation can hold */
  minEpochs: number;
  layout(validators: number, cfg: BeaconConfig, genesis: BeaconState): ScenarioLayout;
  /** called at the start of every epoch (partitions, deposits, ...) */
  onEpoch?(ctx: ScenarioContext, epoch: number): void | Promise<void>;
  /** a line for the live view at each epoch boundary: what this scenario is about, as it happens */
  epochNote?(ctx: ScenarioContext, record: EpochRecord): string | null;
  /** null when the expectation held; otherwise the reason it did not */
  check(ctx: ScenarioContext): string | null;
}
