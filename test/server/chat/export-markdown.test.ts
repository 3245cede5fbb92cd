import { describe, expect, it } from 'vitest';
import { conversationMarkdown } from '../../../server/chat/export-markdown';

describe('conversationMarkdown', () => {
  it('writes each message under a heading with its SQL steps fenced', () => {
    const md = conversationMarkdown({
      notebook: 'btc.md',
      messages: [
        { role: 'user', content: 'Count?', at: '2026-01-01T00:00:00Z' },
        {
          role: 'assistant',
          content: 'There are 3.',
          steps: [
            { id: 't', name: 'run_sql', input: { sql: 'SELECT 3' }, result: { totalRows: 1 } },
          ],
          usage: { inputTokens: 5, outputTokens: 2 },
          interrupted: true,
          at: '2026-01-01T00:00:01Z',
        },
      ],
    });
    expect(md).toBe(
      '# Conversation about btc.md\n\n## You (2026-01-01T00:00:00Z)\n\nCount?\n\n## Claude (2026-01-01T00:00:01Z)\n\nrun_sql (1 rows):\n\n```sql\nSELECT 3\n```\n\nThere are 3.\n\n_(interrupted)_\n\n_5 tokens in, 2 out_\n',
    );
  });
});
