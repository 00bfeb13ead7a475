// Gas benchmark of the deposit contract (issue 2, "Gas"): `npm run bench:gas` (= `hardhat run bench/gas.ts`).
// Measures on Hardhat's simulated network, with the optimizer settings of hardhat.config.ts (what ships):
// deployment, runtime size, the first and the 100th of 256 single deposits and their mean, get_deposit_root
// (estimateGas of the full call after 256 deposits), and the per-deposit cost of batches of N = 1, 10, 50, 100.
// Prints a table with each figure beside its target and the reference numbers; writes bench/results/gas.json.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import hre, { network } from "hardhat";
import { DepositData } from "../sdk/ssz/index.js";

const BTCC = 10n ** 18n;
const GWEI = 10n ** 9n;
const DEPOSIT_AMOUNT = 1000n * BTCC; // one validator's stake
const SINGLES = 256;
const TYPICAL = 100;
const BATCH_SIZES = [1, 10, 50, 100] as const;

/** Targets of issue 2 (gas; deployment is a strict upper bound). */
const TARGETS = { meanSingle256: 48_300, getDepositRoot: 40_000, batch100: 18_000, deployment: 1_379_411 };
/** Reference measurements quoted in issue 2: [Ethereum mainnet build, same source solc 0.8.30 viaIR, Gnosis SBC]. */
const REFERENCES: Record<string, string> = {
  firstDeposit: "",
  typicalDeposit: "56,466 / 52,037",
  meanSingle256: "54,150 / 50,059",
  getDepositRoot: "120,669 / 109,174",
  batch100: "Gnosis 17,959",
  deployment: "2,146,896 / 1,379,411",
  runtimeBytes: "6,358 / 2,844",
};

interface Deposit {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  signature: Uint8Array;
  amountWei: bigint;
  root: Uint8Array;
}

/** Random bytes without zeros: calldata cost is what matters, and zero bytes would make it look cheaper. */
function nonZeroBytes(length: number): Uint8Array {
  const bytes = randomBytes(length);
  for (let i = 0; i < length; i++) if (bytes[i] === 0) bytes[i] = 1;
  return bytes;
}

function randomDeposit(amountWei = DEPOSIT_AMOUNT): Deposit {
  const pubkey = nonZeroBytes(48);
  const withdrawalCredentials = nonZeroBytes(32);
  const signature = nonZeroBytes(96);
  const amount = Number(amountWei / GWEI);
  const root = DepositData.hashTreeRoot({ pubkey, withdrawalCredentials, amount, signature });
  return { pubkey, withdrawalCredentials, signature, amountWei, root };
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

const { ethers } = await network.create();
const [signer] = await ethers.getSigners();
await ethers.provider.send("hardhat_setBalance", [signer.address, ethers.toQuantity(10n ** 30n)]);
const factory = await ethers.getContractFactory("DepositContract");

async function deploy() {
  const contract = await factory.deploy();
  const receipt = await contract.deploymentTransaction()!.wait();
  return { contract, deployGas: Number(receipt!.gasUsed) };
}

async function singleDepositGas(contract: Awaited<ReturnType<typeof deploy>>["contract"], d: Deposit) {
  const tx = await contract.deposit(d.pubkey, d.withdrawalCredentials, d.signature, d.root, { value: d.amountWei });
  return Number((await tx.wait())!.gasUsed);
}

/** `batchDeposit(pubkeys, withdrawal_credentials, signatures, deposit_data_roots, amounts)` of either contract. */
interface BatchDepositor {
  batchDeposit: Awaited<ReturnType<typeof deploy>>["contract"]["batchDeposit"];
}

async function batchGas(contract: BatchDepositor, deposits: Deposit[]) {
  const total = deposits.reduce((sum, d) => sum + d.amountWei, 0n);
  const tx = await contract.batchDeposit(
    concat(deposits.map((d) => d.pubkey)),
    concat(deposits.map((d) => d.withdrawalCredentials)),
    concat(deposits.map((d) => d.signature)),
    deposits.map((d) => d.root),
    deposits.map((d) => d.amountWei),
    { value: total },
  );
  return Number((await tx.wait())!.gasUsed);
}

// Deployment and 256 single deposits.
const { contract, deployGas } = await deploy();
const runtimeBytes = ethers.getBytes(await ethers.provider.getCode(await contract.getAddress())).length;
const singles: number[] = [];
for (let i = 0; i < SINGLES; i++) singles.push(await singleDepositGas(contract, randomDeposit()));
const meanSingle256 = singles.reduce((a, b) => a + b, 0) / SINGLES;
const getDepositRoot = Number(await contract.get_deposit_root.estimateGas());

// Batches: on a fresh contract, and on one that already holds 256 deposits (the steady state).
const batchPerDeposit: Record<string, number> = {};
const batchPerDepositFresh: Record<string, number> = {};
for (const n of BATCH_SIZES) {
  const fresh = (await deploy()).contract;
  batchPerDepositFresh[n] =
    (await batchGas(
      fresh,
      Array.from({ length: n }, () => randomDeposit()),
    )) / n;
  const filled = (await deploy()).contract;
  await batchGas(
    filled,
    Array.from({ length: SINGLES }, () => randomDeposit()),
  );
  batchPerDeposit[n] =
    (await batchGas(
      filled,
      Array.from({ length: n }, () => randomDeposit()),
    )) / n;
}

// The design not taken: a separate batcher contract calling deposit() once per item (same state: 256 deposits).
const separateBatcherPerDeposit: Record<string, number> = {};
for (const n of [10, 100]) {
  const filled = (await deploy()).contract;
  await batchGas(
    filled,
    Array.from({ length: SINGLES }, () => randomDeposit()),
  );
  const batcher = (await ethers.deployContract("SeparateBatcher", [
    await filled.getAddress(),
  ])) as unknown as BatchDepositor;
  separateBatcherPerDeposit[n] =
    (await batchGas(
      batcher,
      Array.from({ length: n }, () => randomDeposit()),
    )) / n;
}

const profile = hre.config.solidity.profiles.default;
const compiler = profile.compilers[0];
const settings = compiler.settings as { viaIR?: boolean; optimizer?: unknown; evmVersion?: string };
const results = {
  firstDeposit: singles[0],
  typicalDeposit: singles[TYPICAL - 1],
  meanSingle256,
  getDepositRoot,
  batchPerDeposit,
  batchPerDepositFresh,
  separateBatcherPerDeposit,
  deployment: deployGas,
  runtimeBytes,
  solc: compiler.version,
  optimizer: { viaIR: settings.viaIR, optimizer: settings.optimizer, evmVersion: settings.evmVersion },
  measuredOn: `Hardhat ${(await import("hardhat/package.json", { with: { type: "json" } })).default.version} (EDR), ${SINGLES} single deposits of ${DEPOSIT_AMOUNT / BTCC} BTCC with random non-zero calldata`,
};

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const rows: [string, number, number | undefined, string][] = [
  ["first deposit", results.firstDeposit, undefined, REFERENCES.firstDeposit],
  [`deposit #${TYPICAL}`, results.typicalDeposit, undefined, REFERENCES.typicalDeposit],
  [`mean of ${SINGLES} deposits`, meanSingle256, TARGETS.meanSingle256, REFERENCES.meanSingle256],
  ["get_deposit_root (estimateGas)", getDepositRoot, TARGETS.getDepositRoot, REFERENCES.getDepositRoot],
  ...BATCH_SIZES.map((n): [string, number, number | undefined, string] => [
    `batch N=${n}, per deposit (after 256)`,
    batchPerDeposit[n],
    n === 100 ? TARGETS.batch100 : undefined,
    n === 100 ? REFERENCES.batch100 : "",
  ]),
  ...BATCH_SIZES.map((n): [string, number, number | undefined, string] => [
    `batch N=${n}, per deposit (fresh contract)`,
    batchPerDepositFresh[n],
    undefined,
    "",
  ]),
  ...[10, 100].map((n): [string, number, number | undefined, string] => [
    `separate batcher N=${n}, per deposit (design not taken)`,
    separateBatcherPerDeposit[n],
    undefined,
    "",
  ]),
  ["deployment", deployGas, TARGETS.deployment, REFERENCES.deployment],
  ["runtime bytecode (bytes)", runtimeBytes, undefined, REFERENCES.runtimeBytes],
];
console.log(`\nDepositContract gas — solc ${compiler.version}, ${JSON.stringify(results.optimizer)}\n`);
console.log("| measure | gas | target | ratio | reference (mainnet / 0.8.30 best build) |");
console.log("|---|---:|---:|---:|---|");
for (const [name, value, target, reference] of rows) {
  const ratio = target === undefined ? "" : `${(value / target).toFixed(3)}${value <= target ? " ok" : " OVER"}`;
  console.log(`| ${name} | ${fmt(value)} | ${target === undefined ? "" : fmt(target)} | ${ratio} | ${reference} |`);
}

const out = path.resolve(import.meta.dirname, "results", "gas.json");
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
