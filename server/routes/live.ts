/**
 * `GET /api/live`: the WebSocket endpoint of the live hub (`server/live/hub.ts`), upgraded by
 * @hono/node-server's built-in `upgradeWebSocket`. A plain GET gets 426.
 */
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { WebSocket } from 'ws';
import { httpError } from '../http/errors';
import type { LiveClient, LiveHub } from '../live/hub';

/**
 * @example
 * app.route('/api/live', liveRoutes(hub));
 * // new WebSocket('ws://127.0.0.1:8787/api/live').send('{"op":"subscribe","channels":["deribit_price_index.btc_usd"]}')
 */
export function liveRoutes(hub: LiveHub): Hono {
  const app = new Hono();
  app.get(
    '/',
    upgradeWebSocket(() => {
      let client: LiveClient | null = null;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket;
          client = hub.attach({
            send: (text) => raw.send(text),
            get bufferedAmount() {
              return raw.bufferedAmount;
            },
            terminate: () => raw.terminate(),
          });
        },
        onMessage(event) {
          client?.receive(event.data);
        },
        onClose() {
          client?.close();
          client = null;
        },
      };
    }),
    () => {
      throw httpError(426, 'expected a WebSocket upgrade');
    },
  );
  return app;
}
