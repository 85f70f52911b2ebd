/** Ports on the loopback interface for the servers a test starts of its own. */
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import type { Server } from 'node:http';

/** Listen on a free loopback port and answer it. */
export async function listen(server: Server | NetServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on a TCP port');
  return address.port;
}

/** A port free right now (for a server started in another process). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
