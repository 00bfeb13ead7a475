// parseSignedVoluntaryExit / submitVoluntaryExit: the reference CLI's signed-exit JSON, checked and POSTed.
import { expect } from "chai";
import { BeaconApiError, parseSignedVoluntaryExit, submitVoluntaryExit } from "../../../sdk/beacon-api/index.js";

const SIG = `0x${"ab".repeat(96)}`;

describe("sdk/beacon-api voluntary exits", () => {
  it("accepts the reference CLI's form (numbers as strings or integers) and refuses malformed ones with INVALID_EXIT", () => {
    expect(
      parseSignedVoluntaryExit({ message: { epoch: 5, validator_index: "12" }, signature: SIG.slice(2) }),
    ).to.deep.equal({
      message: { epoch: "5", validator_index: "12" },
      signature: SIG,
    });
    for (const bad of [
      null,
      { signature: SIG },
      { message: { epoch: "-1", validator_index: "1" }, signature: SIG },
      { message: { epoch: "1", validator_index: "18446744073709551616" }, signature: SIG },
      { message: { epoch: "1", validator_index: "1" }, signature: "0x12" },
    ]) {
      expect(() => parseSignedVoluntaryExit(bad))
        .to.throw(BeaconApiError)
        .with.property("code", "INVALID_EXIT");
    }
  });

  it("POSTs to /eth/v1/beacon/pool/voluntary_exits and surfaces the node's 400 message", async () => {
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
    await submitVoluntaryExit({ baseUrl: "http://127.0.0.1:1/", fetch }, exit);
    expect(calls[0]!.url).to.equal("http://127.0.0.1:1/eth/v1/beacon/pool/voluntary_exits");
    expect(JSON.parse(calls[0]!.body)).to.deep.equal(exit);
    const error = await submitVoluntaryExit({ baseUrl: "http://127.0.0.1:1", fetch }, exit).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BeaconApiError);
    expect((error as BeaconApiError).status).to.equal(400);
    expect((error as Error).message).to.include("validator not active");
  });
});
