/**
 * The sidecar's composition: middleware and thin routes over the catalog, the slice cache and the notebook
 * store. Nothing here touches the disk until a request arrives.
 */
import { join } from 'node:path';
import { Hono } from 'hono';
import type { VolLabConfig } from './config';
import { createCatalogReader } from './datasets/catalog-reader';
import { withFreshState, type StateDatasets } from './state/datasets';
import { createSliceLimiter } from './datasets/slice-limit';
import { errorHandler, handleNotFound } from './http/errors';
import { createFileCache } from './http/file-cache';
import { limitBody } from './http/json-body';
import { allowHosts, jsonBodiesOnly, sameOriginWrites } from './http/request-guards';
import { securityHeaders } from './http/security-headers';
import { acceptTokenFromQuery, requireToken } from './http/token-auth';
import { createNotebookStore } from './notebooks/store';
import { createShareStore } from './share/store';
import { sharePageRoutes } from './routes/share-pages';
import { shareRoutes } from './routes/shares';
import { exportRoutes } from './routes/exports';
import { datasetFileRoutes } from './routes/dataset-files';
import { datasetRoutes } from './routes/datasets';
import { deribitRoutes } from './routes/deribit';
import type { LiveHub } from './live/hub';
import { healthRoutes } from './routes/health';
import { liveRoutes } from './routes/live';
import { modelRoutesFor } from './routes/models';
import { notebookRoutes } from './routes/notebooks';
import { polymarketRoutes } from './routes/polymarket';
import { polymarketMarketsRoutes } from './routes/polymarket-markets';
import { portfolioRoutes } from './routes/portfolio';
import type { PortfolioService } from './portfolio/service';
import { createDeribitHttpClient, type DeribitHttpClient } from './sources/deribit/http-client';
import { createPolymarketClient } from './sources/polymarket/client';
import { createProxyCache } from './sources/proxy-cache';
import { volatilityRoutes } from './routes/volatility';
import { webRoutes } from './routes/web';
import type { SurfaceService } from './surface/service';
import { chatRoutes } from './routes/chat';
import { createConversationStore } from './chat/store';
import { createModelStream, type ModelStream } from './chat/upstream';
import { createSqlSandbox } from './sql-sandbox/sandbox';
import type { AlertService } from './alerts/service';
import { alertRoutes } from './routes/alerts';
import { statsRoutes } from './routes/stats';
import { sqlRoutes } from './routes/sql';

export type AppConfig = Pick<
  VolLabConfig,
  | 'datasetsDir'
  | 'notebooksDir'
  | 'webDistDir'
  | 'cacheDir'
  | 'modelsDir'
  | 'token'
  | 'allowedHosts'
  | 'maxBodyBytes'
  | 'sliceCacheBytes'
  | 'sliceConcurrency'
  | 'sliceQueue'
  | 'proxyCacheBytes'
  | 'source'
  | 'version'
  | 'deribitUrl'
  | 'polymarketGammaUrl'
  | 'polymarketClobUrl'
  | 'trashRetention'
  | 'claude'
>;

/** Long-lived services the server owns and the app only routes to. */
export interface AppServices {
  /** The `/api/live` WebSocket hub; mounted when given. */
  live?: LiveHub;
  /** The live volatility surface behind `/api/volatility`; mounted when given. */
  surface?: SurfaceService;
  /** Fills, positions and risk behind `/api/portfolio`; mounted when given. */
  portfolio?: PortfolioService;
  /** The client behind `/api/deribit` (default: one on `config.deribitUrl` with Deribit's rate limits). */
  deribit?: DeribitHttpClient;
  /** The assistant's upstream (default: the SDK on `config.claude` when a key is set). */
  claudeStream?: ModelStream;
  /** The volatility filter and its alert rules behind `/api/volatility/alerts`; mounted when given. */
  alerts?: AlertService;
  /** The state tables' dataset export, brought up to date before the catalog is read. */
  stateDatasets?: Pick<StateDatasets, 'refresh'>;
}

/**
 * @example
 * const app = createApp(loadConfig(process.env));
 * const res = await app.request('http://localhost/api/health');
 */
export function createApp(config: AppConfig, services: AppServices = {}): Hono {
  const catalog = withFreshState(createCatalogReader(config.datasetsDir), services.stateDatasets);
  const sliceCache = createFileCache(
    join(config.cacheDir, 'slices'),
    config.sliceCacheBytes,
    '.parquet',
  );
  const app = new Hono();
  app.onError(
    errorHandler([
      [config.datasetsDir, '<datasets>'],
      [config.notebooksDir, '<notebooks>'],
      [config.cacheDir, '<cache>'],
      [config.webDistDir, '<web>'],
    ]),
  );
  app.notFound(handleNotFound);

  // Order matters: who is asking (Host, Origin) before whether they hold the token, before the body.
  app.use('*', securityHeaders());
  app.use('*', allowHosts(config.allowedHosts));
  app.use('*', sameOriginWrites());
  for (const pages of ['/', '/index.html', '/live', '/notebooks/*'])
    app.use(pages, acceptTokenFromQuery(config.token));
  // Share links are the one exception: `/s/<id>/…` routes serve only that share's own snapshot.
  app.use(
    '*',
    requireToken(config.token, ['/api/health'], (path) => path.startsWith('/s/')),
  );
  app.use('/api/*', jsonBodiesOnly());
  app.use('/api/*', limitBody(config.maxBodyBytes));

  app.route(
    '/api/health',
    healthRoutes({ version: config.version, source: config.source, catalog }),
  );
  app.route(
    '/api/datasets',
    datasetRoutes({
      datasetsDir: config.datasetsDir,
      catalog,
      sliceCache,
      sliceLimiter: createSliceLimiter({
        concurrency: config.sliceConcurrency,
        queue: config.sliceQueue,
      }),
    }),
  );
  const notebooks = createNotebookStore(config.notebooksDir, { retention: config.trashRetention });
  app.route('/api/notebooks', notebookRoutes(notebooks));
  // Shares live beside the cache (`.vollab/shares` by default): durable, unlike the cache itself.
  const shares = createShareStore(join(config.cacheDir, '..', 'shares'), config.datasetsDir);
  app.route('/api/shares', shareRoutes(shares, notebooks));
  app.route(
    '/api/exports',
    exportRoutes(notebooks, { datasetsDir: config.datasetsDir, webDistDir: config.webDistDir }),
  );
  app.route('/s', sharePageRoutes(shares, join(config.webDistDir, '..', 'dist-viewer')));
  app.route('/api/models', modelRoutesFor(config));
  const deribit =
    services.deribit ??
    (config.deribitUrl ? createDeribitHttpClient({ baseUrl: config.deribitUrl }) : undefined);
  const proxyCache = () => createProxyCache({ maxBytes: config.proxyCacheBytes });
  if (deribit) app.route('/api/deribit', deribitRoutes(deribit, proxyCache()));
  if (services.live) app.route('/api/live', liveRoutes(services.live));
  if (services.alerts) app.route('/api/volatility/alerts', alertRoutes(services.alerts));
  if (services.surface) app.route('/api/volatility', volatilityRoutes(services.surface));
  if (services.portfolio) app.route('/api/portfolio', portfolioRoutes(services.portfolio));
  app.route('/api/stats', statsRoutes({ ...services }));
  if (config.polymarketGammaUrl && config.polymarketClobUrl) {
    const { polymarketGammaUrl: gammaUrl, polymarketClobUrl: clobUrl } = config;
    const polymarket = createPolymarketClient({ gammaUrl, clobUrl });
    app.route('/api/polymarket', polymarketRoutes(polymarket, proxyCache()));
    app.route(
      '/api/polymarket',
      polymarketMarketsRoutes(polymarket, services.surface ?? null, proxyCache()),
    );
  }
  const { claude } = config;
  // One sandbox for the assistant's `run_sql` and the notebooks' first answers (`/api/sql`).
  const sandbox = createSqlSandbox({ datasetsDir: config.datasetsDir, catalog });
  app.route('/api/sql', sqlRoutes({ sandbox, catalog, datasetsDir: config.datasetsDir }));
  // A notebook page asks for its SQL within a second: have the sandbox up by then.
  app.use('/notebooks/*', async (_c, next) => {
    sandbox.warm();
    await next();
  });
  app.route(
    '/api/chat',
    chatRoutes({
      claude,
      stream:
        services.claudeStream ??
        (claude.apiKey ? createModelStream({ ...claude, apiKey: claude.apiKey }) : undefined),
      catalog,
      sandbox,
      store: createConversationStore(config.notebooksDir),
    }),
  );
  app.route('/datasets', datasetFileRoutes(config.datasetsDir));
  app.route('/', webRoutes(config.webDistDir));
  return app;
}
