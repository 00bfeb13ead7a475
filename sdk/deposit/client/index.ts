export * from "./depositClient.js";
export * from "./depositContractAbi.js";
export * from "./depositEvents.js";
export * from "./errors.js";
export * from "./mapSendError.js";
