// A small HTTP server on 127.0.0.1 answering by route with canned JSON, recording every request: a stand-in for a
// beacon node where a real one cannot show the case (a node that fails on purpose, a reorg's dependent roots).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export interface HttpDouble {
  url: string;
  requests: string[];
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

export async function startHttpDouble(routes: Record<string, Handler> = {}): Promise<HttpDouble> {
  const map = new Map(Object.entries(routes));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      const key = `${req.method} ${req.url!.split("?")[0]}`;
      requests.push(key);
      const h = map.get(key);
      if (h) h(req, body, res);
      else json(res, 404, { code: 404, message: `no route ${key}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes: map,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
