import { checkpointSync } from "./checkpointSync.js";
import { crash } from "./crash.js";
import { exit } from "./exit.js";
import { lateJoiner } from "./lateJoiner.js";
import { network } from "./network.js";
import { partition } from "./partition.js";
import type { ProcessScenario } from "./types.js";

/** Scenarios over btc20-node OS processes (the in-process ones are in ../../scenarios). */
export const PROCESS_SCENARIOS: Record<string, ProcessScenario> = {
  network,
  partition,
  "late-joiner": lateJoiner,
  "checkpoint-sync": checkpointSync,
  crash,
  exit,
};
export type { ProcessScenario } from "./types.js";
