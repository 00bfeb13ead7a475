// The measurements of one benchmark size (run in a child process of bench/engine.ts).
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createBeaconConfig } from "../../consensus/params/beaconConfig.js";
import { btc20 } from "../../consensus/params/presets/btc20.js";
import { getBeaconCommittee } from "../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { hashBeaconState } from "../../consensus/state-transition/caches/stateRoot.js";
import { processEpoch } from "../../consensus/state-transition/epoch/processEpoch.js";
import { buildState, fullParticipation, rootOfSlot } from "./buildState.js";
import { measureBlock, prepareBlock } from "./measureBlock.js";

export interface EngineMeasurement {
  validators: number;
  cpus: string;
  /** 1-minute load average at the end (the machine is shared: a high value means noisy timings). */
  loadAverage: number;
  buildMs: number;
  /** Committees of a not-yet-seen epoch: one whole-list shuffle (not part of process_epoch, a node does it per epoch). */
  shufflingMs: number;
  /** Median of the processEpoch runs. */
  processEpochMs: number;
  processEpochRunsMs: number[];
  /** hash_tree_root of the plain state value through its SSZ type, from scratch. */
  stateRootFullMs: number;
  /** First hashBeaconState of a state: builds its tree-backed mirror (ViewDU) and hashes it. */
  treeBuildMs: number;
  /** hashBeaconState after processing one full-attestation block: only changed leaves are rehashed. */
  stateRootSlotMs: number;
  /** hashBeaconState after an epoch transition (every balance changed). */
  stateRootEpochMs: number;
  /** One block with a full set of attestations (MAX_ATTESTATIONS aggregates), signatures verified. */
  blockMs: number;
  /** The same block without signature verification. */
  blockNoSignaturesMs: number;
  blockAttestations: number;
  blockAttesters: number;
  peakRssMiB: number;
}

const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function measureEngine(validatorCount: number): EngineMeasurement {
  const cfg = createBeaconConfig(btc20);
  const BeaconState = cfg.types.BeaconState;
  const epoch = 100;
  const [state, buildMs] = time(() => buildState(cfg, validatorCount, epoch));

  const [, stateRootFullMs] = time(() => BeaconState.hashTreeRoot(state));
  const [, shufflingMs] = time(() => getBeaconCommittee(cfg, state, (epoch + 1) * cfg.SLOTS_PER_EPOCH, 0));

  // Successive epoch transitions: after each, advance one epoch and fill in the new epoch's attestations.
  const advance = () => {
    state.slot += cfg.SLOTS_PER_EPOCH;
    const currentEpoch = Math.floor(state.slot / cfg.SLOTS_PER_EPOCH);
    for (let s = state.slot - cfg.SLOTS_PER_EPOCH + 1; s <= state.slot; s++) {
      state.blockRoots[s % cfg.SLOTS_PER_HISTORICAL_ROOT] = rootOfSlot(s);
    }
    state.currentEpochAttestations = fullParticipation(cfg, state, currentEpoch);
  };
  const runs: number[] = [];
  for (let r = 0; r < 4; r++) {
    if (r > 0) advance();
    runs.push(time(() => processEpoch(cfg, state))[1]);
  }
  advance();

  // The engine's incremental state root: a tree-backed mirror of the value, synced and rehashed where changed.
  const prepared = prepareBlock(cfg, state);
  const [, treeBuildMs] = time(() => hashBeaconState(cfg, state));
  const block = measureBlock(cfg, state, prepared);
  const [, stateRootSlotMs] = time(() => hashBeaconState(cfg, state));
  runs.push(time(() => processEpoch(cfg, state))[1]);
  const [incremental, stateRootEpochMs] = time(() => hashBeaconState(cfg, state));
  if (!Buffer.from(incremental).equals(Buffer.from(BeaconState.hashTreeRoot(state)))) {
    throw new Error("incremental state root differs from hash_tree_root of the value");
  }

  return {
    validators: validatorCount,
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? "?"}`,
    loadAverage: loadavg()[0],
    buildMs,
    shufflingMs,
    processEpochMs: median(runs),
    processEpochRunsMs: runs,
    stateRootFullMs,
    treeBuildMs,
    stateRootSlotMs,
    stateRootEpochMs,
    blockMs: block.blockMs,
    blockNoSignaturesMs: block.blockNoSignaturesMs,
    blockAttestations: block.attestations,
    blockAttesters: block.attesters,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}
