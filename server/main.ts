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
import { isErrno } from './http/errors';
import { createLiveHub, type LiveHub } from './live/hub';
import { combineLocalChannels } from './live/local-channels';
import { MAX_CLIENT_FRAME_BYTES } from './live/protocol';
import { startPortfolio } from './portfolio/start';
import { recoverDatasets } from './snapshots/recover';
import { startSnapshotScheduler, type SnapshotScheduler } from './snapshots/scheduler';
import { createDeribitHttpClient } from './sources/deribit/http-client';
import { createDeribitWsClient } from './sources/deribit/ws-client';
import { startLocalExchange, type LocalExchange } from './sources/simulated/start';
import { snapshotFreezeWriter } from './surface/freeze';
import { createSurfaceService, type SurfaceService } from './surface/service';
import { LockHeldError } from './util/file-lock';
import { claimFolders } from './util/sidecar-lock';
import { createAlertService, type AlertService } from './alerts/service';
import { createAlertStore } from './alerts/store';
import { createWebhookNotifier } from './alerts/webhook';
import { openStateDb, type StateDb } from './state/db';
import { startStateDatasets } from './state/datasets';
import { PORTFOLIO_DATASETS } from './portfolio/datasets';
import { ALERT_DATASETS } from './alerts/datasets';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787/`, with the port actually bound. */
  url: string;
  /** `url` with `?token=…`: opening it signs the browser in (an HttpOnly cookie) and drops the token. */
  signInUrl: string;
  /** The token every route but `/api/health` requires (`Authorization: Bearer <token>` or the cookie). */
  token: string;
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
 * await fetch(new URL('api/notebooks', server.url), { headers: { Authorization: `Bearer ${server.token}` } });
 * await server.close();
 */
export async function startServer(config: VolLabConfig): Promise<RunningServer> {
  const snapshots = Object.keys(config.snapshotIntervals).length > 0;
  const claim = await claimFolders({
    'notebooks folder (VOLLAB_NOTEBOOKS_DIR)': config.notebooksDir,
    ...(snapshots ? { 'datasets folder (VOLLAB_DATA_DIR) for snapshots': config.datasetsDir } : {}),
  });
  // Repair what a killed snapshot run left, unless a run (e.g. `npm run snapshot`) is writing right now or
  // the datasets folder is read-only.
  await recoverDatasets(config.datasetsDir, { timeoutMs: 0 }).catch(async (error: unknown) => {
    const readOnly = isErrno(error, 'EROFS') || isErrno(error, 'EACCES');
    if (error instanceof LockHeldError || readOnly) return;
    await claim.release();
    throw error;
  });
  const exchange = config.simulatedExchange
    ? await startLocalExchange({ datasetsDir: config.datasetsDir }).catch(
        async (error: unknown) => {
          await claim.release();
          throw error;
        },
      )
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
  // The durable state (alert rules and events, fills): one DuckDB file only this process writes.
  let state: StateDb | undefined;
  let alerts: AlertService | undefined;
  try {
    state = await openStateDb(config.stateDb);
    alerts = surface
      ? await createAlertService({
          store: await createAlertStore(state),
          market: surface,
          ...(config.alertWebhook
            ? { webhook: createWebhookNotifier({ url: config.alertWebhook }) }
            : {}),
        })
      : undefined;
  } catch (error) {
    surface?.close();
    await state?.close().catch(() => undefined);
    await exchange?.close();
    await claim.release();
    throw error;
  }
  // Opened after the state database: it lives (and closes) with it.
  const portfolio = startPortfolio({
    state,
    datasetsDir: config.datasetsDir,
    ...(surface ? { surface } : {}),
  });
  // The state tables as notebook datasets (`fills`, `positions`, `alerts`, `portfolio_history`).
  const stateDatasets = startStateDatasets({
    state,
    datasetsDir: config.datasetsDir,
    specs: [...PORTFOLIO_DATASETS, ...ALERT_DATASETS],
  });
  const locals = [surface?.channels, alerts?.channels, portfolio.channels].filter(
    (p) => p !== undefined,
  );
  const live: LiveHub | undefined = deribitUrl
    ? createLiveHub({
        connect: () =>
          createDeribitWsClient({ url: deribitWsUrl(deribitUrl), heartbeatSeconds: 10 }),
        ...(locals.length ? { local: combineLocalChannels(...locals) } : {}),
      })
    : undefined;
  const scheduler: SnapshotScheduler | null = snapshots ? startSnapshotScheduler(effective) : null;
  const stopServices = async () => {
    scheduler?.stop();
    live?.close();
    alerts?.close();
    surface?.close();
    portfolio.close();
    await scheduler?.idle();
    stateDatasets.close();
    await stateDatasets.refresh().catch(() => undefined); // the files as of the last write, for headless runs
    await state?.close().catch(() => undefined);
    await exchange?.close();
    await claim.release();
  };
  const app = createApp(effective, {
    ...(live ? { live } : {}),
    ...(surface ? { surface } : {}),
    ...(deribit ? { deribit } : {}),
    ...(alerts ? { alerts } : {}),
    portfolio,
    stateDatasets,
  });
  // `ws` reads whole frames into memory (100 MiB by default): cap them so a client cannot make us buffer more.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
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
          const url = `http://${host}:${info.port}/`;
          resolve({
            url,
            signInUrl: `${url}?token=${encodeURIComponent(config.token)}`,
            token: config.token,
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
