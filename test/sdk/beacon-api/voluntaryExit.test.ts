// submitVoluntaryExit: the reference CLI's signed-exit JSON, checked and POSTed to the node's pool.
import { expect } from "chai";
import { BeaconApiError, submitVoluntaryExit } from "../../../sdk/beacon-api/index.js";
import { ExitError } from "../../../sdk/exit/index.js";

const SIG = `0x${"ab".repeat(96)}`;

describe("sdk/beacon-api submitVoluntaryExit", () => {
  it("POSTs the exit to /eth/v1/beacon/pool/voluntary_exits and surfaces the node's 400 message", async () => {
    const calls: { url: string; body: string }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: String(init.body) });
      return calls.length === 1
        ? new Response(null, { status: 200 })
        : new Response(JSON.stringify({ code: 400, message: "Invalid voluntary exit: validator not active" }), {
            status: 400,
          });
    }) as typeof globalThis.fetch;
    const exit = { message: { epoch: "3", validator_index: "7" }, signature: SIG };
    await submitVoluntaryExit({ baseUrl: "http://127.0.0.1:1/", fetch }, JSON.stringify(exit));
    expect(calls[0]!.url).to.equal("http://127.0.0.1:1/eth/v1/beacon/pool/voluntary_exits");
    expect(JSON.parse(calls[0]!.body)).to.deep.equal(exit);
    const error = await submitVoluntaryExit({ baseUrl: "http://127.0.0.1:1", fetch }, exit).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BeaconApiError);
    expect((error as BeaconApiError).status).to.equal(400);
    expect((error as Error).message).to.include("validator not active");
  });

  it("refuses a malformed exit before sending anything (BAD_EXIT_JSON)", async () => {
    let called = false;
    const fetch = (async () => {
      called = true;
      return new Response(null);
    }) as typeof globalThis.fetch;
    const error = await submitVoluntaryExit(
      { baseUrl: "http://127.0.0.1:1", fetch },
      { message: { epoch: "1" } },
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ExitError);
    expect((error as ExitError).code).to.equal("BAD_EXIT_JSON");
    expect(called).to.equal(false);
  });
});
