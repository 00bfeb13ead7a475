export * from "./errors.js";
export * from "./exitDomain.js";
export * from "./exitTransactionJson.js";
export * from "./signVoluntaryExit.js";
