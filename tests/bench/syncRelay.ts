/**
 * The floor under the sync server's propagation figure: a bare `ws` relay in this process that passes each
 * message to the other sockets of its group, with the same number of sockets and groups and the same
 * pattern of sends. What the server adds on top (Yjs, rights, storage) is the difference.
 */
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';

export async function relayBaselineMs(groups: number, perGroup: number, rounds: number): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('Relæet fik ingen port.');
  const members = new Map<string, Set<WebSocket>>();
  server.on('connection', (socket, request) => {
    const group = request.url ?? '/';
    const set = members.get(group) ?? new Set<WebSocket>();
    set.add(socket);
    members.set(group, set);
    socket.on('message', (data: Buffer) => set.forEach((other) => other !== socket && other.send(data)));
  });
  const clients: WebSocket[][] = [];
  try {
    for (let g = 0; g < groups; g++) {
      const group = await Promise.all(
        Array.from({ length: perGroup }, () => {
          const socket = new WebSocket(`ws://127.0.0.1:${address.port}/${g}`);
          return new Promise<WebSocket>((resolve, reject) => (socket.once('open', () => resolve(socket)), socket.once('error', reject)));
        }),
      );
      clients.push(group);
    }
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        clients.map(async (group, g) => {
          await new Promise((resolve) => setTimeout(resolve, g * 5));
          for (const [sender, socket] of group.entries()) {
            const message = `r${round}e${sender}`;
            const seen = group
              .filter((_, i) => i !== sender)
              .map((other) => new Promise<number>((resolve) => {
                const check = (data: Buffer): void => {
                  if (data.toString() === message) {
                    other.off('message', check);
                    resolve(performance.now());
                  }
                };
                other.on('message', check);
              }));
            const started = performance.now();
            socket.send(message);
            for (const at of await Promise.all(seen)) latencies.push(at - started);
          }
        }),
      );
    }
    return latencies;
  } finally {
    clients.flat().forEach((socket) => socket.terminate());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
