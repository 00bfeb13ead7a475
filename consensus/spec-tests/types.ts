// Contract between the spec-test runner (run.ts) and the runner modules in ./runners/<runner>.ts.
import type { BeaconConfig } from "../params/beaconConfig.js";

/** One test case folder: tests/<preset>/<fork>/<runner>/<handler>/<suite>/<case>/ (dir is its absolute path). */
export interface SpecCase {
  preset: string;
  fork: string;
  runner: string;
  handler: string;
  suite: string;
  /** Name of the case folder. */
  name: string;
  dir: string;
  cfg: BeaconConfig;
}

/** A runner module exports `runner: SpecRunner`; runCase throws (or rejects) when the case fails. */
export interface SpecRunner {
  runCase(c: SpecCase): void | Promise<void>;
}

/** Thrown by a runner to skip a case; counted as skipped and printed with its reason (goal: never used). */
export class SpecSkip extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "SpecSkip";
  }
}

/** A runner's assertion failure, with what was expected and what was found. */
export class SpecAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpecAssertionError";
  }
}
