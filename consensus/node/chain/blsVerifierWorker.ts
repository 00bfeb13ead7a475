// Worker thread of BlsVerifierPool: verifies one packed batch of signature sets per message (one randomized
// multi-pairing, decoded public keys cached for the worker's lifetime) and answers whether all of them hold.
import { parentPort } from "node:worker_threads";
import { verifyAggregateSignatureSets } from "../../state-transition/crypto/verifyAggregateSignatureSets.js";
import { type SignatureSetsJob, type SignatureSetsReply, unpackSignatureSets } from "./signatureSetsJob.js";

parentPort!.on("message", (job: SignatureSetsJob) => {
  let reply: SignatureSetsReply;
  try {
    reply = { id: job.id, valid: verifyAggregateSignatureSets(unpackSignatureSets(job.sets)) };
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage("ready");
