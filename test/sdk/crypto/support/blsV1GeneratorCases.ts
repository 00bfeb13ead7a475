// The cases of the consensus-specs v1.0.0 BLS test generator (tests/generators/bls/main.py at tag v1.0.0), in its
// order, with its case names and expected outputs. Inputs are computed the way the generator does (its private keys
// and messages, signatures and aggregates made with the given Bls); outputs that the generator asserts as constants
// (true/false, failure, the infinity signature) are written here, the rest are what `bls` produces and are checked
// against the official v0.12.3 vectors where a case exists in both versions (test/sdk/crypto/blsV1Rules.test.ts).
import { sha256 } from "@noble/hashes/sha2.js";
import type { Bls } from "../../../../sdk/crypto/bls/index.js";

export type BlsHandler = "sign" | "verify" | "aggregate" | "fast_aggregate_verify" | "aggregate_verify";

/** One case as the generator writes it to <handler>/small/<name>/data.yaml (bytes as 0x-hex). */
export interface GeneratedBlsCase {
  handler: BlsHandler;
  name: string;
  input: unknown;
  /** Expected output; null: the operation must fail. */
  output: string | boolean | null;
  /** True for the cases the v1.0.0 generator added or changed over v0.12.3. */
  newInV1: boolean;
}

const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ""), "hex"));
/** eth_utils.encode_hex */
const encodeHex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;
/** int_to_hex: big-endian without leading zero bytes. */
const intToHex = (bytes: Uint8Array): string => encodeHex(bytes.subarray(bytes.findIndex((x) => x !== 0)));
/** Python's str() of a list of strings, used inside the generator's identifiers. */
const pyList = (items: string[]): string => `[${items.map((s) => `'${s}'`).join(", ")}]`;
/** The generator's name suffix: the first 8 bytes of sha256(identifier), hex. */
const idHash = (identifier: string): string =>
  Buffer.from(sha256(new TextEncoder().encode(identifier)).subarray(0, 8)).toString("hex");
const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => Uint8Array.from([...a, ...b]);
const FF4 = new Uint8Array([0xff, 0xff, 0xff, 0xff]);

export const MESSAGES = [0x00, 0x56, 0xab].map((byte) => new Uint8Array(32).fill(byte));
export const SAMPLE_MESSAGE = new Uint8Array(32).fill(0x12);
export const PRIVKEYS = [
  "263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3",
  "47b8192d77bf871b62e87859d653922725724a5c031afeabc60bcef5ff665138",
  "328388aff0d4a5b7dc9205abd374e7e98f3cd9f3418edb4eafda5fb16473d216",
].map(hexToBytes);
export const Z1_PUBKEY = concat(new Uint8Array([0xc0]), new Uint8Array(47));
export const Z2_SIGNATURE = concat(new Uint8Array([0xc0]), new Uint8Array(95));
const NO_SIGNATURE = new Uint8Array(96);
const ZERO_PRIVKEY_BYTES = new Uint8Array(32);
/** The generator reuses its loop variable `message` after the loops: the last message. */
const LAST_MESSAGE = MESSAGES[MESSAGES.length - 1];

function signCases(bls: Bls): GeneratedBlsCase[] {
  const cases: GeneratedBlsCase[] = [];
  for (const privkey of PRIVKEYS) {
    for (const message of MESSAGES) {
      cases.push({
        handler: "sign",
        name: `sign_case_${idHash(`${intToHex(privkey)}_${encodeHex(message)}`)}`,
        input: { privkey: intToHex(privkey), message: encodeHex(message) },
        output: encodeHex(bls.sign(privkey, message)),
        newInV1: false,
      });
    }
  }
  cases.push({
    handler: "sign",
    name: "sign_case_zero_privkey",
    input: { privkey: encodeHex(ZERO_PRIVKEY_BYTES), message: encodeHex(LAST_MESSAGE) },
    output: null,
    newInV1: true,
  });
  return cases;
}

function verifyCases(bls: Bls): GeneratedBlsCase[] {
  const cases: GeneratedBlsCase[] = [];
  PRIVKEYS.forEach((privkey, i) => {
    for (const message of MESSAGES) {
      const signature = bls.sign(privkey, message);
      const pubkey = bls.secretKeyToPublicKey(privkey);
      const wrongPubkey = bls.secretKeyToPublicKey(PRIVKEYS[(i + 1) % PRIVKEYS.length]);
      const tampered = concat(signature.subarray(0, -4), FF4);
      const item = (prefix: string, pk: Uint8Array, sig: Uint8Array, output: boolean): GeneratedBlsCase => ({
        handler: "verify",
        name: `${prefix}_${idHash(`${encodeHex(pk)}_${encodeHex(message)}`)}`,
        input: { pubkey: encodeHex(pk), message: encodeHex(message), signature: encodeHex(sig) },
        output,
        newInV1: false,
      });
      cases.push(item("verify_valid_case", pubkey, signature, true));
      cases.push(item("verify_wrong_pubkey_case", wrongPubkey, signature, false));
      cases.push(item("verify_tampered_signature_case", pubkey, tampered, false));
    }
  });
  cases.push({
    handler: "verify",
    name: "verify_infinity_pubkey_and_infinity_signature",
    input: { pubkey: encodeHex(Z1_PUBKEY), message: encodeHex(SAMPLE_MESSAGE), signature: encodeHex(Z2_SIGNATURE) },
    output: false,
    newInV1: true,
  });
  return cases;
}

function aggregateCases(bls: Bls): GeneratedBlsCase[] {
  const cases: GeneratedBlsCase[] = MESSAGES.map((message) => {
    const sigs = PRIVKEYS.map((privkey) => bls.sign(privkey, message));
    return {
      handler: "aggregate",
      name: `aggregate_${encodeHex(message)}`,
      input: sigs.map(encodeHex),
      output: encodeHex(bls.aggregateSignatures(sigs)),
      newInV1: false,
    };
  });
  cases.push({ handler: "aggregate", name: "aggregate_na_signatures", input: [], output: null, newInV1: false });
  cases.push({
    handler: "aggregate",
    name: "aggregate_infinity_signature",
    input: [encodeHex(Z2_SIGNATURE)],
    output: encodeHex(Z2_SIGNATURE),
    newInV1: true,
  });
  return cases;
}

function fastAggregateVerifyCases(bls: Bls): GeneratedBlsCase[] {
  const cases: GeneratedBlsCase[] = [];
  const item = (name: string, pubkeys: Uint8Array[], message: Uint8Array, sig: Uint8Array, output: boolean) => ({
    handler: "fast_aggregate_verify" as const,
    name,
    input: { pubkeys: pubkeys.map(encodeHex), message: encodeHex(message), signature: encodeHex(sig) },
    output,
    newInV1: false,
  });
  MESSAGES.forEach((message, i) => {
    const privkeys = PRIVKEYS.slice(0, i + 1);
    const aggregate = bls.aggregateSignatures(privkeys.map((privkey) => bls.sign(privkey, message)));
    const pubkeys = privkeys.map((privkey) => bls.secretKeyToPublicKey(privkey));
    const serial = pyList(pubkeys.map(encodeHex));
    const extra = [...pubkeys, bls.secretKeyToPublicKey(PRIVKEYS[PRIVKEYS.length - 1])];
    const tampered = concat(aggregate.subarray(0, -4), FF4);
    const id = (s: string) => idHash(`${s}_${encodeHex(message)}`);
    cases.push(item(`fast_aggregate_verify_valid_${id(serial)}`, pubkeys, message, aggregate, true));
    cases.push(
      item(`fast_aggregate_verify_extra_pubkey_${id(pyList(extra.map(encodeHex)))}`, extra, message, aggregate, false),
    );
    cases.push(item(`fast_aggregate_verify_tampered_signature_${id(serial)}`, pubkeys, message, tampered, false));
  });
  cases.push(item("fast_aggregate_verify_na_pubkeys_and_infinity_signature", [], LAST_MESSAGE, Z2_SIGNATURE, false));
  cases.push(item("fast_aggregate_verify_na_pubkeys_and_na_signature", [], LAST_MESSAGE, NO_SIGNATURE, false));
  const pubkeys = PRIVKEYS.map((privkey) => bls.secretKeyToPublicKey(privkey));
  const aggregate = bls.aggregateSignatures(PRIVKEYS.map((privkey) => bls.sign(privkey, SAMPLE_MESSAGE)));
  cases.push({
    ...item("fast_aggregate_verify_infinity_pubkey", [...pubkeys, Z1_PUBKEY], SAMPLE_MESSAGE, aggregate, false),
    newInV1: true,
  });
  return cases;
}

function aggregateVerifyCases(bls: Bls): GeneratedBlsCase[] {
  const pubkeys = PRIVKEYS.map((privkey) => bls.secretKeyToPublicKey(privkey));
  const messages = MESSAGES.slice(0, PRIVKEYS.length);
  const aggregate = bls.aggregateSignatures(PRIVKEYS.map((privkey, i) => bls.sign(privkey, messages[i])));
  const item = (name: string, pks: Uint8Array[], msgs: Uint8Array[], sig: Uint8Array, output: boolean) => ({
    handler: "aggregate_verify" as const,
    name,
    input: { pubkeys: pks.map(encodeHex), messages: msgs.map(encodeHex), signature: encodeHex(sig) },
    output,
    newInV1: false,
  });
  return [
    item("aggregate_verify_valid", pubkeys, messages, aggregate, true),
    // The generator keeps only the first 4 bytes here (aggregate_signature[:4]): an 8-byte "signature".
    item("aggregate_verify_tampered_signature", pubkeys, messages, concat(aggregate.subarray(0, 4), FF4), false),
    item("aggregate_verify_na_pubkeys_and_infinity_signature", [], [], Z2_SIGNATURE, false),
    item("aggregate_verify_na_pubkeys_and_na_signature", [], [], NO_SIGNATURE, false),
    {
      ...item(
        "aggregate_verify_infinity_pubkey",
        [...pubkeys, Z1_PUBKEY],
        [...messages, SAMPLE_MESSAGE],
        aggregate,
        false,
      ),
      newInV1: true,
    },
  ];
}

/** Every case of the v1.0.0 generator (60: sign 10, verify 28, aggregate 5, fast_aggregate_verify 12, aggregate_verify 5). */
export function generateV1BlsCases(bls: Bls): GeneratedBlsCase[] {
  return [
    ...signCases(bls),
    ...verifyCases(bls),
    ...aggregateCases(bls),
    ...fastAggregateVerifyCases(bls),
    ...aggregateVerifyCases(bls),
  ];
}
