// Node entry of the BTC20 SDK: the browser-safe API plus the Node-only helpers (files, worker-thread keystores).
export * from "./browser.js";
export * from "./deposit/depositDataFile.node.js";
export * from "./deposit/depositDataPool.node.js";
export * from "./exit/exitTransactionFile.node.js";
export * from "./node/keystoreFile.js";
export * from "./node/keystorePool.js";
