// The SDK's Beacon API client against the node's real API server (Fastify on 127.0.0.1).
import { expect } from "chai";
import type { FastifyInstance } from "fastify";
import { createBeaconApi } from "../../../consensus/api/server.js";
import {
  BeaconApiError,
  getActivationQueue,
  getValidatorStatus,
  watchActivation,
} from "../../../sdk/beacon-api/index.js";
import { FAR, FixtureChainView, GWEI_STAKE, makeState, pubkeyOf, validator } from "../../consensus/api/apiFixture.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
const active = Array.from({ length: 4 }, (_, i) => validator(i));
const NEW_KEY = pubkeyOf(40);

describe("sdk/beacon-api against the node's API", () => {
  let view: FixtureChainView;
  let app: FastifyInstance;
  let baseUrl: string;

  beforeEach(async () => {
    view = new FixtureChainView(makeState(16, active));
    view.pending = [{ index: 4, pubkey: NEW_KEY, amountGwei: GWEI_STAKE }];
    app = createBeaconApi(view);
    baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterEach(() => app.close());

  /** the deposit enters the state (pending_queued), then activates; each step announced as a new head */
  function advance(step: "queued" | "active") {
    const v =
      step === "queued"
        ? validator(40, { activationEligibilityEpoch: 3, activationEpoch: FAR })
        : validator(40, { activationEligibilityEpoch: 3, activationEpoch: 4 });
    const slot = step === "queued" ? 24 : 40;
    view.head = makeState(slot, [...active, v]);
    view.pending = [];
    view.emit({
      topic: "head",
      slot,
      block: new Uint8Array(32),
      state: new Uint8Array(32),
      epochTransition: true,
      previousDutyDependentRoot: new Uint8Array(32),
      currentDutyDependentRoot: new Uint8Array(32),
    });
  }

  it("getValidatorStatus: state statuses, deposit_pending, unknown keys", async () => {
    const a = await getValidatorStatus({ baseUrl }, pubkeyOf(1));
    expect(a).to.deep.include({
      status: "active_ongoing",
      index: 1,
      balance: BigInt(GWEI_STAKE + 7),
      activationEpoch: 0n,
    });
    const p = await getValidatorStatus({ baseUrl }, NEW_KEY);
    expect(p).to.deep.include({ status: "deposit_pending", index: null });
    const u = await getValidatorStatus({ baseUrl }, pubkeyOf(99));
    expect(u.status).to.equal(null);
  });

  it("getActivationQueue parses the queue view", async () => {
    const q = await getActivationQueue({ baseUrl });
    expect(q).to.deep.include({ currentEpoch: 2, length: 1, depositPending: 1, churnLimit: 2 });
    expect(q.entries[0]).to.deep.include({ pubkey: hex(NEW_KEY), status: "deposit_pending", position: 0 });
    expect(q.entries[0]!.etaTime).to.be.a("number");
  });

  it("reports bad input and HTTP errors with typed errors", async () => {
    try {
      await getValidatorStatus({ baseUrl }, "0x1234");
      expect.fail("should throw");
    } catch (e) {
      expect(e).to.be.instanceOf(BeaconApiError);
      expect((e as BeaconApiError).code).to.equal("INVALID_PUBKEY");
    }
    try {
      await getValidatorStatus({ baseUrl }, NEW_KEY, "nonsense");
      expect.fail("should throw");
    } catch (e) {
      expect((e as BeaconApiError).code).to.equal("HTTP_ERROR");
      expect((e as BeaconApiError).status).to.equal(400);
    }
  });

  it("watchActivation follows deposit_pending -> pending_queued -> active_ongoing on head events (SSE)", async () => {
    const seen: string[] = [];
    // a long poll interval: only the event stream can make this finish quickly
    for await (const u of watchActivation({ baseUrl, pollIntervalMs: 60_000 }, [NEW_KEY])) {
      seen.push(`${u.previousStatus}->${u.status}`);
      if (u.status === "deposit_pending") setTimeout(() => advance("queued"), 50);
      if (u.status === "pending_queued") setTimeout(() => advance("active"), 50);
    }
    expect(seen).to.deep.equal([
      "null->deposit_pending",
      "deposit_pending->pending_queued",
      "pending_queued->active_ongoing",
    ]);
  });

  it("watchActivation falls back to polling when the event stream is unavailable", async () => {
    const noEvents: typeof fetch = (input, init) =>
      String(input).includes("/eth/v1/events")
        ? Promise.resolve(new Response("", { status: 404 }))
        : fetch(input, init);
    const seen: string[] = [];
    let polls = 0;
    for await (const u of watchActivation({ baseUrl, fetch: noEvents, pollIntervalMs: 30 }, [NEW_KEY])) {
      seen.push(String(u.status));
      polls++;
      if (polls === 1) {
        // change the state silently (no event): only polling can notice
        view.head = makeState(40, [...active, validator(40, { activationEligibilityEpoch: 3, activationEpoch: 4 })]);
        view.pending = [];
      }
    }
    expect(seen).to.deep.equal(["deposit_pending", "active_ongoing"]);
  });
});
