/** Once per e2e run: build the workbench and make sure the bundled datasets exist. */
import { buildWorkbench, ensureDatasets } from './workbench';

export async function setup(): Promise<void> {
  await Promise.all([buildWorkbench(), ensureDatasets()]);
  process.env.VOLLAB_E2E_BUILT = '1';
}
