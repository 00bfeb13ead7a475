// Sorting JSON-RPC failures into what the follower does about them. Endpoints word these differently (geth, erigon,
// nethermind, besu, hosted providers); the patterns cover the common wordings.
import { FollowerError } from "./errors.js";

export type RpcFailureKind = "rangeTooLarge" | "timeout" | "rateLimited" | "transient";

const RANGE_TOO_LARGE = [
  /more than \d+ results/i,
  /query returned more than/i,
  /response size (exceeded|is larger|too large)/i,
  /log response size/i,
  /block range (is )?too (large|wide)/i,
  /exceed(s|ed)? (max(imum)?|the) (block )?range/i,
  /too many (logs|results|blocks)/i,
  /limit exceeded/i,
  /-32005/,
];
const RATE_LIMITED = [/\b429\b/, /rate.?limit/i, /too many requests/i, /exceeded .*capacity/i];
const TIMEOUT = [/timeout/i, /timed out/i, /\bTIMEOUT\b/];

/** Everything an error says about itself (ethers nests the JSON-RPC error and the HTTP status). */
export function describeRpcError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & {
    shortMessage?: string;
    code?: unknown;
    error?: { message?: string; code?: number };
    info?: { responseStatus?: string; responseBody?: string; error?: { message?: string; code?: number } };
  };
  return [
    e.message,
    e.shortMessage,
    e.code,
    e.error?.code,
    e.error?.message,
    e.info?.responseStatus,
    e.info?.error?.code,
    e.info?.error?.message,
    e.info?.responseBody?.slice(0, 300),
  ]
    .filter((x) => x !== undefined && x !== null && x !== "")
    .join(" | ");
}

export function classifyRpcError(error: unknown): RpcFailureKind {
  if (error instanceof FollowerError) {
    if (error.code === "RPC_TIMEOUT") return "timeout";
    if (error.code === "RPC_RANGE_TOO_LARGE") return "rangeTooLarge";
    if (error.code === "RPC_RATE_LIMITED") return "rateLimited";
  }
  const text = describeRpcError(error);
  if (RATE_LIMITED.some((p) => p.test(text))) return "rateLimited";
  if (RANGE_TOO_LARGE.some((p) => p.test(text))) return "rangeTooLarge";
  if (TIMEOUT.some((p) => p.test(text))) return "timeout";
  return "transient";
}
