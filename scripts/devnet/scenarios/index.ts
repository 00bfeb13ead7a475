import { healthy } from "./healthy.js";
import { leak } from "./leak.js";
import { multinode } from "./multinode.js";
import { slashing } from "./slashing.js";
import type { Scenario } from "./types.js";

export const SCENARIOS: Record<string, Scenario> = { healthy, leak, slashing, multinode };
export type { Scenario } from "./types.js";
