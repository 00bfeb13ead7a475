// A discrete-event scheduler: the node's duties and the simulated network's deliveries are events at a time (unix
// seconds, fractional allowed). In "virtual" mode time jumps from event to event, so a devnet scenario runs as fast
// as the CPU allows and is deterministic; in "realtime" mode it waits for the wall clock before each event.

export type SchedulerMode = "virtual" | "realtime";

interface Task {
  time: number;
  seq: number;
  run: () => void | Promise<void>;
}

export class Scheduler {
  private readonly queue: Task[] = [];
  private seq = 0;
  private current: number;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    readonly mode: SchedulerMode,
    startTime: number = Date.now() / 1000,
  ) {
    this.current = startTime;
  }

  /** current time in unix seconds */
  now(): number {
    return this.mode === "virtual" ? this.current : Math.max(this.current, Date.now() / 1000);
  }

  /** runs `run` at `time` (or at once if in the past); events at the same time run in scheduling order */
  at(time: number, run: () => void | Promise<void>): void {
    const task = { time: Math.max(time, this.current), seq: this.seq++, run };
    // binary insertion keeps the queue sorted by (time, seq)
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = this.queue[mid]!;
      if (q.time < task.time || (q.time === task.time && q.seq < task.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, task);
    this.wake?.();
  }

  after(delaySeconds: number, run: () => void | Promise<void>): void {
    this.at(this.now() + delaySeconds, run);
  }

  /** Runs events in time order until `endTime` (inclusive) or stop(); returns the time reached. */
  async runUntil(endTime: number): Promise<number> {
    this.stopped = false;
    while (!this.stopped) {
      const next = this.queue[0];
      const due = next && next.time <= endTime ? next : null;
      if (this.mode === "realtime") {
        // wait for the wall clock; an event scheduled meanwhile or stop() wakes the wait early
        const waitMs = (due ? due.time : endTime) * 1000 - Date.now();
        if (waitMs > 0) {
          await this.sleep(waitMs);
          continue;
        }
      }
      if (!due) {
        this.current = Math.max(this.current, endTime);
        break;
      }
      this.queue.shift();
      this.current = Math.max(this.current, due.time);
      await due.run();
    }
    return this.current;
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  get pending(): number {
    return this.queue.length;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }
}
