/**
 * Starting the sidecar on a socket, with what runs beside it: the simulated exchange (`simulatedExchange`), the
 * `/api/live` hub over one upstream WebSocket (opened on the first subscription), the live volatility surface
 * (its own upstream WebSocket, opened on first demand; its `surface.*` channels served through the hub), and
 * the snapshot scheduler
 * (`snapshotIntervals`).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { createApp } from './app';
import { isLoopback, type VolLabConfig } from './config';
import { createLiveHub, type LiveHub } from './live/hub';
import { startSnapshotScheduler, type SnapshotScheduler } from './snapshots/scheduler';
import { createDeribitHttpClient } from './sources/deribit/http-client';
import { createDeribitWsClient } from './sources/deribit/ws-client';
import { startLocalExchange, type LocalExchange } from './sources/simulated/start';
import { snapshotFreezeWriter } from './surface/freeze';
import { createSurfaceService, type SurfaceService } from './surface/service';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787/`, with the port actually bound. */
  url: string;
  port: number;
  /** The simulated exchange when `config.simulatedExchange`, else null. */
  exchange: LocalExchange | null;
  close(): Promise<void>;
}

/** `https://www.deribit.com` → `wss://www.deribit.com/ws/api/v2`. */
export function deribitWsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/ws/api/v2`;
}

/**
 * Listen on `config.host:config.port` (port 0 picks a free one).
 *
 * @example
 * const server = await startServer({ ...loadConfig(process.env), port: 0, simulatedExchange: false });
 * await fetch(new URL('api/health', server.url));
 * await server.close();
 */
export async function startServer(config: VolLabConfig): Promise<RunningServer> {
  const exchange = config.simulatedExchange
    ? await startLocalExchange({ datasetsDir: config.datasetsDir })
    : null;
  const effective: VolLabConfig = exchange
    ? {
        ...config,
        deribitUrl: exchange.deribitUrl,
        polymarketGammaUrl: exchange.polymarketGammaUrl,
        polymarketClobUrl: exchange.polymarketClobUrl,
      }
    : config;
  const { deribitUrl } = effective;
  // A loopback upstream is a simulated exchange: no credit bucket to respect (its 429s are injected faults,
  // still retried). Deribit's own limits apply to any other host.
  const deribit =
    deribitUrl && isLoopback(new URL(deribitUrl).hostname)
      ? createDeribitHttpClient({ baseUrl: deribitUrl, limiter: null })
      : undefined;
  const surfaceRest =
    deribit ?? (deribitUrl ? createDeribitHttpClient({ baseUrl: deribitUrl }) : undefined);
  const surface: SurfaceService | undefined =
    deribitUrl && surfaceRest
      ? createSurfaceService({
          connect: () =>
            createDeribitWsClient({ url: deribitWsUrl(deribitUrl), heartbeatSeconds: 10 }),
          rest: surfaceRest,
          freeze: snapshotFreezeWriter({
            datasetsDir: config.datasetsDir,
            source: config.source === 'live' ? 'deribit' : 'simulated',
          }),
        })
      : undefined;
  const live: LiveHub | undefined = deribitUrl
    ? createLiveHub({
        connect: () =>
          createDeribitWsClient({ url: deribitWsUrl(deribitUrl), heartbeatSeconds: 10 }),
        ...(surface ? { local: surface.channels } : {}),
      })
    : undefined;
  const scheduler: SnapshotScheduler | null =
    Object.keys(config.snapshotIntervals).length > 0 ? startSnapshotScheduler(effective) : null;
  const stopServices = async () => {
    scheduler?.stop();
    live?.close();
    surface?.close();
    await scheduler?.idle();
    await exchange?.close();
  };
  const app = createApp(effective, {
    ...(live ? { live } : {}),
    ...(surface ? { surface } : {}),
    ...(deribit ? { deribit } : {}),
  });
  const wss = new WebSocketServer({ noServer: true });
  try {
    return await new Promise((resolve, reject) => {
      const server = serve(
        {
          fetch: app.fetch,
          hostname: config.host,
          port: config.port,
          websocket: { server: wss },
        },
        (info: AddressInfo) => {
          server.off('error', reject);
          const host =
            info.family === 'IPv6' || info.address.includes(':')
              ? `[${info.address}]`
              : info.address;
          resolve({
            url: `http://${host}:${info.port}/`,
            port: info.port,
            exchange,
            close: async () => {
              await new Promise<void>((done, fail) => {
                server.close((error) => (error ? fail(error) : done()));
                if ('closeAllConnections' in server) server.closeAllConnections();
                for (const ws of wss.clients) ws.terminate();
              });
              await stopServices();
            },
          });
        },
      );
      server.once('error', reject);
    });
  } catch (error) {
    await stopServices();
    throw error;
  }
}
