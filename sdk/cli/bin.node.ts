// Entry of the `btc20-deposit` bin (started by bin/btc20-deposit.js).
import { main } from "./main.node.js";

// `btc20-deposit --help | head`: a reader that stops early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
