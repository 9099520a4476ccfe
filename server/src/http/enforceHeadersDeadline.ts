import type http from 'node:http';
import type { Socket } from 'node:net';

/**
 * Destroys a connection that has not sent a complete request head within `timeoutMs`: from
 * when it connects, and again after each response (the next request on a kept-alive socket).
 * For a websocket this is the deadline to authenticate: its session cookie is in the upgrade
 * request's headers, and once they are in, the socket is the collaboration server's (which
 * pings it).
 *
 * Node's own `headersTimeout` should do this, but on Node 20 it stops firing once the server
 * has served a request (its parsers are reused from a pool), which leaves a server that has
 * been up for a minute open to slowloris. This does not depend on it.
 */
export function enforceHeadersDeadline(server: http.Server, timeoutMs: number): void {
  const timers = new WeakMap<Socket, ReturnType<typeof setTimeout>>();
  const disarm = (socket: Socket) => {
    clearTimeout(timers.get(socket));
    // A websocket lives for hours: keep no spent timer with it.
    timers.delete(socket);
  };
  const arm = (socket: Socket) => {
    disarm(socket);
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    timer.unref();
    timers.set(socket, timer);
  };
  server.on('connection', (socket: Socket) => {
    arm(socket);
    socket.once('close', () => disarm(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    disarm(req.socket);
    res.once('finish', () => {
      if (!req.socket.destroyed) arm(req.socket);
    });
  });
  server.on('upgrade', (req: http.IncomingMessage) => disarm(req.socket));
}
