export * from "./activationQueue.js";
export * from "./errors.js";
export { type BeaconApiOptions, normalizePubkey } from "./http.js";
export * from "./validatorStatus.js";
export * from "./validatorStatuses.js";
export * from "./validatorStatusMany.js";
export * from "./voluntaryExit.js";
export * from "./watchActivation.js";
