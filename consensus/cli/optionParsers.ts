// Commander argument parsers shared by the btc20-node and btc20-validator command lines: each refuses a bad value
// with a message saying what was expected.
import { InvalidArgumentError } from "commander";

export const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port is an integer 0..65535");
  return n;
};

export const uint = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a non-negative integer");
  return n;
};
