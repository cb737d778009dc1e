// The sync socket is compressed: the laptop's transport offers it with the small window, the server
// uses it, and a keystroke costs a few dozen bytes on the wire instead of three document names.
import { randomUUID } from 'node:crypto';
import { connect, type NetConnectOpts, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { addMeeting, laptop as transportLaptop, meetingDoc } from '../unit/sync/laptop';
import { shareForum } from './forum';
import { serverForSuite } from './suite';
import { sqliteStorage, type ServerProcess } from './serverProcess';

/** A `ws` socket that passes the transport's options on and counts the bytes its TCP connection carried. */
function countingSocket(tcp: Socket[], extensions: string[]): new (address: string, options?: ClientOptions) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, options?: ClientOptions) {
      super(address, {
        ...options,
        createConnection: ((opts: NetConnectOpts) => {
          const socket = connect(opts);
          tcp.push(socket);
          return socket;
        }) as typeof connect,
      });
      this.on('upgrade', (response) => extensions.push(String(response.headers['sec-websocket-extensions'])));
    }
  };
}

describe('synkroniseringens socket er komprimeret', () => {
  let server: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started));

  test('den bærbares transport forhandler det lille vindue, og 100 tastetryk i et mødes noter koster under 10 KB', async () => {
    const forum = await shareForum(server);
    const tcp: Socket[] = [];
    const extensions: string[] = [];
    const member = transportLaptop(server.url, forum.medlem.credential, { withConfidential: false, webSocket: countingSocket(tcp, extensions) });
    try {
      const meetingId = addMeeting(member.docs, forum.forumId, randomUUID());
      const name = meetingDoc(forum.forumId, meetingId);
      member.docs.write(name, (doc) => doc.getText('noter').insert(0, 'Dagsorden: '));
      member.transport.share({ forumId: forum.forumId, serverUrl: server.url });
      await member.transport.settled(forum.forumId);
      expect(extensions).toEqual(['permessage-deflate; server_max_window_bits=11; client_max_window_bits=11']);

      const wire = (): number => tcp.reduce((sum, socket) => sum + socket.bytesRead + socket.bytesWritten, 0);
      const before = wire();
      for (let i = 0; i < 100; i++) {
        member.docs.write(name, (doc) => doc.getText('noter').insert(doc.getText('noter').length, ` ord${i}`));
        await member.transport.settled(forum.forumId);
      }
      // Uncompressed, each keystroke's update, acknowledgement and echo carry the 85-character name: ~32 KB.
      expect(wire() - before).toBeLessThan(10_240);
      expect(member.docs.pendingCount(forum.forumId)).toBe(0);
    } finally {
      member.transport.close();
    }
  });

  test('en klient, der tilbyder komprimering uden at nævne sit vindue, forbindes stadig, og serveren sender med det lille', async () => {
    // 0: ws then leaves client_max_window_bits out of its offer, as some clients do.
    const socket = new WebSocket(server.url, { perMessageDeflate: { clientMaxWindowBits: 0 } });
    try {
      const opened = await new Promise<string>((resolve, reject) => {
        let accepted = '';
        socket.once('upgrade', (response) => (accepted = String(response.headers['sec-websocket-extensions'])));
        socket.once('open', () => resolve(accepted));
        socket.once('error', reject);
      });
      expect(opened).toBe('permessage-deflate; server_max_window_bits=11');
    } finally {
      socket.terminate();
    }
  });
});
