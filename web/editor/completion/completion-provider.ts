/** What a cell editor asks its notebook when completing: the names cells declare and the dataset catalog. */
import type { DatasetCatalog } from '../../../server/contract';

export interface CompletionProvider {
  /** Top-level names the notebook's cells declare (JS declarations, SQL `id=` names). */
  declaredNames(): readonly string[];
  catalog(): Promise<DatasetCatalog>;
}
