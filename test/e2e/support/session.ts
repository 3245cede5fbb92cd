/** One real sidecar and one Debian chromium per test file, started before its tests and closed after. */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startWorkbench, type Workbench } from './workbench';

type StartOptions = NonNullable<Parameters<typeof startWorkbench>[0]>;

export interface WorkbenchSession {
  readonly url: string;
  /** The sidecar's token (the browser context already holds its cookie). */
  readonly token: string;
  readonly notebooksDir: string;
  /** The simulated exchange, when the sidecar was started with one. */
  readonly exchange: Workbench['exchange'];
  readonly context: BrowserContext;
}

/** `options` is asked for when the sidecar starts, so a test may first prepare what it names (a data dir). */
export function useWorkbench(
  options: () => StartOptions | Promise<StartOptions> = () => ({}),
): WorkbenchSession {
  let workbench: Workbench | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    workbench = await startWorkbench(await options());
    browser = await launchChromium();
    await workbench.signIn(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });
  return {
    get url() {
      return workbench!.url;
    },
    get token() {
      return workbench!.token;
    },
    get notebooksDir() {
      return workbench!.notebooksDir;
    },
    get exchange() {
      return workbench!.exchange;
    },
    get context() {
      return browser!.context;
    },
  };
}
