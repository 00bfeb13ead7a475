export * from "./btc20.js";
export * from "./coinAmount.js";
export * from "./deploymentRecord.js";
export * from "./errors.js";
export * from "./ethereum.js";
export * from "./hexBytes.js";
export * from "./loadNetworkConfig.js";
export * from "./registry.js";
export type * from "./types.js";
