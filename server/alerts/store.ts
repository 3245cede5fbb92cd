/**
 * The alert tables in the state database: rules (the validated JSON) and alert events (a breach, with the
 * metric path around it, and its acknowledgement). Times are ms since the epoch (BIGINT).
 */
import { randomUUID } from 'node:crypto';
import type { AlertRule } from '../../cells/filter';
import type { AlertEventWire } from '../contract/alerts';
import type { StateDb, StateRow } from '../state/db';

export const ALERT_MIGRATIONS = [
  [
    `CREATE TABLE alert_rules (id VARCHAR PRIMARY KEY, rule VARCHAR NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)`,
    `CREATE SEQUENCE alert_event_ids START 1`,
    `CREATE TABLE alert_events (
       id BIGINT PRIMARY KEY DEFAULT nextval('alert_event_ids'),
       rule_id VARCHAR NOT NULL, rule_name VARCHAR NOT NULL, currency VARCHAR NOT NULL, metric VARCHAR NOT NULL,
       op VARCHAR NOT NULL, threshold DOUBLE NOT NULL, value DOUBLE NOT NULL, ts_ms BIGINT NOT NULL,
       context VARCHAR NOT NULL, acked_ms BIGINT)`,
  ],
];

export interface StoredRule extends AlertRule {
  id: string;
  created_ms: number;
  updated_ms: number;
}

/** One breach as listed and sent on `threshold_breach`. */
export type AlertEvent = AlertEventWire;

export interface AlertQuery {
  currency?: string;
  rule_id?: string;
  acked?: boolean;
  since_ms?: number;
  until_ms?: number;
  limit?: number;
  offset?: number;
}

const ruleOf = (row: StateRow): StoredRule => ({
  ...(JSON.parse(row.rule as string) as AlertRule),
  id: row.id as string,
  created_ms: Number(row.created_ms),
  updated_ms: Number(row.updated_ms),
});

const eventOf = (row: StateRow): AlertEvent => ({
  id: Number(row.id),
  rule_id: row.rule_id as string,
  rule_name: row.rule_name as string,
  currency: row.currency as string,
  metric: row.metric as string,
  op: row.op as string,
  threshold: row.threshold as number,
  value: row.value as number,
  ts_ms: Number(row.ts_ms),
  context: JSON.parse(row.context as string) as [number, number][],
  acked_ms: row.acked_ms === null ? null : Number(row.acked_ms),
});

/** @example const store = await createAlertStore(db); await store.createRule(rule, Date.now()); */
export async function createAlertStore(db: StateDb) {
  await db.migrate('alerts', ALERT_MIGRATIONS);
  return {
    async listRules(): Promise<StoredRule[]> {
      return (await db.read('SELECT * FROM alert_rules ORDER BY created_ms, id')).map(ruleOf);
    },
    async getRule(id: string): Promise<StoredRule | null> {
      const [row] = await db.read('SELECT * FROM alert_rules WHERE id = ?', [id]);
      return row ? ruleOf(row) : null;
    },
    async createRule(rule: AlertRule, now: number): Promise<StoredRule> {
      const id = randomUUID();
      await db.write((tx) =>
        tx.run('INSERT INTO alert_rules VALUES (?, ?, ?, ?)', [id, JSON.stringify(rule), now, now]),
      );
      return { ...rule, id, created_ms: now, updated_ms: now };
    },
    async updateRule(id: string, rule: AlertRule, now: number): Promise<StoredRule | null> {
      const rows = await db.write((tx) =>
        tx.all('UPDATE alert_rules SET rule = ?, updated_ms = ? WHERE id = ? RETURNING *', [
          JSON.stringify(rule),
          now,
          id,
        ]),
      );
      return rows[0] ? ruleOf(rows[0]) : null;
    },
    async deleteRule(id: string): Promise<boolean> {
      const rows = await db.write((tx) =>
        tx.all('DELETE FROM alert_rules WHERE id = ? RETURNING id', [id]),
      );
      return rows.length > 0;
    },
    async addEvent(e: Omit<AlertEvent, 'id' | 'acked_ms'>): Promise<AlertEvent> {
      const [row] = await db.write((tx) =>
        tx.all(
          `INSERT INTO alert_events (rule_id, rule_name, currency, metric, op, threshold, value, ts_ms, context)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          [
            e.rule_id,
            e.rule_name,
            e.currency,
            e.metric,
            e.op,
            e.threshold,
            e.value,
            e.ts_ms,
            JSON.stringify(e.context),
          ],
        ),
      );
      return eventOf(row!);
    },
    async listEvents(q: AlertQuery): Promise<{ total: number; alerts: AlertEvent[] }> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (sql: string, value: string | number) => {
        where.push(sql);
        params.push(value);
      };
      if (q.currency) add('currency = ?', q.currency);
      if (q.rule_id) add('rule_id = ?', q.rule_id);
      if (q.acked !== undefined) where.push(q.acked ? 'acked_ms IS NOT NULL' : 'acked_ms IS NULL');
      if (q.since_ms !== undefined) add('ts_ms >= ?', q.since_ms);
      if (q.until_ms !== undefined) add('ts_ms < ?', q.until_ms);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [count] = await db.read(
        `SELECT count(*)::INTEGER AS n FROM alert_events ${clause}`,
        params,
      );
      const rows = await db.read(
        `SELECT * FROM alert_events ${clause} ORDER BY ts_ms DESC, id DESC LIMIT ${q.limit ?? 50} OFFSET ${q.offset ?? 0}`,
        params,
      );
      return { total: count!.n as number, alerts: rows.map(eventOf) };
    },
    /** Acknowledge once: the first ack's time stays. Null for an unknown id. */
    async ack(id: number, now: number): Promise<AlertEvent | null> {
      const rows = await db.write(async (tx) => {
        await tx.run('UPDATE alert_events SET acked_ms = ? WHERE id = ? AND acked_ms IS NULL', [
          now,
          id,
        ]);
        return tx.all('SELECT * FROM alert_events WHERE id = ?', [id]);
      });
      return rows[0] ? eventOf(rows[0]) : null;
    },
  };
}

export type AlertStore = Awaited<ReturnType<typeof createAlertStore>>;
