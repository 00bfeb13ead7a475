// The project's side of `npm run bench:engine -- --vs lodestar` (a child process of vsLodestar/compare.ts):
//   oursChild.ts build <N> <dir>   builds the benchmark pre-state, writes pre-<N>.ssz and meta-<N>.json
//   oursChild.ts serve <dir> <N>   prints READY, then answers each stdin line (run | end) with `RESULT {json}`
//   oursChild.ts block <dir> <N>   a full block through stateTransition (./fullBlock.ts), one `RESULT {json}` line
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { createBeaconConfig } from "../../../consensus/params/beaconConfig.js";
import { specV100Mainnet } from "../../../consensus/params/presets/specV100.js";
import { getBeaconCommittee } from "../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getSeed } from "../../../consensus/state-transition/accessors/getSeed.js";
import { cloneBeaconState } from "../../../consensus/state-transition/caches/cloneBeaconState.js";
import {
  forgetShuffling,
  getEpochShuffling,
  prepareEpochShuffling,
  setActiveIndicesHints,
} from "../../../consensus/state-transition/caches/epochShuffling.js";
import { hashBeaconState } from "../../../consensus/state-transition/caches/stateRoot.js";
import { processEpoch } from "../../../consensus/state-transition/epoch/processEpoch.js";
import { isActiveValidator } from "../../../consensus/state-transition/predicates/isActiveValidator.js";
import { processSlot } from "../../../consensus/state-transition/slot/processSlot.js";
import { processSlots } from "../../../consensus/state-transition/slot/processSlots.js";
import { activeHasher } from "../../../consensus/types/index.js";
import { buildState } from "../buildState.js";
import { measureFullBlock } from "./fullBlock.js";

/** The epoch E whose last slot the pre-state is at: E+1 is neither an eth1-voting nor a historical-roots boundary,
 * and E is past SHARD_COMMITTEE_PERIOD, so the full block's voluntary exits are valid. */
export const BENCH_EPOCH = 300;

/** Repetitions of the sub-millisecond measurements per run. */
export const REPS = 21;

const cfg = createBeaconConfig(specV100Mainnet); // consensus-specs v1.0.0 configs/mainnet/phase0.yaml
const { BeaconState } = cfg.types;
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
const now = () => performance.now();
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** A forced collection, then a pause so that its concurrent sweeping does not overlap the timed work (same in
 * lodestarChild.mjs; SETTLE_MS env, default 1,000; 0 = no pause). */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);
const settle = async () => {
  gc();
  if (SETTLE_MS > 0) await sleep(SETTLE_MS);
};

function build(n: number, dir: string): void {
  const t0 = now();
  const state = buildState(cfg, n, BENCH_EPOCH);
  const bytes = BeaconState.serialize(state);
  const preRoot = hex(BeaconState.hashTreeRoot(state));
  writeFileSync(path.join(dir, `pre-${n}.ssz`), bytes);
  const params = Object.fromEntries(
    Object.entries(specV100Mainnet).map(([k, v]) => [k, v instanceof Uint8Array ? hex(v) : v]),
  );
  const meta = { validators: n, epoch: BENCH_EPOCH, slot: state.slot, preRoot, bytes: bytes.length, params };
  writeFileSync(path.join(dir, `meta-${n}.json`), `${JSON.stringify(meta)}\n`);
  console.log(`built N=${n}: slot ${state.slot}, ${bytes.length} SSZ bytes, root ${preRoot}, ${(now() - t0) / 1000} s`);
}

async function serve(dir: string, n: number): Promise<void> {
  const bytes = readFileSync(path.join(dir, `pre-${n}.ssz`));
  const meta = JSON.parse(readFileSync(path.join(dir, `meta-${n}.json`), "utf8"));
  // The pre-state as a node holds an imported block's post-state: hashed once (its root caches built).
  const pre = BeaconState.deserialize(bytes);
  const root = hex(hashBeaconState(cfg, pre));
  if (root !== meta.preRoot) throw new Error(`pre-state root ${root} != ${meta.preRoot}`);
  // ... with the committees of its previous, current and next epoch known, as Lodestar's pre-state has them in its
  // epoch cache (createCachedBeaconState computes the three shufflings) and as a node has them from the blocks it
  // checked: per epoch, each engine then computes one new shuffling (E+2)
  for (const e of [BENCH_EPOCH - 1, BENCH_EPOCH, BENCH_EPOCH + 1])
    getBeaconCommittee(cfg, pre, e * cfg.SLOTS_PER_EPOCH, 0);
  // ... and with the active set of E+2, which a node's state has from its transition into E (that epoch processing
  // records the active sets of the next two shufflings, fixed by then: processEpochFast), for the shuffling of E+2
  const active = pre.validators.flatMap((v, i) => (isActiveValidator(v, BENCH_EPOCH + 2) ? [i] : []));
  setActiveIndicesHints(pre, new Map([[BENCH_EPOCH + 2, Uint32Array.from(active)]]));
  let checkFull = true;

  /** Median of `reps` timings of `fn` (the sub-millisecond rows: one timing would be at the mercy of a GC step). */
  const medianOf = (reps: number, fn: () => number) => {
    const xs = Array.from({ length: reps }, fn).sort((x, y) => x - y);
    return xs[xs.length >> 1];
  };

  const run = async () => {
    // The copy, and process_slot of the last slot of E (its state root) on a fresh copy: medians of REPS.
    await settle();
    const copyMs = medianOf(REPS, () => {
      const t0 = now();
      cloneBeaconState(cfg, pre);
      return now() - t0;
    });
    const emptySlotMs = medianOf(REPS, () => {
      const c = cloneBeaconState(cfg, pre);
      const t0 = now();
      processSlot(cfg, c);
      return now() - t0;
    });
    // Step by step on one copy: process_slot, process_epoch, root.
    const a = cloneBeaconState(cfg, pre);
    processSlot(cfg, a);
    await settle();
    let t = now();
    processEpoch(cfg, a);
    a.slot += 1;
    const processEpochMs = now() - t;
    const splitRoot = hex(hashBeaconState(cfg, a));
    // What a node pays per epoch on another copy: copy + processSlots over the boundary + post-state root + the
    // committees of the next epoch (E+2) ready. The shuffling of E+2 is dropped from the process-wide cache first:
    // every run computes it, as a node does once per epoch. As the node's chain does when its head reaches the last
    // slot of an epoch, the run starts that shuffling off the main thread first (prepareEpochShuffling), and the
    // committees count as ready when it is done and getEpochShuffling has it (wall time).
    const nextEpoch = BENCH_EPOCH + 2;
    forgetShuffling(cfg, getSeed(cfg, pre, nextEpoch, cfg.DOMAIN_BEACON_ATTESTER)); // the post-state's seed too
    await settle();
    const t0 = now();
    const b = cloneBeaconState(cfg, pre);
    t = now();
    const nextShuffling = prepareEpochShuffling(cfg, b, nextEpoch);
    const prepareMs = now() - t;
    t = now();
    processSlots(cfg, b, meta.slot + 1);
    const processSlotsMs = now() - t;
    t = now();
    const postRoot = hex(hashBeaconState(cfg, b));
    const postRootMs = now() - t;
    t = now();
    await nextShuffling;
    getEpochShuffling(cfg, b, nextEpoch);
    const shufflingMs = prepareMs + (now() - t);
    const epochMs = now() - t0;
    let fullRoot: string | undefined;
    if (checkFull) fullRoot = hex(BeaconState.hashTreeRoot(b)); // from the value, not the caches
    checkFull = false;
    // The pre-state is unchanged by both copies' transitions
    const preAfter = hex(hashBeaconState(cfg, pre));
    return {
      copyMs,
      emptySlotMs,
      processEpochMs,
      processSlotsMs,
      postRootMs,
      shufflingMs,
      epochMs,
      postRoot,
      roots: [splitRoot, postRoot, ...(fullRoot ? [fullRoot] : [])],
      preUnchanged: preAfter === meta.preRoot,
    };
  };

  const answer = (x: unknown) => console.log(`RESULT ${JSON.stringify(x)}`);
  console.log("READY");
  for await (const line of createInterface({ input: process.stdin })) {
    const command = line.trim();
    if (command === "run") answer(await run());
    else if (command === "end") {
      answer({
        engine: "ours",
        hasher: activeHasher,
        node: process.version,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
      });
      break;
    } else throw new Error(`unknown command ${command}`);
  }
}

const [, , cmd, ...args] = process.argv;
if (cmd === "build") build(Number(args[0]), path.resolve(args[1]));
else if (cmd === "serve") {
  await serve(path.resolve(args[0]), Number(args[1]));
  process.exit(0);
} else if (cmd === "block") {
  const pre = BeaconState.deserialize(readFileSync(path.join(path.resolve(args[0]), `pre-${args[1]}.ssz`)));
  console.log(`RESULT ${JSON.stringify(measureFullBlock(cfg, pre))}`);
  process.exit(0);
} else {
  console.error("usage: oursChild.ts build <N> <dir> | serve <dir> <N> | block <dir> <N>");
  process.exit(2);
}
