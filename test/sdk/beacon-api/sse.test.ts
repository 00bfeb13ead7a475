// The SDK's server-sent events reader (fetch streaming, browser-safe) against a real HTTP server on 127.0.0.1:
// events split across chunks, comments and keep-alives, CRLF line ends, multi-line data, abort ends it quietly.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { type SseEvent, streamEvents } from "../../../sdk/beacon-api/sse.js";

describe("sdk/beacon-api streamEvents (SSE)", () => {
  let server: Server;
  let url: string;
  before(async () => {
    server = createServer((req, res) => {
      if (!req.url!.startsWith("/eth/v1/events?topics=head,block")) {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": connected\n\nevent: head\nda");
      setTimeout(() => res.write('ta: {"slot":"1"}\n\n'), 20);
      setTimeout(
        () =>
          res.write('event: block\r\ndata: a\r\ndata: b\r\n\r\n: keep-alive\n\nevent: head\ndata: {"slot":"2"}\n\n'),
        40,
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("parses events as the EventSource format defines them and stops on abort", async () => {
    const got: SseEvent[] = [];
    const abort = new AbortController();
    const done = streamEvents(
      { baseUrl: url },
      ["head", "block"],
      (e) => {
        got.push(e);
        if (got.length === 3) abort.abort();
      },
      abort.signal,
    );
    await done;
    expect(got).to.deep.equal([
      { event: "head", data: '{"slot":"1"}' },
      { event: "block", data: "a\nb" },
      { event: "head", data: '{"slot":"2"}' },
    ]);
  });

  it("reports an HTTP error as a typed error", async () => {
    const err = await streamEvents({ baseUrl: url }, ["nope"], () => {}, new AbortController().signal).catch((e) => e);
    expect(err.code).to.equal("HTTP_ERROR");
    expect(err.status).to.equal(400);
  });
});
