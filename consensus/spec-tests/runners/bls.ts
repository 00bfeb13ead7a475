// general/phase0/bls (tests/formats/bls/): sign, verify, aggregate, fast_aggregate_verify, aggregate_verify against
// the SDK's BLS (sdk/crypto/bls). An `output: null` means the operation must fail (throw).
import { bls } from "../../../sdk/crypto/bls/index.js";
import { assertBytesEqual, assertEqual } from "../assert.js";
import { readYaml } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

const b = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ""), "hex"));

interface Data {
  input: unknown;
  output: string | boolean | null;
}

/** Runs an operation that returns bytes; `null` expected output means it must throw. */
function expectBytes(fn: () => Uint8Array, output: Data["output"], what: string): void {
  if (output === null) {
    let result: Uint8Array | undefined;
    try {
      result = fn();
    } catch {
      return;
    }
    throw new SpecAssertionError(`${what}: expected failure, got ${Buffer.from(result).toString("hex")}`);
  }
  assertBytesEqual(fn(), b(output as string), what);
}

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const { input, output } = readYaml<Data>(c, "data");
    switch (c.handler) {
      case "sign": {
        const i = input as { privkey: string; message: string };
        expectBytes(() => bls.sign(b(i.privkey), b(i.message)), output, "sign");
        return;
      }
      case "verify": {
        const i = input as { pubkey: string; message: string; signature: string };
        assertEqual(bls.verify(b(i.pubkey), b(i.message), b(i.signature)), output, "verify");
        return;
      }
      case "aggregate": {
        const sigs = (input as string[]).map(b);
        expectBytes(() => bls.aggregateSignatures(sigs), output, "aggregate");
        return;
      }
      case "fast_aggregate_verify": {
        const i = input as { pubkeys: string[]; message: string; signature: string };
        assertEqual(
          bls.fastAggregateVerify(i.pubkeys.map(b), b(i.message), b(i.signature)),
          output,
          "fast_aggregate_verify",
        );
        return;
      }
      case "aggregate_verify": {
        const i = input as { pubkeys: string[]; messages: string[]; signature: string };
        assertEqual(
          bls.aggregateVerify(i.pubkeys.map(b), i.messages.map(b), b(i.signature)),
          output,
          "aggregate_verify",
        );
        return;
      }
      default:
        throw new SpecAssertionError(`unknown bls handler ${c.handler}`);
    }
  },
};
