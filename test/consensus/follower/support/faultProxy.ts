// A fault-injecting JSON-RPC proxy on 127.0.0.1: forwards each POST to the real node unless a rule picks a fault
// for it (drop the connection, delay, truncate the body, HTTP 429/500, a JSON-RPC error, or a rewritten result).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault =
  | { kind: "drop" }
  | { kind: "delay"; ms: number }
  | { kind: "truncate" }
  | { kind: "status"; status: number }
  | { kind: "rpcError"; code: number; message: string }
  | { kind: "rewrite"; result: (result: unknown) => unknown };

export interface RpcRequest {
  method: string;
  params: unknown[];
  id: unknown;
}

/** Picks a fault for a request, or null to forward it untouched. */
export type FaultRule = (request: RpcRequest) => Fault | null;

export interface FaultProxy {
  url: string;
  /** Every request seen, in order, with the fault applied (if any). */
  log: { method: string; params: unknown[]; fault: Fault["kind"] | null }[];
  setRule(rule: FaultRule | null): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  let rule: FaultRule | null = null;
  const log: FaultProxy["log"] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const request = JSON.parse(body) as RpcRequest;
    const fault = rule?.(request) ?? null;
    log.push({ method: request.method, params: request.params, fault: fault?.kind ?? null });
    if (fault?.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "status") {
      res
        .writeHead(fault.status, { "content-type": "text/plain" })
        .end(fault.status === 429 ? "Too Many Requests" : "error");
      return;
    }
    if (fault?.kind === "rpcError") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ jsonrpc: "2.0", id: request.id, error: { code: fault.code, message: fault.message } }));
      return;
    }
    if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    const upstream = await fetch(targetUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
    let text = await upstream.text();
    if (fault?.kind === "rewrite") {
      const json = JSON.parse(text);
      json.result = fault.result(json.result);
      text = JSON.stringify(json);
    }
    if (fault?.kind === "truncate") {
      // Promise the full length, send half, then close: the client sees a cut-off body.
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      req.socket.destroy();
      return;
    }
    if (!res.destroyed) res.writeHead(upstream.status, { "content-type": "application/json" }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setRule: (r) => {
      rule = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
