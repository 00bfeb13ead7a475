// DutiesService: duties are fetched once per epoch and again only when a head event's dependent root differs from
// the one they were computed from (beacon-APIs: attester duties of the head's epoch depend on
// previous_duty_dependent_root; attester duties of the next epoch and proposer duties on current_duty_dependent_root).
import { expect } from "chai";
import { createDevnetConfig } from "../../../consensus/node/config/devnetParams.js";
import { ValidatorSigner } from "../../../consensus/validator/signer.js";
import { SlashingProtectionDb } from "../../../consensus/validator/slashing-protection/index.js";
import { BeaconNodes } from "../../../consensus/validator-client/beaconNodes.js";
import { DutiesService } from "../../../consensus/validator-client/duties.js";
import { ValidatorStore } from "../../../consensus/validator-client/validatorStore.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { pubkeyHex } from "./chainFixture.js";
import { type HttpDouble, json, startHttpDouble } from "./httpDouble.js";

const root = (b: number) => `0x${b.toString(16).padStart(2, "0").repeat(32)}`;

describe("consensus/validator-client DutiesService", () => {
  const cfg = createDevnetConfig();
  const [key] = devnetKeys(0, 1);
  const pk = pubkeyHex(key!);
  let node: HttpDouble;
  const dependent = { attester: new Map<number, string>(), proposer: new Map<number, string>() };

  beforeEach(async () => {
    node = await startHttpDouble({
      "POST /eth/v1/beacon/states/head/validators": (_q, _b, res) =>
        json(res, 200, { data: [{ index: "3", balance: "1", status: "active_ongoing", validator: { pubkey: pk } }] }),
      "POST /eth/v1/validator/beacon_committee_subscriptions": (_q, _b, res) => json(res, 200, {}),
    });
    for (const e of [0, 1, 2, 3]) {
      node.routes.set(`GET /eth/v1/validator/duties/proposer/${e}`, (_q, _b, res) =>
        json(res, 200, {
          dependent_root: dependent.proposer.get(e),
          execution_optimistic: false,
          data: [{ pubkey: pk, validator_index: "3", slot: String(e * cfg.SLOTS_PER_EPOCH + 1) }],
        }),
      );
      node.routes.set(`POST /eth/v1/validator/duties/attester/${e}`, (_q, body, res) => {
        expect(JSON.parse(body)).to.deep.equal(["3"]);
        json(res, 200, {
          dependent_root: dependent.attester.get(e),
          execution_optimistic: false,
          data: [
            {
              pubkey: pk,
              validator_index: "3",
              committee_index: "0",
              committee_length: "4",
              committees_at_slot: "1",
              validator_committee_index: "2",
              slot: String(e * cfg.SLOTS_PER_EPOCH + 5),
            },
          ],
        });
      });
    }
  });
  afterEach(() => node.close());

  it("fetches once per epoch, refetches only the duties whose dependent root changed", async () => {
    // as on a real chain: attester duties of e+1 and proposer duties of e share one dependent root
    for (const e of [0, 1, 2, 3]) {
      dependent.attester.set(e, root(10 + e));
      dependent.proposer.set(e, root(11 + e));
    }
    const signer = new ValidatorSigner(cfg, [], new SlashingProtectionDb(":memory:"));
    const store = new ValidatorStore(signer);
    store.add({ ...key!, pubkeyHex: pk, path: "", readonly: true }, null);
    const ctx = () => ({
      fork: { previousVersion: cfg.GENESIS_FORK_VERSION, currentVersion: cfg.GENESIS_FORK_VERSION, epoch: 0 },
      genesisValidatorsRoot: new Uint8Array(32),
      slot: 8,
    });
    const duties = new DutiesService(cfg, new BeaconNodes([node.url], { timeoutMs: 2000 }), store, ctx);
    await duties.pollEpoch(1);
    expect(duties.requests).to.equal(3); // proposer(1), attester(1), attester(2)
    expect(duties.proposerDutiesAt(cfg.SLOTS_PER_EPOCH + 1)).to.have.length(1);
    const [att] = duties.attesterDutiesAt(cfg.SLOTS_PER_EPOCH + 5);
    expect(att).to.include({ validatorIndex: 3, committeeIndex: 0, committeeLength: 4, validatorCommitteeIndex: 2 });
    // committees of 4 with TARGET_AGGREGATORS_PER_COMMITTEE 16: every member aggregates
    expect(att!.isAggregator).to.equal(true);
    await duties.pollEpoch(1);
    expect(duties.requests).to.equal(3);

    // heads of epoch 1 with the known roots: nothing refetched
    const head = (slot: number, prev: string, cur: string) => ({
      slot: String(slot),
      block: root(1),
      state: root(2),
      epoch_transition: false,
      previous_duty_dependent_root: prev,
      current_duty_dependent_root: cur,
    });
    for (let s = 8; s < 12; s++) duties.onHead(head(s, root(11), root(12)));
    await new Promise((r) => setTimeout(r, 100));
    expect(duties.requests).to.equal(3);
    expect(node.requests.filter((r) => r.includes("duties"))).to.have.length(3);

    // a reorg changed the current dependent root: proposer duties of epoch 1 and attester duties of epoch 2 refetched
    dependent.proposer.set(1, root(99));
    dependent.attester.set(2, root(99));
    duties.onHead(head(12, root(11), root(99)));
    await new Promise((r) => setTimeout(r, 200));
    expect(duties.requests).to.equal(5);
    expect(duties.dependentRoots().proposer.get(1)).to.equal(root(99));
    expect(duties.dependentRoots().attester.get(2)).to.equal(root(99));
    expect(duties.dependentRoots().attester.get(1)).to.equal(root(11));
  });
});
