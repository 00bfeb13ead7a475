// LivenessTracker and POST /eth/v1/validator/liveness/{epoch}: validators seen per epoch, old epochs forgotten, the
// spec's request and answer shapes, 400 on bad input.
import { expect } from "chai";
import Fastify from "fastify";
import { ApiError } from "../../../consensus/api/errors.js";
import { registerLivenessRoutes } from "../../../consensus/api/routes/liveness.js";
import { LIVENESS_RETAINED_EPOCHS, LivenessTracker } from "../../../consensus/node/chain/livenessTracker.js";

describe("consensus/node LivenessTracker + liveness route", () => {
  it("answers per epoch and forgets epochs older than it keeps", async () => {
    const t = new LivenessTracker();
    t.mark(3, [1, 5]);
    t.mark(4, [2]);
    expect(t.liveness(3, [1, 2, 5])).to.deep.equal([true, false, true]);
    expect(t.liveness(4, [1, 2])).to.deep.equal([false, true]);
    expect(t.liveness(5, [1])).to.deep.equal([false]);
    t.mark(3 + LIVENESS_RETAINED_EPOCHS, [9]);
    expect(t.liveness(3, [1])).to.equal(null);

    const app = Fastify();
    app.setErrorHandler((e, _q, reply) => {
      const status = e instanceof ApiError ? e.statusCode : 500;
      reply.code(status).send({ code: status, message: (e as Error).message });
    });
    registerLivenessRoutes(app, t);
    const ok = await app.inject({ method: "POST", url: "/eth/v1/validator/liveness/4", payload: ["2", "3"] });
    expect(ok.statusCode).to.equal(200);
    expect(ok.json()).to.deep.equal({
      data: [
        { index: "2", is_live: true },
        { index: "3", is_live: false },
      ],
    });
    for (const [url, payload] of [
      ["/eth/v1/validator/liveness/x", ["1"]],
      ["/eth/v1/validator/liveness/4", [1]],
      ["/eth/v1/validator/liveness/4", { a: 1 }],
      ["/eth/v1/validator/liveness/1", ["1"]],
    ] as const) {
      const res = await app.inject({ method: "POST", url, payload: payload as object });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).to.equal(400);
      expect(res.json().code).to.equal(400);
    }
    await app.close();
  });
});
