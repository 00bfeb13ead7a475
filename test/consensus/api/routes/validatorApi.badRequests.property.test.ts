// Whatever a client sends to the validator endpoints (path, query, JSON body), a real node answers 200/202/400/404
// (414 for a path parameter over Fastify's length limit) with the spec's {code, message} error body, never 500.
import { expect } from "chai";
import fc from "fast-check";
import { ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api validator endpoints never 500 (property)", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    await f.runTo(2 * f.cfg.SLOTS_PER_EPOCH + 1, 1);
  });
  after(() => f.close());

  const text = fc.oneof(
    fc.constantFrom(
      "0",
      "1",
      "17",
      "18446744073709551615",
      "-1",
      "0x",
      `0x${"00".repeat(32)}`,
      `0x${"c0"}${"00".repeat(95)}`,
    ),
    fc.string({ maxLength: 12 }),
    fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  );
  const json = fc.jsonValue({ maxDepth: 3 });
  const routes: ((a: string, b: string) => [string, string])[] = [
    (a) => ["GET", `/eth/v1/validator/duties/proposer/${a}`],
    (a) => ["POST", `/eth/v1/validator/duties/attester/${a}`],
    (a, b) => ["GET", `/eth/v1/validator/attestation_data?slot=${a}&committee_index=${b}`],
    (a, b) => ["GET", `/eth/v1/validator/aggregate_attestation?attestation_data_root=${a}&slot=${b}`],
    (a, b) => ["GET", `/eth/v3/validator/blocks/${a}?randao_reveal=${b}&graffiti=${a}`],
    (a, b) => ["GET", `/eth/v2/validator/blocks/${a}?randao_reveal=${b}`],
    (a, b) => ["GET", `/eth/v1/beacon/states/${a}/committees?epoch=${b}`],
    (a) => ["GET", `/eth/v1/beacon/states/${a}/fork`],
    (a) => ["POST", `/eth/v1/beacon/states/${a}/validators`],
    () => ["POST", "/eth/v1/beacon/pool/attestations"],
    () => ["POST", "/eth/v1/validator/aggregate_and_proofs"],
    () => ["POST", "/eth/v1/validator/beacon_committee_subscriptions"],
    () => ["POST", "/eth/v1/beacon/pool/voluntary_exits"],
    () => ["POST", "/eth/v1/beacon/pool/proposer_slashings"],
    () => ["POST", "/eth/v1/beacon/pool/attester_slashings"],
    () => ["POST", "/eth/v1/beacon/blocks"],
    (a) => ["POST", `/eth/v2/beacon/blocks?broadcast_validation=${a}`],
  ];

  it("answers 200/202/400/404/414 with {code, message} for random params and bodies", async () => {
    await fc.assert(
      fc.asyncProperty(text, text, json, fc.integer({ min: 0, max: routes.length - 1 }), async (a, b, body, r) => {
        const [method, url] = routes[r]!(encodeURIComponent(a), encodeURIComponent(b));
        const res = await f.app.inject({
          method: method as "GET" | "POST",
          url,
          ...(method === "POST"
            ? {
                payload: JSON.stringify(body),
                headers: { "content-type": "application/json", "eth-consensus-version": "phase0" },
              }
            : {}),
        });
        expect(
          [200, 202, 400, 404, 414],
          `${method} ${url} ${JSON.stringify(body)} -> ${res.statusCode} ${res.body}`,
        ).to.include(res.statusCode);
        if (res.statusCode >= 400) {
          const err = res.json();
          expect(err.code).to.equal(res.statusCode);
          expect(err.message).to.be.a("string").and.not.equal("");
        }
      }),
      { numRuns: 400 },
    );
  });
});
