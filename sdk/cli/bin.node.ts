// Entry of the `btc20-deposit` bin (started by bin/btc20-deposit.js).
import { main } from "./main.node.js";

process.exitCode = await main(process.argv);
