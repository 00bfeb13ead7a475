// Catches the two slashable offences from what the node sees (phase0 "is_slashable_attestation_data" and the
// proposer-slashing conditions): two different signed headers from one proposer at one slot, and two different
// attestation data signed by one validator for the same target epoch (double vote). Surround votes are not tracked.
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
    for (const v of indexed.attestingIndices) {
      const key = `${v}:${indexed.data.target.epoch}`;
      const seen = this.votes.get(key);
      if (!seen) {
        this.votes.set(key, { dataRoot, indexed });
        continue;
      }
      if (seen.dataRoot !== dataRoot && !this.reported.has(`a${key}`)) {
        this.reported.add(`a${key}`);
        return { attestation1: seen.indexed, attestation2: indexed };
      }
    }
    return null;
  }

  /** Forgets records older than `epoch` (they can no longer be included as slashings cheaply). */
  prune(epoch: number): void {
    for (const key of this.votes.keys()) if (Number(key.split(":")[1]) < epoch) this.votes.delete(key);
    const minSlot = epoch * this.cfg.SLOTS_PER_EPOCH;
    for (const key of this.proposals.keys()) if (Number(key.split(":")[1]) < minSlot) this.proposals.delete(key);
  }
}
