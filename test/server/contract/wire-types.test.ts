/**
 * The wire contract is type-only and imports nothing from the library, so a few of its types restate the
 * library's. These checks run in `npm run typecheck` (a mismatch is a compile error here); the test body only
 * keeps vitest from reporting an empty file.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { AlertRule, MetricName } from '../../../cells/filter';
import type { AlertMetricWire, AlertRuleWire } from '../../../server/contract';

describe('wire types restating the library', () => {
  it('AlertRuleWire is the filter library’s AlertRule, field for field', () => {
    expectTypeOf<AlertRuleWire>().toEqualTypeOf<AlertRule>();
    expectTypeOf<AlertMetricWire>().toEqualTypeOf<MetricName>();
  });
});
