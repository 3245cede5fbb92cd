/** Process plumbing shared by the CLIs: stop cleanly on Ctrl+C / SIGTERM, and report a failed start. */

/** Close `what` on SIGINT or SIGTERM, then exit (1 if closing failed). */
export function closeOnSignal(close: () => Promise<unknown>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Run a CLI's main; a failure prints its message (no stack) and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
