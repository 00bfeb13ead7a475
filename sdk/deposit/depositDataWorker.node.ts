// Worker thread of DepositDataPool: derives keys and signs deposits for one index range per request.
import { parentPort } from "node:worker_threads";
import { bls } from "../crypto/bls/index.js";
import type { DepositDataJob, DepositDataReply } from "./depositDataPool.node.js";
import { generateDepositData } from "./generateDepositData.js";

parentPort!.on("message", (job: DepositDataJob) => {
  let reply: DepositDataReply;
  try {
    reply = { call: job.call, id: job.id, validators: generateDepositData({ ...job.input, bls }) };
  } catch (e) {
    const error = e as { code?: string; message?: string };
    reply = { call: job.call, id: job.id, error: { code: error.code, message: error.message ?? String(e) } };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage("ready");
