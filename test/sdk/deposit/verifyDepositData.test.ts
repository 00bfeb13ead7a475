import { expect } from "chai";
import fc from "fast-check";
import { bls } from "../../../sdk/crypto/bls/index.js";
import {
  generateDepositData,
  type LaunchpadDepositEntry,
  toLaunchpadEntry,
  verifyDepositData,
} from "../../../sdk/deposit/index.js";
import { BTC20_DEVNET, BTC20_MAINNET, getNetwork } from "../../../sdk/networks/index.js";
import { stakingSmithCases } from "./vectors.js";

const seed = new Uint8Array(64).fill(42);
const ADDRESS = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";

function entries(opts: { count?: number; compounding?: boolean; amountGwei?: bigint; address?: string | null } = {}) {
  return generateDepositData({
    bls,
    seed,
    network: BTC20_DEVNET,
    startIndex: 0,
    count: opts.count ?? 2,
    withdrawalAddress: opts.address === undefined ? ADDRESS : opts.address,
    compounding: opts.compounding,
    amountGwei: opts.amountGwei,
  }).map((v) => toLaunchpadEntry(v.deposit));
}

function codesOf(list: unknown, network = BTC20_DEVNET): string[][] {
  return verifyDepositData(list, network, { bls }).entries.map((e) => e.issues.map((i) => i.code));
}

describe("sdk/deposit verifyDepositData", () => {
  it("accepts freshly generated deposits (0x00, 0x01, 0x02 with a large amount)", () => {
    expect(verifyDepositData(entries({ address: null }), BTC20_DEVNET, { bls }).ok).to.equal(true);
    expect(verifyDepositData(entries(), BTC20_DEVNET, { bls }).ok).to.equal(true);
    const big = entries({ compounding: true, amountGwei: 5000n * 10n ** 9n });
    expect(verifyDepositData(big, BTC20_DEVNET, { bls }).ok).to.equal(true);
  });

  it("accepts every staking-smith fixture file for its own network and names the other one as WRONG_NETWORK", () => {
    for (const c of stakingSmithCases()) {
      const own = getNetwork(c.chain);
      const other = getNetwork(c.chain === "hoodi" ? "sepolia" : "hoodi");
      expect(verifyDepositData(c.deposit_data_file.json, own, { bls }).ok, c.id).to.equal(true);
      const wrong = verifyDepositData(c.deposit_data_file.json, other, { bls });
      for (const e of wrong.entries) {
        expect(
          e.issues.map((i) => i.code),
          c.id,
        ).to.deep.equal(["WRONG_NETWORK"]);
        expect(e.signedForNetwork).to.equal(c.chain);
      }
    }
  });

  it("reports a file that is not an array or is empty", () => {
    expect(verifyDepositData({}, BTC20_DEVNET, { bls }).issues[0]!.code).to.equal("NOT_AN_ARRAY");
    expect(verifyDepositData([], BTC20_DEVNET, { bls }).issues[0]!.code).to.equal("EMPTY");
    expect(codesOf([42])).to.deep.equal([["NOT_AN_OBJECT"]]);
  });

  const mutations: [string, (e: LaunchpadDepositEntry) => void, string[], RegExp][] = [
    [
      "missing signature",
      (e) => delete (e as Partial<LaunchpadDepositEntry>).signature,
      ["MISSING_FIELD"],
      /"signature" is missing/,
    ],
    [
      "0x-prefixed pubkey",
      (e) => (e.pubkey = `0x${e.pubkey}`),
      ["BAD_LENGTH"],
      /expected 96 hex digits \(48 bytes\) without 0x/,
    ],
    ["non-hex root", (e) => (e.deposit_data_root = "zz".repeat(32)), ["BAD_HEX"], /not hex/],
    [
      "amount as string",
      (e) => ((e as unknown as { amount: string }).amount = "1000000000000"),
      ["BAD_TYPE"],
      /positive integer number of gwei/,
    ],
    [
      "unknown credential prefix",
      (e) => (e.withdrawal_credentials = `03${e.withdrawal_credentials.slice(2)}`),
      ["BAD_CREDENTIALS", "ROOT_MISMATCH", "ROOT_MISMATCH", "BAD_SIGNATURE"],
      /expected prefix 0x00/,
    ],
    [
      "non-zero 0x01 padding",
      (e) => (e.withdrawal_credentials = `0101${e.withdrawal_credentials.slice(4)}`),
      ["BAD_CREDENTIALS", "ROOT_MISMATCH", "ROOT_MISMATCH", "BAD_SIGNATURE"],
      /11 zero bytes/,
    ],
    [
      "amount above activation for 0x01",
      (e) => (e.amount = 1001e9),
      ["AMOUNT_RANGE", "ROOT_MISMATCH", "ROOT_MISMATCH", "BAD_SIGNATURE"],
      /expected 1000000000 to 1000000000000 gwei/,
    ],
    [
      "amount below minimum",
      (e) => (e.amount = 0.5e9),
      ["AMOUNT_RANGE", "ROOT_MISMATCH", "ROOT_MISMATCH", "BAD_SIGNATURE"],
      /outside the range for 0x01/,
    ],
    [
      "wrong deposit_message_root",
      (e) => (e.deposit_message_root = "00".repeat(32)),
      ["ROOT_MISMATCH"],
      /deposit_message_root is 0000.*give/,
    ],
    [
      "wrong deposit_data_root",
      (e) => (e.deposit_data_root = "11".repeat(32)),
      ["ROOT_MISMATCH"],
      /deposit_data_root is 1111/,
    ],
    [
      "infinity pubkey",
      (e) => (e.pubkey = `c0${"00".repeat(47)}`),
      ["ROOT_MISMATCH", "ROOT_MISMATCH", "BAD_PUBKEY"],
      /not a valid BLS12-381 public key/,
    ],
    [
      "fork_version field of another network",
      (e) => (e.fork_version = "20200000"),
      ["FORK_VERSION_MISMATCH"],
      /fork_version is 20200000.*expected 20200002/,
    ],
  ];
  for (const [what, mutate, codes, message] of mutations) {
    it(`reports ${what} as ${codes.join(", ")}`, () => {
      const list = entries();
      mutate(list[0]!);
      const result = verifyDepositData(list, BTC20_DEVNET, { bls });
      expect(result.ok).to.equal(false);
      expect(result.entries[0]!.issues.map((i) => i.code)).to.deep.equal(codes);
      expect(result.entries[0]!.issues.map((i) => i.message).join("\n")).to.match(message);
      expect(result.entries[1]!.ok).to.equal(true);
    });
  }

  it("reports a signature by another key as BAD_SIGNATURE (no known network matches)", () => {
    const list = entries();
    list[0]!.signature = list[1]!.signature;
    const codes = codesOf(list)[0]!;
    expect(codes).to.include("BAD_SIGNATURE");
    expect(codes).to.not.include("WRONG_NETWORK");
  });

  it("reports a deposit signed for BTC20 mainnet as WRONG_NETWORK on the devnet", () => {
    const mainnet = generateDepositData({ bls, seed, network: BTC20_MAINNET, startIndex: 5, count: 1 }).map((v) =>
      toLaunchpadEntry(v.deposit),
    );
    const result = verifyDepositData(mainnet, BTC20_DEVNET, { bls });
    expect(result.entries[0]!.issues.map((i) => i.code)).to.deep.equal(["WRONG_NETWORK"]);
    expect(result.entries[0]!.issues[0]!.message).to.match(
      /signed for btc20-mainnet \(fork version 20200000\), not for btc20-devnet/,
    );
  });

  it("reports duplicate pubkeys, pointing at the first occurrence", () => {
    const list = entries({ count: 1 });
    const result = verifyDepositData([list[0], { ...list[0] }], BTC20_DEVNET, { bls });
    expect(result.entries[0]!.ok).to.equal(true);
    expect(result.entries[1]!.issues.map((i) => i.code)).to.deep.equal(["DUPLICATE_PUBKEY"]);
    expect(result.entries[1]!.issues[0]!.message).to.match(/already appears in deposit #0/);
  });

  it("never accepts a deposit with one flipped byte in a signed field (property)", () => {
    const [entry] = entries({ count: 1 });
    const fields = ["pubkey", "withdrawal_credentials", "signature"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(), fc.integer({ min: 1, max: 255 }), (field, pos, xor) => {
        const e = { ...entry! };
        const bytes = Buffer.from(e[field], "hex");
        bytes[pos % bytes.length]! ^= xor;
        e[field] = bytes.toString("hex");
        return verifyDepositData([e], BTC20_DEVNET, { bls }).ok === false;
      }),
      { numRuns: 60 },
    );
  });
});
