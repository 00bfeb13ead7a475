// --rest.cors: browsers on an allowed origin may read the API (incl. preflights); others get no CORS headers; off by
// default. Over a real socket, so the SSE stream's hijacked response is checked too.
import { expect } from "chai";
import { parseCorsOrigins } from "../../../consensus/api/cors.js";
import { createBeaconApi } from "../../../consensus/api/server.js";
import { FixtureChainView, makeState, validator } from "./apiFixture.js";

const DAPP = "http://127.0.0.1:5173";

describe("consensus/api CORS (--rest.cors)", () => {
  const view = () => new FixtureChainView(makeState(35, [validator(0)]), makeState(0, [validator(0)]));

  it("is off by default: no Access-Control-Allow-Origin", async () => {
    const app = createBeaconApi(view());
    const res = await app.inject({ method: "GET", url: "/eth/v1/node/version", headers: { origin: DAPP } });
    expect(res.statusCode).to.equal(200);
    expect(res.headers["access-control-allow-origin"]).to.equal(undefined);
    await app.close();
  });

  it("allows the configured origin only, answers its preflight, and covers the SSE stream", async () => {
    const app = createBeaconApi(view(), { cors: parseCorsOrigins(`${DAPP}/, http://localhost:4173`) });
    const ok = await app.inject({ method: "GET", url: "/eth/v1/node/version", headers: { origin: DAPP } });
    expect(ok.headers["access-control-allow-origin"]).to.equal(DAPP);
    expect(ok.headers.vary).to.equal("Origin");
    const other = await app.inject({
      method: "GET",
      url: "/eth/v1/node/version",
      headers: { origin: "http://evil.test" },
    });
    expect(other.headers["access-control-allow-origin"]).to.equal(undefined);
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/eth/v1/beacon/pool/voluntary_exits",
      headers: {
        origin: DAPP,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.statusCode).to.equal(204);
    expect(preflight.headers["access-control-allow-methods"]).to.include("POST");
    expect(preflight.headers["access-control-allow-headers"]).to.include("content-type");

    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    const ctrl = new AbortController();
    const sse = await fetch(`${url}/eth/v1/events?topics=head`, { headers: { origin: DAPP }, signal: ctrl.signal });
    expect(sse.headers.get("content-type")).to.include("text/event-stream");
    expect(sse.headers.get("access-control-allow-origin")).to.equal(DAPP);
    ctrl.abort();
    await app.close();
  });

  it("refuses what is not an origin", () => {
    expect(() => parseCorsOrigins("http://a.test/path")).to.throw(/not an origin/);
    expect(() => parseCorsOrigins("a.test")).to.throw(/not an origin/);
    expect(parseCorsOrigins("*")).to.deep.equal(["*"]);
  });
});
