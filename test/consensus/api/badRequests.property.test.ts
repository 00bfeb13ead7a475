// Whatever a client puts in the path or query, the API answers 200, 400 or 404 with a {code, message} body on
// errors, and never 500 or a crash.
import { expect } from "chai";
import fc from "fast-check";
import { createBeaconApi } from "../../../consensus/api/server.js";
import { FixtureChainView, makeState, validator } from "./apiFixture.js";

describe("consensus/api never crashes on bad input (property)", () => {
  const view = new FixtureChainView(makeState(35, [validator(0), validator(1)]), makeState(0, [validator(0)]));
  const app = createBeaconApi(view);
  after(() => app.close());

  const segment = fc.oneof(
    fc.constantFrom("head", "genesis", "finalized", "justified", "0", "35", "-1", "0x", `0x${"09".repeat(32)}`),
    fc.string({ maxLength: 20 }),
    fc.stringMatching(/^0x[0-9a-fA-F]{0,100}$/),
    fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  );
  const paths = [
    (s: string, v: string) => `/eth/v1/beacon/states/${s}/validators?id=${v}&status=${v}`,
    (s: string, v: string) => `/eth/v1/beacon/states/${s}/validators/${v}`,
    (s: string, v: string) => `/eth/v1/beacon/states/${s}/validator_balances?id=${v}`,
    (s: string) => `/eth/v1/beacon/states/${s}/finality_checkpoints`,
    (_s: string, v: string) => `/eth/v1/events?topics=${v}`,
    (_s: string, v: string) => `/btc20/v1/activation_queue?pubkey=${v}`,
  ];

  it("answers 200/400/404 for random state ids, validator ids, statuses, topics and pubkeys", async () => {
    await fc.assert(
      fc.asyncProperty(segment, segment, fc.integer({ min: 0, max: paths.length - 1 }), async (s, v, p) => {
        const url = paths[p]!(encodeURIComponent(s), encodeURIComponent(v));
        if (url.startsWith("/eth/v1/events") && v === "head") return; // a valid stream stays open: not this test
        const res = await app.inject({ method: "GET", url });
        expect([200, 400, 404], `${url} -> ${res.statusCode} ${res.body}`).to.include(res.statusCode);
        if (res.statusCode !== 200) {
          const body = res.json();
          expect(body.code).to.equal(res.statusCode);
          expect(body.message).to.be.a("string").and.not.equal("");
        }
      }),
      { numRuns: 400 },
    );
  });
});
