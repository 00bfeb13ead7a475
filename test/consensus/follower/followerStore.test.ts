import { expect } from "chai";
import { FollowerError, FollowerStore, type StoredDeposit } from "../../../consensus/follower/index.js";
import { tempDataDir } from "./support/followerHarness.js";

function deposit(index: number, outcome: StoredDeposit["outcome"] = "new_validator"): StoredDeposit {
  return {
    index,
    blockNumber: 10 + index,
    blockHash: `0x${index.toString(16).padStart(64, "0")}`,
    transactionHash: `0x${"ab".repeat(32)}`,
    logIndex: 0,
    depositData: {
      pubkey: new Uint8Array(48).fill(index + 1),
      withdrawalCredentials: new Uint8Array(32),
      amount: 32e9,
      signature: new Uint8Array(96),
    },
    depositDataRoot: new Uint8Array(32).fill(index),
    outcome,
  };
}
const block = (n: number, count: number) => ({
  blockNumber: n,
  blockHash: `0x${n.toString(16).padStart(64, "0")}`,
  timestamp: 1000 + n,
  depositCount: count,
  depositRoot: new Uint8Array(32).fill(count),
});

describe("consensus/follower FollowerStore (node:sqlite file)", () => {
  const data = tempDataDir();
  after(() => data.remove());

  it("a batch that fails half way leaves nothing behind (one transaction), and the file reopens as committed", () => {
    const dir = `${data.dir}/atomic`;
    let store = FollowerStore.open(dir);
    store.writeBatch({
      deposits: [deposit(0), deposit(1)],
      blocks: [block(11, 2)],
      cursor: { blockNumber: 11, blockHash: "0x11" },
    });
    // deposit 3 twice: the second insert violates the primary key after deposit 2, block 13 and 3 were written
    expect(() =>
      store.writeBatch({
        deposits: [deposit(2), deposit(3), deposit(3)],
        blocks: [block(13, 4)],
        cursor: { blockNumber: 13, blockHash: "0x13" },
      }),
    ).to.throw();
    expect(store.nextDepositIndex()).to.equal(2);
    expect(store.getCursor()).to.deep.equal({ blockNumber: 11, blockHash: "0x11" });
    expect(store.getEth1Blocks(0, 1e9).map((b) => b.blockNumber)).to.deep.equal([11]);
    store.close();
    store = FollowerStore.open(dir);
    expect(store.nextDepositIndex()).to.equal(2);
    expect(store.validatorDepositIndex(deposit(1).depositData.pubkey)).to.equal(1);
    expect(store.validatorDepositIndex(deposit(2).depositData.pubkey)).to.equal(null);
    store.close();
  });

  it("rollback removes deposits, validators, invalid records and blocks after the fork point together", () => {
    const store = FollowerStore.open(`${data.dir}/rollback`);
    store.writeBatch({
      deposits: [deposit(0), deposit(1, "invalid_signature"), deposit(2), deposit(3, "top_up")],
      blocks: [block(10, 1), block(12, 3), block(13, 4)],
      cursor: { blockNumber: 13, blockHash: "0x13" },
    });
    store.rollback({ blockNumber: 10, blockHash: block(10, 1).blockHash }, 1);
    expect(store.nextDepositIndex()).to.equal(1);
    expect(store.getInvalidDeposits()).to.deep.equal([]);
    expect(store.validatorDepositIndex(deposit(2).depositData.pubkey)).to.equal(null);
    expect(store.getEth1Blocks(0, 1e9).map((b) => b.blockNumber)).to.deep.equal([10]);
    expect(store.getCursor()?.blockNumber).to.equal(10);
    store.close();
  });

  it("is bound to one chain and contract", () => {
    const store = FollowerStore.open(`${data.dir}/identity`);
    store.bindIdentity(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3");
    store.bindIdentity(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3");
    expect(() => store.bindIdentity(1, "0x5fbdb2315678afecb367f032d93f642f64180aa3"))
      .to.throw(FollowerError)
      .with.property("code", "STORE_MISMATCH");
    store.close();
  });
});
