import { describe, expect, it } from 'vitest';
import { cellKindOf, splitAnswer } from '../../../web/chat/answer-segments';
import { applyEvent, emptyAnswer, endedEarly, stopped } from '../../../web/chat/answer-state';
import { highlightCode } from '../../../web/chat/highlight';
import { parseBlock } from '../../../web/chat/sse';
import type { ChatEvent } from '../../../server/contract';

describe('splitAnswer', () => {
  it('separates prose from fenced blocks', () => {
    expect(splitAnswer('Try:\n```sql\nSELECT 1\nFROM t\n```\nDone.')).toEqual([
      { kind: 'prose', text: 'Try:' },
      { kind: 'code', lang: 'sql', code: 'SELECT 1\nFROM t', open: false },
      { kind: 'prose', text: 'Done.' },
    ]);
  });

  it('marks a block still streaming as open', () => {
    expect(splitAnswer('A\n```js\nconst x')).toEqual([
      { kind: 'prose', text: 'A' },
      { kind: 'code', lang: 'js', code: 'const x', open: true },
    ]);
  });

  it('maps languages to cell kinds', () => {
    expect([cellKindOf('sql'), cellKindOf('javascript'), cellKindOf('python')]).toEqual([
      'sql',
      'js',
      null,
    ]);
  });
});

describe('highlightCode', () => {
  it('wraps keywords, strings and numbers and escapes HTML', () => {
    expect(highlightCode("select '<b>' from t where x > 2", 'sql')).toBe(
      '<span class="hl-kw">select</span> <span class="hl-str">&#39;&#60;b&#62;&#39;</span> <span class="hl-kw">from</span> t <span class="hl-kw">where</span> x &#62; <span class="hl-num">2</span>',
    );
  });

  it('never lets markup through', () => {
    expect(highlightCode('<img src=x onerror=alert(1)>', 'js')).not.toMatch(/<img/);
  });
});

describe('answer state', () => {
  const events: ChatEvent[] = [
    { type: 'text', text: 'Checking. ' },
    { type: 'tool_call', id: 't1', name: 'run_sql', input: { sql: 'SELECT 1' } },
    {
      type: 'tool_result',
      id: 't1',
      name: 'run_sql',
      columns: [{ name: '1', type: 'INTEGER' }],
      rows: [[1]],
      totalRows: 1,
    },
    { type: 'text', text: 'One.' },
    { type: 'usage', inputTokens: 30, outputTokens: 12 },
    { type: 'done', stopReason: 'end_turn' },
  ];

  it('folds a stream into one message with its steps and usage', () => {
    const answer = events.reduce(applyEvent, emptyAnswer('2026-01-01T00:00:00Z'));
    expect(answer.finished).toBe(true);
    expect(answer.message.content).toBe('Checking. One.');
    expect(answer.message.steps).toEqual([
      {
        id: 't1',
        name: 'run_sql',
        input: { sql: 'SELECT 1' },
        result: { columns: [{ name: '1', type: 'INTEGER' }], rows: [[1]], totalRows: 1 },
      },
    ]);
    expect(answer.message.usage).toEqual({ inputTokens: 30, outputTokens: 12 });
    expect(answer.message.interrupted).toBeUndefined();
  });

  it('keeps the partial text and marks it interrupted on an error', () => {
    const answer = [
      events[0]!,
      { type: 'error', code: 'overloaded', message: 'busy' } as ChatEvent,
    ].reduce(applyEvent, emptyAnswer('t'));
    expect(answer.message).toMatchObject({ content: 'Checking. ', interrupted: true });
    expect(answer.error).toEqual({ code: 'overloaded', message: 'busy' });
  });

  it('calls a stream that ends without done a dropped connection', () => {
    const answer = endedEarly(applyEvent(emptyAnswer('t'), events[0]!));
    expect(answer.error?.code).toBe('connection');
    expect(answer.message.interrupted).toBe(true);
  });
});

describe('Stop', () => {
  it('keeps what arrived, marked stopped, and leaves a finished answer alone', () => {
    const partial = applyEvent(emptyAnswer('t'), { type: 'text', text: 'Half' });
    expect(stopped(partial)).toMatchObject({
      message: { content: 'Half', interrupted: true },
      error: { code: 'cancelled' },
    });
    const done = applyEvent(partial, { type: 'done', stopReason: 'end_turn' });
    expect(stopped(done)).toBe(done);
  });
});

describe('parseBlock', () => {
  it('reads the data lines of one SSE block', () => {
    expect(parseBlock('event: message\ndata: {"type":"text","text":"a"}')).toEqual({
      type: 'text',
      text: 'a',
    });
    expect(parseBlock(': comment')).toBeNull();
  });
});
