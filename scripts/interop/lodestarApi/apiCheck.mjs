// Parses btc20-node's Beacon API answers with @lodestar/api 1.23.0 and Lodestar's own SSZ types (JSON, and SSZ where
// Lodestar asks for it): missing fields, wrong hex lengths or types fail. Copied next to the install (it imports
// @lodestar/*) and run by scripts/interop/lodestarApiCheck.ts: `node apiCheck.mjs <url> <info json>`, where info
// is {slot, nextSlot, randaoReveal} (a reveal of the proposer of nextSlot). Exits 1 if any check failed.
import { setActivePreset } from "@lodestar/params/setPreset";

const [baseUrl, infoJson] = process.argv.slice(2);
const info = JSON.parse(infoJson);
const spec = (await (await fetch(`${baseUrl}/eth/v1/config/spec`)).json()).data;

// Lodestar checks every preset value: start from the nearest preset and override what the node's spec changes
// (what Lodestar >= 1.8 does with --presetFile); must happen before any other Lodestar module loads.
const base = spec.SLOTS_PER_EPOCH === "32" ? "mainnet" : "minimal";
const { minimalPreset } = await import("@lodestar/params/presets/minimal");
const { mainnetPreset } = await import("@lodestar/params/presets/mainnet");
const overrides = {};
for (const [k, v] of Object.entries(base === "mainnet" ? mainnetPreset : minimalPreset)) {
  if (typeof v === "number" && spec[k] !== undefined && Number(spec[k]) !== v) overrides[k] = Number(spec[k]);
}
setActivePreset(base, overrides);
const { createChainForkConfig, chainConfigFromJson } = await import("@lodestar/config");
const { getClient } = await import("@lodestar/api");
const { ssz } = await import("@lodestar/types");

const never = "18446744073709551615";
const forks = ["ALTAIR", "BELLATRIX", "CAPELLA", "DENEB", "ELECTRA"].map((f) => [`${f}_FORK_EPOCH`, never]);
const config = createChainForkConfig(chainConfigFromJson({ ...spec, PRESET_BASE: base, ...Object.fromEntries(forks) }));
const json = getClient({ baseUrl, globalInit: { responseWireFormat: "json" } }, { config });
const wireDefault = getClient({ baseUrl }, { config }); // Lodestar's default: SSZ preferred where the route has it
const fromHex = (h) => Uint8Array.from(Buffer.from(h.slice(2), "hex"));

let failed = 0;
async function check(name, run) {
  try {
    const detail = await run();
    console.log(`ok    ${name}${detail === undefined ? "" : `  ${detail}`}`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${name}: ${e.message.split("\n")[0]}`);
  }
}
const { slot, nextSlot } = info;
const epoch = Math.floor(slot / Number(spec.SLOTS_PER_EPOCH));
const reveal = info.randaoReveal ? fromHex(info.randaoReveal) : null;
const produce = async (name, run) => (reveal ? check(name, run) : console.log(`skip  ${name}: no randao reveal`));

await check("GET config/fork_schedule", async () => (await json.config.getForkSchedule()).value().length);
await check("GET states/head/fork", async () => (await json.beacon.getStateFork({ stateId: "head" })).value().epoch);
await check("POST states/head/validators", async () => {
  const r = await json.beacon.postStateValidators({
    stateId: "head",
    validatorIds: [0, 1],
    statuses: ["active_ongoing"],
  });
  return r.value().length;
});
await check("GET states/head/validator_balances", async () => {
  return (await json.beacon.getStateValidatorBalances({ stateId: "head", validatorIds: [0] })).value().length;
});
await check(
  "GET states/head/committees",
  async () => (await json.beacon.getEpochCommittees({ stateId: "head" })).value().length,
);
await check("GET duties/proposer (current)", async () => {
  const r = await json.validator.getProposerDuties({ epoch });
  return `${r.value().length} duties, dependent_root ${r.meta().dependentRoot.slice(0, 10)}..`;
});
await check(
  "GET duties/proposer (next)",
  async () => (await json.validator.getProposerDuties({ epoch: epoch + 1 })).value().length,
);
await check("POST duties/attester", async () => {
  const r = await json.validator.getAttesterDuties({ epoch, indices: [0, 1, 2, 3] });
  return `${r.value().length} duties, dependent_root ${r.meta().dependentRoot.slice(0, 10)}..`;
});
await check("POST beacon_committee_subscriptions", async () => {
  const sub = { validatorIndex: 1, committeeIndex: 0, committeesAtSlot: 1, slot: nextSlot, isAggregator: false };
  (await json.validator.prepareBeaconCommitteeSubnet({ subscriptions: [sub] })).assertOk();
});
await check(
  "GET attestation_data",
  async () => (await json.validator.produceAttestationData({ committeeIndex: 0, slot })).value().slot,
);
await check("GET aggregate_attestation", async () => {
  const data = (await json.validator.produceAttestationData({ committeeIndex: 0, slot })).value();
  const attestationDataRoot = ssz.phase0.AttestationData.hashTreeRoot(data);
  return (await json.validator.getAggregatedAttestation({ attestationDataRoot, slot })).value().aggregationBits.bitLen;
});
await check("GET pool/attestations", async () => (await json.beacon.getPoolAttestations({ slot })).value().length);
await check("GET pool/voluntary_exits", async () => (await json.beacon.getPoolVoluntaryExits()).value().length);
await check("GET pool/proposer_slashings", async () => (await json.beacon.getPoolProposerSlashings()).value().length);
await check("GET pool/attester_slashings", async () => (await json.beacon.getPoolAttesterSlashings()).value().length);
await produce("GET v2 validator/blocks (JSON)", async () => {
  return (await json.validator.produceBlockV2({ slot: nextSlot, randaoReveal: reveal, graffiti: "btc20" })).meta()
    .version;
});
await produce("GET v3 validator/blocks (JSON)", async () => {
  const r = await json.validator.produceBlockV3({ slot: nextSlot, randaoReveal: reveal, graffiti: "btc20" });
  return `slot ${r.value().slot}, ${JSON.stringify(r.meta(), (_k, v) => (typeof v === "bigint" ? String(v) : v))}`;
});
await produce("GET v3 validator/blocks (default wire)", async () => {
  const r = await wireDefault.validator.produceBlockV3({ slot: nextSlot, randaoReveal: reveal, graffiti: "btc20" });
  return `slot ${r.value().slot} over ${r.wireFormat()}`;
});
await check("POST pool/attestations rejects an invalid one with 400", async () => {
  const r = await json.beacon.submitPoolAttestations({ signedAttestations: [ssz.phase0.Attestation.defaultValue()] });
  if (r.ok || r.status !== 400) throw new Error(`expected 400, got ${r.status}`);
  return r.status;
});
console.log(failed === 0 ? "all checks passed" : `${failed} check(s) failed`);
process.exit(failed === 0 ? 0 : 1);
