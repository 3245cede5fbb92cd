/**
 * `/api/live` refuses oversized client frames at the socket: a real `ws` client on loopback sending a frame
 * over `MAX_CLIENT_FRAME_BYTES` is closed with 1009, while a frame just under the cap is read (and answered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../server/main';
import { MAX_CLIENT_FRAME_BYTES } from '../../../server/live/protocol';
import { createFixture, type Fixture } from '../routes/fixtures';

let fx: Fixture;
let server: RunningServer;

beforeAll(async () => {
  fx = await createFixture({ rows: 3 });
  // The hub connects upstream only on a subscription, which these tests never make: the URL is never dialled.
  server = await startServer({
    ...fx.config,
    port: 0,
    simulatedExchange: false,
    deribitUrl: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await server?.close();
  await fx?.cleanup();
});

function connect(): Promise<WebSocket> {
  const headers: Record<string, string> = fx.config.token
    ? { authorization: `Bearer ${fx.config.token}` }
    : {};
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/live`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('/api/live frame cap', () => {
  it('is 64 KiB', () => {
    expect(MAX_CLIENT_FRAME_BYTES).toBe(65_536);
  });

  it('closes with 1009 on a frame over the cap', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_CLIENT_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
  });

  it('reads a frame at the cap and answers it', async () => {
    const ws = await connect();
    const reply = new Promise<string>((resolve) =>
      ws.once('message', (raw) => resolve(String(raw))),
    );
    // Valid JSON padded with spaces to exactly the cap: parsed, answered with a protocol error (bad op).
    const body = '{"op":"nope"}';
    ws.send(body + ' '.repeat(MAX_CLIENT_FRAME_BYTES - body.length));
    expect(JSON.parse(await reply)).toEqual({ type: 'error', message: 'invalid op: nope' });
    ws.close();
  });
});
