import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../server/app';
import { createModelStream } from '../../../server/chat/upstream';
import type { ChatEvent } from '../../../server/contract';
import { loadConfig, type VolLabConfig } from '../../../server/config';
import { createFixture, fixtureRows, type Fixture } from '../routes/fixtures';
import {
  errorEvent,
  startFakeAnthropic,
  textAnswer,
  toolUse,
  type FakeAnthropic,
  type SseEvent,
} from './fake-anthropic';

const KEY = 'sk-ant-test-0123456789abcdefSECRET';

let fx: Fixture;
let upstream: FakeAnthropic;
let config: VolLabConfig;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  fx = await createFixture({ rows: 30 });
  upstream = await startFakeAnthropic();
  config = {
    ...fx.config,
    claude: loadConfig(
      {
        ANTHROPIC_API_KEY: KEY,
        ANTHROPIC_BASE_URL: upstream.url,
        VOLLAB_CLAUDE_MAX_TOKENS: '1000',
      },
      fx.root,
    ).claude,
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
    );
  app = createApp(config, {
    claudeStream: createModelStream({ ...config.claude, apiKey: KEY }, { maxRetries: 0 }),
  });
}, 60_000);

afterEach(() => {
  upstream.requests.length = 0;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await upstream.close();
  await fx.cleanup();
  // The key is in no log line written during the whole file.
  expect(logged.join('\n')).not.toContain(KEY);
});

function post(body: unknown, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(
    app.request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.token}` },
      body: JSON.stringify(body),
      ...init,
    }),
  );
}

async function events(res: Response): Promise<ChatEvent[]> {
  const text = await res.text();
  expect(text).not.toContain(KEY);
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as ChatEvent);
}

const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

describe('POST /api/chat', () => {
  it('streams a plain answer through unchanged, with usage and done', async () => {
    upstream.script({ events: textAnswer(['Realized ', 'vol is ', '**42%**.']) });
    const res = await post(ask('What is realized vol?'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const got = await events(res);
    expect(got.filter((e) => e.type === 'text').map((e) => (e as { text: string }).text)).toEqual([
      'Realized ',
      'vol is ',
      '**42%**.',
    ]);
    expect(got.at(-2)).toEqual({ type: 'usage', inputTokens: 10, outputTokens: 7 });
    expect(got.at(-1)).toEqual({ type: 'done', stopReason: 'end_turn' });
    const sent = upstream.requests[0]!;
    expect(sent.headers['x-api-key'] ?? sent.headers.authorization).toContain(KEY);
    expect(sent.body.max_tokens).toBe(1000);
    expect(sent.body.tools?.map((t) => t.name)).toEqual([
      'list_datasets',
      'describe_dataset',
      'run_sql',
      'get_notebook',
      'propose_cell',
    ]);
  });

  it('runs a run_sql tool_use and sends its tool_result with the same id in the next request', async () => {
    const sql = 'SELECT currency, sum(volume) AS v FROM ticks GROUP BY 1 ORDER BY 1';
    const json = JSON.stringify({ sql });
    upstream.script(
      { events: toolUse('toolu_01', 'run_sql', [json.slice(0, 9), json.slice(9)]) },
      { events: textAnswer(['BTC and ETH match.']) },
    );
    const got = await events(await post(ask('Compare volumes')));
    const reference = new Map<string, number>();
    for (const r of fixtureRows(30))
      reference.set(r.currency, (reference.get(r.currency) ?? 0) + r.volume);
    expect(got.find((e) => e.type === 'tool_call')).toEqual({
      type: 'tool_call',
      id: 'toolu_01',
      name: 'run_sql',
      input: { sql },
    });
    const result = got.find((e) => e.type === 'tool_result') as Extract<
      ChatEvent,
      { type: 'tool_result' }
    >;
    expect(result.rows).toEqual([...reference.entries()].sort());
    expect(result.totalRows).toBe(2);
    const second = upstream.requests[1]!.body.messages;
    expect(second.at(-2)).toMatchObject({
      role: 'assistant',
      content: [{ type: 'text' }, { type: 'tool_use', id: 'toolu_01', input: { sql } }],
    });
    const toolResult = (
      second.at(-1)!.content as {
        type: string;
        tool_use_id: string;
        content: string;
        is_error?: boolean;
      }[]
    )[0]!;
    expect(toolResult).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_01' });
    expect(toolResult.is_error).toBeUndefined();
    expect(JSON.parse(toolResult.content)).toMatchObject({
      rows: [...reference.entries()].sort(),
      totalRows: 2,
    });
    expect(got.at(-1)).toEqual({ type: 'done', stopReason: 'end_turn' });
  });

  it('answers a hostile run_sql with an error result and nothing read', async () => {
    const json = JSON.stringify({ sql: "SELECT * FROM read_csv('/etc/passwd')" });
    upstream.script(
      { events: toolUse('toolu_02', 'run_sql', [json]) },
      { events: textAnswer(['I cannot read files.']) },
    );
    const got = await events(await post(ask('Read /etc/passwd')));
    const result = got.find((e) => e.type === 'tool_result') as Extract<
      ChatEvent,
      { type: 'tool_result' }
    >;
    expect(result.error).toMatch(/refused: table function read_csv/);
    const toolResult = (
      upstream.requests[1]!.body.messages.at(-1)!.content as {
        is_error?: boolean;
        content: string;
      }[]
    )[0]!;
    expect(toolResult.is_error).toBe(true);
    expect(toolResult.content).not.toContain('root:');
  });

  it('sends thinking blocks back unchanged, with their signature, in a tool loop', async () => {
    const tool = toolUse('toolu_t', 'list_datasets', ['{}'], '');
    const thinking: SseEvent[] = [
      {
        event: 'content_block_start',
        data: {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'thinking', thinking: '', signature: '' },
        },
      },
      {
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'thinking_delta', thinking: 'Which datasets?' },
        },
      },
      {
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'signature_delta', signature: 'sig-123' },
        },
      },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    ];
    // Thinking at index 0, the (empty) text block and the tool_use after it.
    const shifted = tool
      .slice(1)
      .map((e) =>
        'index' in e.data ? { ...e, data: { ...e.data, index: (e.data.index as number) + 1 } } : e,
      );
    upstream.script(
      { events: [tool[0]!, ...thinking, ...shifted] },
      { events: textAnswer(['Seven.']) },
    );
    const got = await events(await post(ask('How many datasets?')));
    expect(
      got
        .filter((e) => e.type === 'text')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe('Seven.');
    const assistant = upstream.requests[1]!.body.messages.at(-2)!;
    expect(assistant.content).toEqual([
      { type: 'thinking', thinking: 'Which datasets?', signature: 'sig-123' },
      { type: 'tool_use', id: 'toolu_t', name: 'list_datasets', input: {} },
    ]);
  });

  it('relays a proposal from propose_cell without changing any notebook', async () => {
    const json = JSON.stringify({ kind: 'sql', source: 'SELECT 1 AS one', after: 'c1' });
    upstream.script(
      { events: toolUse('toolu_03', 'propose_cell', [json]) },
      { events: textAnswer(['Added a suggestion.']) },
    );
    const got = await events(await post(ask('Suggest a cell')));
    expect(got.find((e) => e.type === 'proposal')).toEqual({
      type: 'proposal',
      id: 'toolu_03',
      proposal: { kind: 'sql', source: 'SELECT 1 AS one', after: 'c1' },
    });
  });

  it('keeps the partial answer and reports an error event mid-stream', async () => {
    const events_ = textAnswer(['Partial ', 'answer']);
    upstream.script({
      events: [...events_.slice(0, 4), errorEvent('overloaded_error', 'Overloaded')],
    });
    const got = await events(await post(ask('Long question')));
    expect(
      got
        .filter((e) => e.type === 'text')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe('Partial ');
    expect(got.at(-1)).toMatchObject({ type: 'error', code: 'overloaded' });
  });

  it('reports a dropped connection', async () => {
    upstream.script({ events: textAnswer(['Half']), dropAfter: 4 });
    const got = await events(await post(ask('q')));
    expect(got.at(-1)).toMatchObject({ type: 'error', code: 'connection' });
  });

  const httpFailures: [number, Record<string, string>, string, RegExp][] = [
    [401, {}, 'authentication_error', /refused the API key \(401\)/],
    [403, {}, 'permission_error', /403/],
    [429, { 'retry-after': '17' }, 'rate_limit_error', /retry in 17 s/],
    [500, {}, 'api_error', /failed \(500\)/],
    [529, {}, 'overloaded_error', /overloaded/],
  ];
  for (const [status, headers, type, message] of httpFailures) {
    it(`explains an upstream ${status} without the key, and keeps serving`, async () => {
      upstream.script({
        status,
        headers,
        body: { type: 'error', error: { type, message: `bad key ${KEY}` } },
      });
      const got = await events(await post(ask('q')));
      const error = got.at(-1) as Extract<ChatEvent, { type: 'error' }>;
      expect(error.type).toBe('error');
      expect(error.message).toMatch(message);
      if (status === 429) expect(error.retryAfterSeconds).toBe(17);
      const health = await app.request('http://localhost/api/health');
      expect(health.status).toBe(200);
    });
  }

  it('stops at the step limit', async () => {
    const json = JSON.stringify({});
    for (let i = 0; i < 8; i++)
      upstream.script({ events: toolUse(`toolu_l${i}`, 'list_datasets', [json]) });
    const got = await events(await post(ask('loop forever')));
    expect(upstream.requests).toHaveLength(8);
    expect(got.at(-1)).toMatchObject({ type: 'error', code: 'step_limit' });
  });

  it('gives a tool that throws back to the model as an error result', async () => {
    upstream.script(
      { events: toolUse('toolu_04', 'describe_dataset', [JSON.stringify({ name: 'nope' })]) },
      { events: textAnswer(['ok']) },
    );
    const got = await events(await post(ask('describe nope')));
    expect(got.find((e) => e.type === 'tool_result')).toMatchObject({
      error: 'unknown dataset: nope',
    });
  });

  it('aborts the upstream request when the browser cancels', async () => {
    upstream.script({ events: textAnswer(['never ends']).slice(0, 4), hold: true });
    const browser = new AbortController();
    const res = await post(ask('q'), { signal: browser.signal });
    const reader = res.body!.getReader();
    await reader.read();
    browser.abort();
    await reader.cancel().catch(() => undefined);
    const deadline = Date.now() + 5000;
    while (upstream.aborted() === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(upstream.aborted()).toBe(1);
  });

  it('refuses an oversized body with 413 and a malformed one with 400', async () => {
    const big = await post(ask('x'.repeat(config.maxBodyBytes + 10)));
    expect(big.status).toBe(413);
    const bad = await post({ messages: [{ role: 'system', content: 'x' }] });
    expect(bad.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('keeps the conversation per notebook; export as Markdown; clear', async () => {
    upstream.script({ events: textAnswer(['Stored answer.']) });
    await events(await post(ask('Remember me', { notebook: 'study.md' })));
    const auth = { Authorization: `Bearer ${config.token}` };
    const conv = (await (
      await app.request('http://localhost/api/chat/conversation?notebook=study.md', {
        headers: auth,
      })
    ).json()) as { messages: { role: string; content: string }[] };
    expect(conv.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Remember me'],
      ['assistant', 'Stored answer.'],
    ]);
    const md = await (
      await app.request('http://localhost/api/chat/conversation/export?notebook=study.md', {
        headers: auth,
      })
    ).text();
    expect(md).toContain('## You');
    expect(md).toContain('Stored answer.');
    const cleared = await app.request('http://localhost/api/chat/conversation?notebook=study.md', {
      method: 'DELETE',
      headers: auth,
    });
    expect(cleared.status).toBe(204);
    const after = (await (
      await app.request('http://localhost/api/chat/conversation?notebook=study.md', {
        headers: auth,
      })
    ).json()) as { messages: unknown[] };
    expect(after.messages).toEqual([]);
  });

  it('needs the token', async () => {
    const res = await app.request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ask('q')),
    });
    expect(res.status).toBe(401);
  });
});

describe('without a key', () => {
  it('says the assistant is off and how to enable it; status reports it', async () => {
    const off = createApp({ ...fx.config, claude: loadConfig({}, fx.root).claude });
    const auth = { Authorization: `Bearer ${fx.config.token}` };
    const status = await off.request('http://localhost/api/chat/status', { headers: auth });
    expect(await status.json()).toEqual({ enabled: false, model: 'claude-sonnet-5-5' });
    const res = await off.request('http://localhost/api/chat', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(ask('q')),
    });
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toContain('ANTHROPIC_API_KEY');
  });
});
