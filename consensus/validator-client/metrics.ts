// Prometheus metrics of btc20-validator (prom-client): duties performed and missed, signing latency, beacon node
// errors, keys held and their doppelganger state.
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export type Duty = "proposal" | "attestation" | "aggregate";

export interface ValidatorMetrics {
  registry: Registry;
  dutiesPerformed: Counter<"duty">;
  dutiesMissed: Counter<"duty">;
  slashingProtectionRefusals: Counter<"duty">;
  signingSeconds: Histogram<"kind">;
  beaconNodeErrors: Counter<"node">;
  beaconNodeHealthy: Gauge<"node">;
  dutiesRefetched: Counter<"kind">;
  keys: Gauge<"state">;
  dutySeconds: Histogram<"duty">;
}

export function createValidatorMetrics(): ValidatorMetrics {
  const registry = new Registry();
  const r = [registry];
  return {
    registry,
    dutiesPerformed: new Counter({
      name: "validator_duties_performed_total",
      help: "Duties done and published (one per validator and duty)",
      labelNames: ["duty"],
      registers: r,
    }),
    dutiesMissed: new Counter({
      name: "validator_duties_missed_total",
      help: "Duties that could not be done (beacon node errors, timeouts)",
      labelNames: ["duty"],
      registers: r,
    }),
    slashingProtectionRefusals: new Counter({
      name: "validator_slashing_protection_refusals_total",
      help: "Signatures refused by the slashing-protection database",
      labelNames: ["duty"],
      registers: r,
    }),
    signingSeconds: new Histogram({
      name: "validator_signing_seconds",
      help: "Time to check slashing protection and sign one message",
      labelNames: ["kind"],
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5],
      registers: r,
    }),
    beaconNodeErrors: new Counter({
      name: "validator_beacon_node_errors_total",
      help: "Failed requests to a beacon node",
      labelNames: ["node"],
      registers: r,
    }),
    beaconNodeHealthy: new Gauge({
      name: "validator_beacon_node_healthy",
      help: "1 when the beacon node answered its last health check",
      labelNames: ["node"],
      registers: r,
    }),
    dutiesRefetched: new Counter({
      name: "validator_duties_refetched_total",
      help: "Duty refetches because a head event changed the dependent root",
      labelNames: ["kind"],
      registers: r,
    }),
    keys: new Gauge({
      name: "validator_keys",
      help: "Keys held, by state (active: signing; doppelganger: waiting; detected: refused)",
      labelNames: ["state"],
      registers: r,
    }),
    dutySeconds: new Histogram({
      name: "validator_duty_seconds",
      help: "Time from a duty's start to its publication, beacon node round trips included",
      labelNames: ["duty"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers: r,
    }),
  };
}
