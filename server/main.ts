/** Starting the sidecar on a socket. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { VolLabConfig } from './config';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787/`, with the port actually bound. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listen on `config.host:config.port` (port 0 picks a free one).
 *
 * @example
 * const server = await startServer({ ...loadConfig(process.env), port: 0 });
 * await fetch(new URL('api/health', server.url));
 * await server.close();
 */
export function startServer(config: VolLabConfig): Promise<RunningServer> {
  const app = createApp(config);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port },
      (info: AddressInfo) => {
        server.off('error', reject);
        const host =
          info.family === 'IPv6' || info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}/`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
