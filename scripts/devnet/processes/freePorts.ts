// Free TCP ports on 127.0.0.1 for the devnet's REST and p2p listeners: each found by binding port 0, all held until
// every one is known so that no two are the same, then released for the processes to bind (fixed ports, so a node
// restarts on the address its peers know).
import { createServer, type Server } from "node:net";

export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  const ports: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
      });
      ports.push((server.address() as { port: number }).port);
    }
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
  return ports;
}
