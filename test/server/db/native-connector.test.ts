import { afterAll, describe } from 'vitest';
import { createNativeConnector } from '../../../server/db/native-connector';
import { connectorContract } from '../../web/data/connector-contract';

describe('native connector (@duckdb/node-api)', () => {
  const db = createNativeConnector();
  afterAll(() => db.close());
  connectorContract(() => db);
});
