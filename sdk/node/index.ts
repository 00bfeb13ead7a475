// Node-only SDK parts: bulk keystore encryption on worker threads and keystore files on disk.
export * from "./keystoreFile.js";
export * from "./keystorePool.js";
