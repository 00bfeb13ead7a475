// Submitting a signed voluntary exit to a node (beacon-APIs `POST /eth/v1/beacon/pool/voluntary_exits`), in the JSON
// form the reference deposit CLI writes (sdk/exit/exitTransactionJson.ts). Signing happens offline (btc20-deposit,
// btc20-validator); this checks the file's shape (ExitError BAD_EXIT_JSON) and sends it; the node checks the rest.
import {
  parseSignedVoluntaryExitJson,
  type SignedVoluntaryExitJson,
  signedVoluntaryExitToJson,
} from "../exit/index.js";
import { type BeaconApiOptions, postJson } from "./http.js";

/** Sends a signed exit (file text or parsed JSON) to the node's pool; HTTP 400 from the node if it is not valid. */
export async function submitVoluntaryExit(
  opts: BeaconApiOptions,
  signedExit: string | unknown,
): Promise<SignedVoluntaryExitJson> {
  const json = signedVoluntaryExitToJson(parseSignedVoluntaryExitJson(signedExit));
  await postJson(opts, "/eth/v1/beacon/pool/voluntary_exits", json);
  return json;
}
