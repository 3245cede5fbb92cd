/** One real sidecar and one Debian chromium per test file, started before its tests and closed after. */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startWorkbench, type Workbench } from './workbench';

export interface WorkbenchSession {
  readonly url: string;
  /** The sidecar's token (the browser context already holds its cookie). */
  readonly token: string;
  readonly notebooksDir: string;
  readonly context: BrowserContext;
}

export function useWorkbench(options: Parameters<typeof startWorkbench>[0] = {}): WorkbenchSession {
  let workbench: Workbench | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    workbench = await startWorkbench(options);
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
    get context() {
      return browser!.context;
    },
  };
}
