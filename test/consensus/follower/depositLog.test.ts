import { expect } from "chai";
import { AbiCoder, hexlify } from "ethers";
import { DEPOSIT_EVENT_TOPIC, FollowerError, parseDepositLog, type RawLog } from "../../../consensus/follower/index.js";
import { DepositData } from "../../../sdk/ssz/index.js";

const le64 = (n: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, n, true);
  return b;
};
const pubkey = new Uint8Array(48).fill(0xaa);
const credentials = new Uint8Array(32).fill(0x01);
const signature = new Uint8Array(96).fill(0xbb);

function rawLog(fields: Uint8Array[] = [pubkey, credentials, le64(32_000_000_000n), signature, le64(7n)]): RawLog {
  return {
    address: "0x00000000219ab540356cbb839cbe05303d7705fa",
    topics: [DEPOSIT_EVENT_TOPIC],
    data: AbiCoder.defaultAbiCoder().encode(["bytes", "bytes", "bytes", "bytes", "bytes"], fields),
    blockNumber: "0x10",
    blockHash: `0x${"cd".repeat(32)}`,
    transactionHash: `0x${"ef".repeat(32)}`,
    logIndex: "0x2",
  };
}

function expectMalformed(log: RawLog, pattern: RegExp) {
  try {
    parseDepositLog(log);
  } catch (e) {
    expect(e).to.be.instanceOf(FollowerError);
    expect((e as FollowerError).code).to.equal("MALFORMED_DEPOSIT_LOG");
    expect((e as Error).message).to.match(/block 16 tx 0x(ef){32} log 2/);
    expect((e as Error).message).to.match(pattern);
    return;
  }
  expect.fail("expected MALFORMED_DEPOSIT_LOG");
}

describe("consensus/follower parseDepositLog (the 576-byte DepositEvent layout)", () => {
  it("decodes the ABI layout Ethereum's deposit contract emits", () => {
    const log = rawLog();
    expect((log.data.length - 2) / 2).to.equal(576);
    const e = parseDepositLog(log);
    expect(e.index).to.equal(7);
    expect(e.blockNumber).to.equal(16);
    expect(e.logIndex).to.equal(2);
    expect(e.depositData.amount).to.equal(32_000_000_000);
    expect(hexlify(e.depositData.pubkey)).to.equal(hexlify(pubkey));
    expect(hexlify(e.depositData.signature)).to.equal(hexlify(signature));
    expect(hexlify(e.depositDataRoot)).to.equal(hexlify(DepositData.hashTreeRoot(e.depositData)));
  });

  it("refuses any other size, offset, length, padding or topic", () => {
    expectMalformed({ ...rawLog(), data: `${rawLog().data}00` }, /577 bytes, expected 576/);
    expectMalformed(
      rawLog([new Uint8Array(47), credentials, le64(1n), signature, le64(0n)]),
      /pubkey length 47, expected 48/,
    );
    expectMalformed(rawLog([pubkey, credentials, le64(1n), new Uint8Array(97), le64(0n)]), /expected 576/);
    const data = rawLog().data;
    const at = (byte: number) => 2 + byte * 2;
    expectMalformed(
      { ...rawLog(), data: `${data.slice(0, at(31))}a1${data.slice(at(32))}` },
      /pubkey offset 161, expected 160/,
    );
    expectMalformed(
      { ...rawLog(), data: `${data.slice(0, at(191))}31${data.slice(at(192))}` },
      /pubkey length 49, expected 48/,
    );
    expectMalformed(
      { ...rawLog(), data: `${data.slice(0, at(240))}01${data.slice(at(241))}` },
      /pubkey padding is not zero/,
    );
    expectMalformed({ ...rawLog(), data: `${data.slice(0, -2)}01` }, /index padding is not zero/);
    expectMalformed({ ...rawLog(), topics: [`0x${"00".repeat(32)}`] }, /is not DepositEvent/);
    expectMalformed({ ...rawLog(), data: "0xzz" }, /not hex/);
  });
});
