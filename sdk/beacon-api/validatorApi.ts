// Typed client for the Beacon API routes a validator client needs (ethereum/beacon-APIs "Validator" and "Beacon"
// namespaces, phase0). One instance talks to one node; fallback between nodes is the caller's business.
import { BeaconApiError } from "./errors.js";
import { type BeaconApiOptions, requestJson } from "./http.js";
import { type SseEvent, streamEvents } from "./sse.js";
import type {
  AttesterDutyJson,
  BeaconCommitteeSubscriptionJson,
  DutiesJson,
  ForkJson,
  GenesisJson,
  Json,
  LivenessJson,
  ProducedBlockJson,
  ProposerDutyJson,
  SyncingJson,
  ValidatorJson,
} from "./validatorApiTypes.js";
import { submitVoluntaryExit } from "./voluntaryExit.js";

const data = <T>(body: unknown, what: string): T => {
  const d = (body as { data?: unknown } | null)?.data;
  if (d === undefined || d === null) throw new BeaconApiError("INVALID_RESPONSE", `${what}: response has no data`);
  return d as T;
};

/** true for answers that mean "this node does not serve that route" (try the older/newer variant). */
const isMissingRoute = (e: unknown) =>
  e instanceof BeaconApiError && e.code === "HTTP_ERROR" && (e.status === 404 || e.status === 405);

export class ValidatorApiClient {
  constructor(readonly opts: BeaconApiOptions) {}

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  private req(path: string, init?: Parameters<typeof requestJson>[2]) {
    return requestJson(this.opts, path, init);
  }

  /** GET /eth/v1/beacon/genesis; null before genesis (404). */
  async getGenesis(): Promise<GenesisJson | null> {
    const body = await this.req("/eth/v1/beacon/genesis", { allow404: true });
    return body === null ? null : data<GenesisJson>(body, "genesis");
  }

  /** GET /eth/v1/config/spec: every config value as a string. */
  async getSpec(): Promise<Record<string, string>> {
    return data(await this.req("/eth/v1/config/spec"), "config/spec");
  }

  /** GET /eth/v1/beacon/states/{state_id}/fork */
  async getStateFork(stateId = "head"): Promise<ForkJson> {
    return data(await this.req(`/eth/v1/beacon/states/${stateId}/fork`), "states/fork");
  }

  /** GET /eth/v1/node/syncing */
  async getSyncing(): Promise<SyncingJson> {
    return data(await this.req("/eth/v1/node/syncing"), "node/syncing");
  }

  /**
   * POST /eth/v1/beacon/states/{state_id}/validators with ids (indices or pubkeys) and optional statuses; falls back
   * to the GET form (repeated `id`, at most 64 per request) on nodes that do not serve the POST.
   */
  async getValidators(
    ids: readonly string[],
    stateId = "head",
    statuses: readonly string[] = [],
  ): Promise<ValidatorJson[]> {
    try {
      const body = await this.req(`/eth/v1/beacon/states/${stateId}/validators`, {
        method: "POST",
        body: { ids, ...(statuses.length > 0 ? { statuses } : {}) },
      });
      return data(body, "states/validators");
    } catch (e) {
      if (!isMissingRoute(e)) throw e;
    }
    const out: ValidatorJson[] = [];
    for (let i = 0; i < ids.length; i += 64) {
      const q = [
        ...ids.slice(i, i + 64).map((id) => `id=${encodeURIComponent(id)}`),
        ...statuses.map((s) => `status=${s}`),
      ];
      out.push(
        ...data<ValidatorJson[]>(
          await this.req(`/eth/v1/beacon/states/${stateId}/validators?${q.join("&")}`),
          "validators",
        ),
      );
    }
    return out;
  }

  /** GET /eth/v1/validator/duties/proposer/{epoch}: every proposer of the epoch. */
  async getProposerDuties(epoch: number): Promise<DutiesJson<ProposerDutyJson>> {
    return (await this.req(`/eth/v1/validator/duties/proposer/${epoch}`)) as DutiesJson<ProposerDutyJson>;
  }

  /** POST /eth/v1/validator/duties/attester/{epoch} for these validator indices. */
  async getAttesterDuties(epoch: number, indices: readonly number[]): Promise<DutiesJson<AttesterDutyJson>> {
    return (await this.req(`/eth/v1/validator/duties/attester/${epoch}`, {
      method: "POST",
      body: indices.map(String),
    })) as DutiesJson<AttesterDutyJson>;
  }

  /**
   * Produces an unsigned block: /eth/v3/validator/blocks/{slot} (the current standard), else v2, else v1 on nodes
   * that serve only older routes. `graffiti` is 0x-hex bytes32.
   */
  async produceBlock(slot: number, randaoReveal: string, graffiti: string): Promise<ProducedBlockJson> {
    const q = `randao_reveal=${randaoReveal}&graffiti=${graffiti}`;
    for (const v of ["v3", "v2"] as const) {
      try {
        const body = (await this.req(`/eth/${v}/validator/blocks/${slot}?${q}`)) as { version?: string; data?: Json };
        return { version: body.version ?? "phase0", data: data<Json>(body, `${v} produce block`) };
      } catch (e) {
        if (!isMissingRoute(e)) throw e;
      }
    }
    const body = await this.req(`/eth/v1/validator/blocks/${slot}?${q}`);
    return { version: "phase0", data: data<Json>(body, "v1 produce block") };
  }

  /** POST /eth/v2/beacon/blocks (Eth-Consensus-Version header), or v1 on older nodes. */
  async publishBlock(signedBlock: Json, version = "phase0"): Promise<void> {
    try {
      await this.req("/eth/v2/beacon/blocks?broadcast_validation=gossip", {
        method: "POST",
        body: signedBlock,
        headers: { "eth-consensus-version": version },
      });
      return;
    } catch (e) {
      if (!isMissingRoute(e)) throw e;
    }
    await this.req("/eth/v1/beacon/blocks", { method: "POST", body: signedBlock });
  }

  /** GET /eth/v1/validator/attestation_data */
  async getAttestationData(slot: number, committeeIndex: number): Promise<Json> {
    const body = await this.req(`/eth/v1/validator/attestation_data?slot=${slot}&committee_index=${committeeIndex}`);
    return data(body, "attestation_data");
  }

  /** POST /eth/v1/beacon/pool/attestations */
  async submitAttestations(attestations: Json[]): Promise<void> {
    await this.req("/eth/v1/beacon/pool/attestations", { method: "POST", body: attestations });
  }

  /** GET /eth/v1/validator/aggregate_attestation; null if the node has none for that data (404). */
  async getAggregateAttestation(slot: number, attestationDataRoot: string): Promise<Json | null> {
    const body = await this.req(
      `/eth/v1/validator/aggregate_attestation?attestation_data_root=${attestationDataRoot}&slot=${slot}`,
      { allow404: true },
    );
    return body === null ? null : data(body, "aggregate_attestation");
  }

  /** POST /eth/v1/validator/aggregate_and_proofs */
  async publishAggregateAndProofs(signed: Json[]): Promise<void> {
    await this.req("/eth/v1/validator/aggregate_and_proofs", { method: "POST", body: signed });
  }

  /** POST /eth/v1/validator/beacon_committee_subscriptions */
  async prepareBeaconCommitteeSubnets(subs: BeaconCommitteeSubscriptionJson[]): Promise<void> {
    await this.req("/eth/v1/validator/beacon_committee_subscriptions", { method: "POST", body: subs });
  }

  /** POST /eth/v1/beacon/pool/voluntary_exits */
  async submitVoluntaryExit(signedExit: Json): Promise<void> {
    await submitVoluntaryExit(this.opts, signedExit);
  }

  /** POST /eth/v1/validator/liveness/{epoch}: whether each validator was seen active in the epoch. */
  async getLiveness(epoch: number, indices: readonly number[]): Promise<LivenessJson[]> {
    return data(
      await this.req(`/eth/v1/validator/liveness/${epoch}`, { method: "POST", body: indices.map(String) }),
      "liveness",
    );
  }

  /** GET /eth/v1/events?topics=...: calls `onEvent` for each event until `signal` aborts or the stream ends. */
  streamEvents(topics: readonly string[], onEvent: (e: SseEvent) => void, signal: AbortSignal): Promise<void> {
    return streamEvents(this.opts, topics, onEvent, signal);
  }
}
