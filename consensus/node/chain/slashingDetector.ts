// Catches the slashable offences in what the node sees (the proposer-slashing conditions of process_proposer_slashing
// and phase0 is_slashable_attestation_data): two different signed headers from one proposer at one slot; two
// different attestation data signed by one validator for the same target epoch (double vote), or one vote
// surrounding another (surround vote). Votes are kept per validator for the epochs not yet pruned.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type {
  AttesterSlashing,
  IndexedAttestation,
  ProposerSlashing,
  SignedBeaconBlock,
  SignedBeaconBlockHeader,
} from "../../types/index.js";
import { toRootHex } from "./rootHex.js";

export class SlashingDetector {
  private readonly proposals = new Map<string, SignedBeaconBlockHeader>();
  private readonly votes = new Map<string, { dataRoot: string; indexed: IndexedAttestation }>();
  /** per validator: its votes (source, target), for surround checks */
  private readonly history = new Map<number, { source: number; target: number; indexed: IndexedAttestation }[]>();
  private readonly reported = new Set<string>();

  constructor(private readonly cfg: BeaconConfig) {}

  onBlock(signed: SignedBeaconBlock): ProposerSlashing | null {
    const b = signed.message;
    const header: SignedBeaconBlockHeader = {
      message: {
        slot: b.slot,
        proposerIndex: b.proposerIndex,
        parentRoot: b.parentRoot,
        stateRoot: b.stateRoot,
        bodyRoot: this.cfg.types.BeaconBlockBody.hashTreeRoot(b.body),
      },
      signature: signed.signature,
    };
    const key = `${b.proposerIndex}:${b.slot}`;
    const seen = this.proposals.get(key);
    if (!seen) {
      this.proposals.set(key, header);
      return null;
    }
    if (this.cfg.types.BeaconBlockHeader.equals(seen.message, header.message) || this.reported.has(`p${key}`)) {
      return null;
    }
    this.reported.add(`p${key}`);
    return { signedHeader1: seen, signedHeader2: header };
  }

  /** `indexed` must carry a verified signature. */
  onAttestation(indexed: IndexedAttestation): AttesterSlashing | null {
    const dataRoot = toRootHex(this.cfg.types.AttestationData.hashTreeRoot(indexed.data));
    const source = indexed.data.source.epoch;
    const target = indexed.data.target.epoch;
    let found: AttesterSlashing | null = null;
    for (const v of indexed.attestingIndices) {
      const key = `${v}:${target}`;
      const seen = this.votes.get(key);
      if (!seen) {
        this.votes.set(key, { dataRoot, indexed });
        const past = this.history.get(v) ?? [];
        for (const p of past) {
          const newSurrounds = source < p.source && p.target < target;
          const oldSurrounds = p.source < source && target < p.target;
          if ((newSurrounds || oldSurrounds) && !found && !this.reported.has(`s${v}:${p.target}:${target}`)) {
            this.reported.add(`s${v}:${p.target}:${target}`);
            // process_attester_slashing checks is_slashable_attestation_data(attestation_1, attestation_2), where
            // attestation_1 must be the surrounding vote
            found = newSurrounds
              ? { attestation1: indexed, attestation2: p.indexed }
              : { attestation1: p.indexed, attestation2: indexed };
          }
        }
        past.push({ source, target, indexed });
        this.history.set(v, past);
        continue;
      }
      if (seen.dataRoot !== dataRoot && !found && !this.reported.has(`a${key}`)) {
        this.reported.add(`a${key}`);
        found = { attestation1: seen.indexed, attestation2: indexed };
      }
    }
    return found;
  }

  /** Forgets records older than `epoch` (they can no longer be included as slashings cheaply). */
  prune(epoch: number): void {
    for (const key of this.votes.keys()) if (Number(key.split(":")[1]) < epoch) this.votes.delete(key);
    for (const [v, past] of this.history) {
      const kept = past.filter((p) => p.target >= epoch);
      if (kept.length === 0) this.history.delete(v);
      else this.history.set(v, kept);
    }
    const minSlot = epoch * this.cfg.SLOTS_PER_EPOCH;
    for (const key of this.proposals.keys()) if (Number(key.split(":")[1]) < minSlot) this.proposals.delete(key);
  }
}
