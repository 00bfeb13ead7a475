// Keymanager API (ethereum/keymanager-APIs, "Local Key Manager"): GET/POST/DELETE /eth/v1/keystores, every request
// with `Authorization: Bearer <token>`. The token is random, written at start to `<datadir>/api-token.txt` (0600) and
// kept across restarts. The server listens on 127.0.0.1 unless told otherwise.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import Fastify, { type FastifyInstance } from "fastify";

export type ImportStatus = "imported" | "duplicate" | "error";
export type DeleteStatus = "deleted" | "not_active" | "not_found" | "error";

export interface KeymanagerBackend {
  list(): { validating_pubkey: string; derivation_path: string; readonly: boolean }[];
  importKeystores(
    keystores: string[],
    passwords: string[],
    slashingProtection: string | undefined,
  ): Promise<{ status: ImportStatus; message?: string }[]>;
  deleteKeys(pubkeys: string[]): { data: { status: DeleteStatus; message?: string }[]; slashing_protection: string };
}

/** Reads the token file, or creates it (32 random bytes, hex, mode 0600). */
export function ensureApiToken(file: string): string {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const token = readFileSync(file, "utf8").trim();
    if (token.length >= 32) return token;
  }
  const token = `api-token-0x${randomBytes(32).toString("hex")}`;
  writeFileSync(file, token, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}

const err = (code: number, message: string) => ({ message, code });

export function createKeymanagerServer(backend: KeymanagerBackend, token: string): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  const expected = Buffer.from(token);
  app.addHook("onRequest", async (req, reply) => {
    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bearer ")) {
      return reply.code(401).send(err(401, "missing bearer token (Authorization: Bearer <token from api-token.txt>)"));
    }
    const given = Buffer.from(auth.slice("Bearer ".length).trim());
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(403).send(err(403, "invalid bearer token"));
    }
  });
  app.setErrorHandler((e, _req, reply) => {
    const status = (e as { statusCode?: number }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500)
      return reply.code(status).send(err(status, (e as Error).message));
    return reply.code(500).send(err(500, "internal error"));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(err(404, `Route ${req.method} ${req.url.split("?")[0]} not found`));
  });

  app.get("/eth/v1/keystores", async () => ({ data: backend.list() }));

  app.post<{ Body: { keystores?: unknown; passwords?: unknown; slashing_protection?: unknown } }>(
    "/eth/v1/keystores",
    async (req, reply) => {
      const b = req.body ?? {};
      const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
      if (!strings(b.keystores) || !strings(b.passwords)) {
        return reply.code(400).send(err(400, "body needs keystores: string[] and passwords: string[]"));
      }
      const keystores = b.keystores as string[];
      const passwords = b.passwords as string[];
      if (keystores.length !== passwords.length) {
        return reply
          .code(400)
          .send(err(400, `${keystores.length} keystores but ${passwords.length} passwords: one password per keystore`));
      }
      if (b.slashing_protection !== undefined && typeof b.slashing_protection !== "string") {
        return reply.code(400).send(err(400, "slashing_protection must be the EIP-3076 interchange JSON as a string"));
      }
      return { data: await backend.importKeystores(keystores, passwords, b.slashing_protection as string | undefined) };
    },
  );

  app.delete<{ Body: { pubkeys?: unknown } }>("/eth/v1/keystores", async (req, reply) => {
    const pubkeys = req.body?.pubkeys;
    if (!Array.isArray(pubkeys) || !pubkeys.every((p) => typeof p === "string" && /^0x[0-9a-fA-F]{96}$/.test(p))) {
      return reply.code(400).send(err(400, "body needs pubkeys: 0x-hex 48-byte BLS public keys"));
    }
    return backend.deleteKeys(pubkeys.map((p) => p.toLowerCase()));
  });
  return app;
}
