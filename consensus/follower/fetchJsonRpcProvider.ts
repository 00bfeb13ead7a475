import { type JsonRpcPayload, JsonRpcProvider, type JsonRpcResult, type Networkish } from "ethers";

/**
 * ethers' JsonRpcProvider with its HTTP transport (`_send`, the documented override point) replaced by the runtime's
 * `fetch`. Why by hand: ethers' Node transport grows the response body by copying it on every chunk and decodes UTF-8
 * in JavaScript, which makes large eth_getLogs answers (10,000 deposit logs are ~14 MB) cost seconds; `fetch` +
 * `JSON.parse` take milliseconds. Everything else (request ids, error mapping) stays ethers'.
 */
export class FetchJsonRpcProvider extends JsonRpcProvider {
  constructor(
    private readonly url: string,
    network: Networkish,
    private readonly timeoutMs: number,
  ) {
    super(url, network, { staticNetwork: true, batchMaxCount: 1 });
  }

  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      throw Object.assign(new Error(`server response ${response.status} ${response.statusText}`), {
        code: "SERVER_ERROR",
        info: { responseStatus: `${response.status} ${response.statusText}`, responseBody: text.slice(0, 300) },
      });
    }
    const json = JSON.parse(text);
    return Array.isArray(json) ? json : [json];
  }
}
