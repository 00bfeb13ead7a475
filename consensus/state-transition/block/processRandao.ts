import { UintNum64 } from "../../../sdk/ssz/index.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlockBody, BeaconState } from "../../types/index.js";
import { getBeaconProposerIndex } from "../accessors/getBeaconProposerIndex.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getDomain } from "../accessors/getDomain.js";
import { getRandaoMix } from "../accessors/getRandaoMix.js";
import { setListItem } from "../caches/copyOnWrite.js";
import { bls } from "../crypto/bls.js";
import { hash } from "../crypto/hash.js";
import { check } from "../errors.js";
import { xor } from "../math/xor.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";

/** process_randao (phase0 beacon-chain.md, "RANDAO"): checks the proposer's reveal and mixes it in. */
export function processRandao(
  cfg: BeaconConfig,
  state: BeaconState,
  body: BeaconBlockBody,
  verifySignatures = true,
): void {
  const epoch = getCurrentEpoch(cfg, state);
  const proposerIndex = getBeaconProposerIndex(cfg, state);
  if (verifySignatures) {
    const signingRoot = computeSigningRoot(UintNum64, epoch, getDomain(cfg, state, cfg.DOMAIN_RANDAO));
    check(
      bls.verify(state.validators[proposerIndex].pubkey, signingRoot, body.randaoReveal),
      "INVALID_RANDAO_REVEAL",
      () => `the RANDAO reveal is not proposer ${proposerIndex}'s signature of epoch ${epoch}`,
    );
  }
  const mix = xor(getRandaoMix(cfg, state, epoch), hash(body.randaoReveal));
  setListItem(state, "randaoMixes", epoch % cfg.EPOCHS_PER_HISTORICAL_VECTOR, mix);
}
