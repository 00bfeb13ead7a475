// ValidatorClock: one call per slot, in order, even when timers fire early (a fake clock that lags the timers).
import { expect } from "chai";
import { ValidatorClock } from "../../../consensus/validator-client/clock.js";

describe("consensus/validator-client ValidatorClock", () => {
  it("calls every slot once, in order, although timers fire before the clock reaches the slot", async () => {
    const t0 = Date.now() / 1000;
    // the clock reads 5 ms behind the timers: each timer fires "early" by the clock's reading
    const clock = new ValidatorClock(t0, 0.05, 4, () => Date.now() / 1000 - 0.005);
    const slots: number[] = [];
    clock.start((s) => slots.push(s));
    await new Promise((r) => setTimeout(r, 420));
    clock.stop();
    expect(slots.length).to.be.at.least(5);
    expect(slots).to.deep.equal(Array.from({ length: slots.length }, (_, i) => slots[0]! + i));
    expect(clock.epochOf(9)).to.equal(2);
  });
});
