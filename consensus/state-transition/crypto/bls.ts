// BLS signatures of the spec ("Crypto", "BLS signatures"): the SDK's implementation, re-exported so the state
// transition has one import point.
export { bls } from "../../../sdk/crypto/bls/index.js";
