// A real node behind the Beacon API for the validator-endpoint tests: genesis from SDK deposits, one node with its
// chain service on a virtual clock, the API over NodeChainView + NodeValidatorApi, and a validator that performs
// its duties only through HTTP requests to that API (the way btc20-validator or Lodestar's client does).
import { BitArray } from "@chainsafe/ssz";
import type { FastifyInstance } from "fastify";
import { createBeaconApi } from "../../../consensus/api/server.js";
import type { BeaconNode } from "../../../consensus/node/beaconNode.js";
import { Scheduler } from "../../../consensus/node/clock/scheduler.js";
import type { SlotClock } from "../../../consensus/node/clock/slotClock.js";
import { NodeChainView } from "../../../consensus/node/nodeChainView.js";
import { NodeValidatorApi } from "../../../consensus/node/nodeValidatorApi.js";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../../consensus/types/index.js";
import { isAggregator } from "../../../consensus/validator/isAggregator.js";
import type { ValidatorKey } from "../../../consensus/validator/keystores.js";
import { ValidatorSigner } from "../../../consensus/validator/signer.js";
import { SlashingProtectionDb } from "../../../consensus/validator/slashing-protection/index.js";
import type { ValidatorClient } from "../../../consensus/validator/validatorClient.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { genesisFromDeposits } from "../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../scripts/devnet/runScenario.js";
import { createDevnetNodes } from "../../../scripts/devnet/simulation.js";

export const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field in the tests
  body: any;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** One entry of POST /eth/v1/validator/duties/attester/{epoch}. */
export interface AttesterDutyJson {
  pubkey: string;
  validator_index: string;
  committee_index: string;
  committee_length: string;
  committees_at_slot: string;
  validator_committee_index: string;
  slot: string;
}

export class ValidatorApiFixture {
  readonly signer: ValidatorSigner;
  /** what the API-driven validator did */
  readonly done = { proposed: 0, attested: 0, aggregated: 0 };

  private constructor(
    readonly cfg: BeaconConfig,
    readonly genesis: BeaconState,
    readonly keys: ValidatorKey[],
    readonly scheduler: Scheduler,
    readonly clock: SlotClock,
    readonly node: BeaconNode,
    /** the node's in-process validator client (holds every key; set offline before driving duties by API) */
    readonly inProcess: ValidatorClient,
    readonly app: FastifyInstance,
    /** every node of the devnet (the API serves `node`, the last one) */
    readonly nodes: BeaconNode[],
  ) {
    const protection = new SlashingProtectionDb(":memory:");
    protection.setGenesisValidatorsRoot(genesis.genesisValidatorsRoot);
    this.signer = new ValidatorSigner(cfg, keys, protection);
  }

  /** `nodeCount` nodes over the simulated network, keys split between their validator clients; API on the last. */
  static async start(validators = 8, nodeCount = 1): Promise<ValidatorApiFixture> {
    const cfg = createDevnetConfig();
    const keys = devnetKeys(0, validators);
    const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(0x42), 1_800_000_000, devnetDepositData(keys));
    const scheduler = new Scheduler("virtual", genesis.genesisTime - 0.5);
    const devnet = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount, scheduler });
    const node = devnet.nodes.at(-1)!;
    const view = new NodeChainView(cfg, node.chain, devnet.clock);
    const app = createBeaconApi(view, { validatorApi: new NodeValidatorApi({ node, clock: devnet.clock, view }) });
    await app.ready();
    for (const n of devnet.nodes) n.start();
    return new ValidatorApiFixture(
      cfg,
      genesis,
      keys,
      scheduler,
      devnet.clock,
      node,
      devnet.clients.at(-1)!,
      app,
      devnet.nodes,
    );
  }

  get chain() {
    return this.node.chain;
  }

  async close(): Promise<void> {
    this.scheduler.stop();
    await this.app.close();
  }

  /** Runs the node's clock to `interval` (0..2) of `slot`. */
  async runTo(slot: number, interval = 0): Promise<void> {
    await this.scheduler.runUntil(this.clock.timeAt(slot, interval) + 0.001);
  }

  async request(
    method: "GET" | "POST",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined
        ? {}
        : payload instanceof Uint8Array
          ? { payload: Buffer.from(payload), headers: { "content-type": "application/octet-stream", ...headers } }
          : { payload: payload as object }),
    });
    const json = /json/.test(String(res.headers["content-type"]));
    return { status: res.statusCode, body: json ? res.json() : undefined, headers: res.headers, raw: res.rawPayload };
  }

  get = (url: string, headers?: Record<string, string>) => this.request("GET", url, undefined, headers);
  post = (url: string, body: unknown, headers?: Record<string, string>) => this.request("POST", url, body, headers);

  pubkeyOf(index: number): Uint8Array {
    return this.genesis.validators[index]!.pubkey;
  }

  /** Signing needs only the fork and genesis_validators_root, fixed on this phase0 chain. */
  get signingState(): BeaconState {
    return this.genesis;
  }

  // ---- a validator client that knows the node only through the API ----

  /** Proposes at `slot` through v3 produce and v2 publish if one of the keys is the proposer. */
  async propose(slot: number): Promise<boolean> {
    const epoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
    const duties = await this.get(`/eth/v1/validator/duties/proposer/${epoch}`);
    const duty = duties.body.data.find((d: { slot: string }) => Number(d.slot) === slot);
    if (!duty) return false;
    const pubkey = this.pubkeyOf(Number(duty.validator_index));
    const reveal = this.signer.signRandao(this.signingState, pubkey, epoch);
    const produced = await this.get(`/eth/v3/validator/blocks/${slot}?randao_reveal=${hex(reveal)}`);
    if (produced.status !== 200)
      throw new Error(`produce ${slot}: ${produced.status} ${JSON.stringify(produced.body)}`);
    const block = this.cfg.types.BeaconBlock.fromJson(produced.body.data);
    const signature = this.signer.signBlock(this.signingState, pubkey, block);
    const published = await this.post(
      "/eth/v2/beacon/blocks",
      this.cfg.types.SignedBeaconBlock.toJson({ message: block, signature }),
      { "eth-consensus-version": "phase0" },
    );
    if (published.status !== 200)
      throw new Error(`publish ${slot}: ${published.status} ${JSON.stringify(published.body)}`);
    this.done.proposed++;
    return true;
  }

  /** The attester duties of all keys at `epoch`. */
  async attesterDuties(epoch: number): Promise<AttesterDutyJson[]> {
    const ids = this.keys.map((_, i) => String(i));
    const res = await this.post(`/eth/v1/validator/duties/attester/${epoch}`, ids);
    if (res.status !== 200) throw new Error(`attester duties ${epoch}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  }

  /** Attests at `slot` for every key with a duty there (attestation_data + pool/attestations). */
  async attest(slot: number): Promise<AttesterDutyJson[]> {
    const epoch = Math.floor(slot / this.cfg.SLOTS_PER_EPOCH);
    const duties = (await this.attesterDuties(epoch)).filter((d) => Number(d.slot) === slot);
    const atts = [];
    for (const d of duties) {
      const res = await this.get(
        `/eth/v1/validator/attestation_data?slot=${slot}&committee_index=${d.committee_index}`,
      );
      const data = this.cfg.types.AttestationData.fromJson(res.body.data);
      const signature = this.signer.signAttestation(this.signingState, this.pubkeyOf(Number(d.validator_index)), data);
      const bits = BitArray.fromSingleBit(Number(d.committee_length), Number(d.validator_committee_index));
      atts.push(this.cfg.types.Attestation.toJson({ aggregationBits: bits, data, signature }));
    }
    if (atts.length > 0) {
      const res = await this.post("/eth/v1/beacon/pool/attestations", atts);
      if (res.status !== 200) throw new Error(`attest ${slot}: ${res.status} ${JSON.stringify(res.body)}`);
      this.done.attested += atts.length;
    }
    return duties;
  }

  /** Aggregates at `slot` for the keys the selection proof picks (aggregate_attestation + aggregate_and_proofs). */
  async aggregate(slot: number, duties: AttesterDutyJson[]): Promise<void> {
    const signed = [];
    for (const d of duties) {
      const pubkey = this.pubkeyOf(Number(d.validator_index));
      const proof = this.signer.signSelectionProof(this.signingState, pubkey, slot);
      if (!isAggregator(this.cfg, Number(d.committee_length), proof)) continue;
      const data = await this.get(
        `/eth/v1/validator/attestation_data?slot=${slot}&committee_index=${d.committee_index}`,
      );
      const dataRoot = this.cfg.types.AttestationData.hashTreeRoot(
        this.cfg.types.AttestationData.fromJson(data.body.data),
      );
      const agg = await this.get(
        `/eth/v1/validator/aggregate_attestation?attestation_data_root=${hex(dataRoot)}&slot=${slot}`,
      );
      if (agg.status !== 200) continue;
      const message = {
        aggregatorIndex: Number(d.validator_index),
        aggregate: this.cfg.types.Attestation.fromJson(agg.body.data),
        selectionProof: proof,
      };
      const signature = this.signer.signAggregateAndProof(this.signingState, pubkey, message);
      signed.push(this.cfg.types.SignedAggregateAndProof.toJson({ message, signature }));
    }
    if (signed.length > 0) {
      const res = await this.post("/eth/v1/validator/aggregate_and_proofs", signed);
      if (res.status !== 200) throw new Error(`aggregate ${slot}: ${res.status} ${JSON.stringify(res.body)}`);
      this.done.aggregated += signed.length;
    }
  }

  /** Every duty of `slot`, at its interval, through the API only. */
  async driveSlot(slot: number): Promise<void> {
    await this.runTo(slot, 0);
    await this.propose(slot);
    await this.runTo(slot, 1);
    const duties = await this.attest(slot);
    await this.runTo(slot, 2);
    await this.aggregate(slot, duties);
  }
}
