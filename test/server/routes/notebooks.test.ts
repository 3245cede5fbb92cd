import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { contentEtag } from '../../../server/http/etag';
import { createFixture, signedInApp, jsonApi, type Fixture } from './fixtures';

describe('/api/notebooks', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  let dir: string;
  const api = jsonApi(() => app, '/api/notebooks');

  beforeAll(async () => {
    fx = await createFixture({ env: { VOLLAB_MAX_BODY_BYTES: '4096' } });
    app = signedInApp(fx.config);
    dir = fx.config.notebooksDir;
  });
  afterAll(() => fx.cleanup());

  it('creates a notebook from a title (slug path, front matter) and 409s a second one', async () => {
    const res = await api('', { method: 'POST', body: { title: 'BTC Régime study: 2025' } });
    expect(res.status).toBe(201);
    const doc = await res.json();
    expect(doc.path).toBe('btc-regime-study-2025.md');
    expect(doc.text).toBe(
      '---\ntitle: "BTC Régime study: 2025"\n---\n\n# BTC Régime study: 2025\n',
    );
    expect(doc.etag).toBe(contentEtag(doc.text));
    expect(res.headers.get('ETag')).toBe(doc.etag);
    expect(await readFile(join(dir, doc.path), 'utf8')).toBe(doc.text);
    expect(
      (await api('', { method: 'POST', body: { title: 'BTC Régime study: 2025' } })).status,
    ).toBe(409);
    const nested = await api('', {
      method: 'POST',
      body: { title: 'Deep', path: 'studies/deep.md' },
    });
    expect((await nested.json()).path).toBe('studies/deep.md');
  });

  it('lists .md files recursively with titles, skipping .trash and .conflicts', async () => {
    await writeFile(join(dir, 'plain.md'), 'intro\n# First heading\n## Second');
    await writeFile(join(dir, 'notes.txt'), 'not a notebook');
    await mkdir(join(dir, '.trash'), { recursive: true });
    await writeFile(join(dir, '.trash/old.md'), '# old');
    const list = await (await api('')).json();
    const byPath = Object.fromEntries(
      list.map((n: { path: string; title: string }) => [n.path, n.title]),
    );
    expect(byPath).toEqual({
      'btc-regime-study-2025.md': 'BTC Régime study: 2025',
      'plain.md': 'First heading',
      'studies/deep.md': 'Deep',
    });
    const plain = list.find((n: { path: string }) => n.path === 'plain.md');
    expect(plain.size).toBe(6 + 16 + 9);
    expect(plain.etag).toBe(contentEtag('intro\n# First heading\n## Second'));
  });

  it('reads a notebook with its ETag, 404 when missing', async () => {
    const res = await api('/studies/deep.md');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc).toMatchObject({ path: 'studies/deep.md', etag: res.headers.get('ETag') });
    expect(typeof doc.modified).toBe('string');
    expect((await api('/studies/missing.md')).status).toBe(404);
  });

  it('saves with a matching If-Match, 428 without one, and creates a new file without one', async () => {
    const { etag } = await (await api('/plain.md')).json();
    const saved = await api('/plain.md', {
      method: 'PUT',
      body: { text: '# v2\n' },
      headers: { 'If-Match': etag },
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).etag).toBe(contentEtag('# v2\n'));
    expect(await readFile(join(dir, 'plain.md'), 'utf8')).toBe('# v2\n');
    expect((await api('/plain.md', { method: 'PUT', body: { text: 'x' } })).status).toBe(428);
    const created = await api('/fresh.md', { method: 'PUT', body: { text: '# fresh\n' } });
    expect(created.status).toBe(201);
  });

  it('rejects a stale save with 409, keeping the newer file and the rejected text', async () => {
    const { etag: stale } = await (await api('/plain.md')).json();
    const other = await api('/plain.md', {
      method: 'PUT',
      body: { text: '# theirs\n' },
      headers: { 'If-Match': stale },
    });
    expect(other.status).toBe(200);
    const res = await api('/plain.md', {
      method: 'PUT',
      body: { text: '# mine\n' },
      headers: { 'If-Match': stale },
    });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.current).toEqual({ text: '# theirs\n', etag: contentEtag('# theirs\n') });
    expect(body.conflictCopy).toMatch(/^\.conflicts\/plain\.\d{4}-\d\d-\d\dT[\d-]+Z\.md$/);
    expect(await readFile(join(dir, body.conflictCopy), 'utf8')).toBe('# mine\n');
    expect(await readFile(join(dir, 'plain.md'), 'utf8')).toBe('# theirs\n');
  });

  it('renames, 409 when the target exists, 404 when the source is missing', async () => {
    const res = await api('/fresh.md/rename', {
      method: 'POST',
      body: { to: 'archive/fresh-2.md' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).path).toBe('archive/fresh-2.md');
    expect(await readFile(join(dir, 'archive/fresh-2.md'), 'utf8')).toBe('# fresh\n');
    const clash = await api('/archive/fresh-2.md/rename', {
      method: 'POST',
      body: { to: 'plain.md' },
    });
    expect(clash.status).toBe(409);
    expect(await readFile(join(dir, 'archive/fresh-2.md'), 'utf8')).toBe('# fresh\n');
    expect((await api('/fresh.md/rename', { method: 'POST', body: { to: 'x.md' } })).status).toBe(
      404,
    );
  });

  it('deletes into .trash', async () => {
    const res = await api('/archive/fresh-2.md', { method: 'DELETE' });
    expect(res.status).toBe(200);
    const { trashed } = await res.json();
    expect(trashed).toMatch(/^\.trash\/[\dT-]+Z-archive__fresh-2\.md$/);
    expect(await readFile(join(dir, trashed), 'utf8')).toBe('# fresh\n');
    expect(await readdir(join(dir, 'archive'))).toEqual([]);
    expect((await api('/archive/fresh-2.md', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses paths outside notebooks/ (403) and malformed ones (400)', async () => {
    await writeFile(join(fx.root, 'outside.md'), 'secret');
    await symlink(fx.root, join(dir, 'link'));
    const urlCases: [string, number][] = [
      ['/..%2foutside.md', 403],
      ['/%2e%2e%2foutside.md', 403],
      ['/%252e%252e%252foutside.md', 403],
      ['/..%5coutside.md', 403],
      ['/.trash/x.md', 403],
      ['/link/outside.md', 403],
      ['/plain.txt', 400],
      ['/a%00.md', 400],
      [`/${'a'.repeat(300)}.md`, 400],
    ];
    for (const [path, status] of urlCases) {
      const res = await api(path);
      expect(res.status, path).toBe(status);
      expect(await res.text()).not.toContain('secret');
    }
    const bodyCases: [unknown, number][] = [
      [{ title: 't', path: '../outside.md' }, 403],
      [{ title: 't', path: '/tmp/x.md' }, 403],
      [{ title: 't', path: 'a\\b.md' }, 403],
      [{ title: 't', path: 'link/new.md' }, 403],
      [{ title: 't', path: 'x.markdown' }, 400],
      [{ title: '' }, 400],
      [{ title: 5 }, 400],
    ];
    for (const [body, status] of bodyCases) {
      expect((await api('', { method: 'POST', body })).status, JSON.stringify(body)).toBe(status);
    }
    expect(
      (await api('/plain.md/rename', { method: 'POST', body: { to: '../x.md' } })).status,
    ).toBe(403);
  });

  it('answers malformed JSON with 400 and bodies over the limit with 413', async () => {
    const bad = await api('', { method: 'POST', body: '{"title": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('malformed JSON body');
    const big = await api('/big.md', { method: 'PUT', body: { text: 'x'.repeat(5000) } });
    expect(big.status).toBe(413);
    expect((await big.json()).error.status).toBe(413);
  });

  it('refuses a body that is not valid UTF-8 (400) instead of saving U+FFFD in its place', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ text: 'price: XX' }));
    const i = json.indexOf(0x58); // the first X
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80]]) {
      const body = new Uint8Array([...json.subarray(0, i), ...bad, ...json.subarray(i + 1)]);
      const res = await app.request('http://localhost/api/notebooks/utf8.md', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toBe('request body is not valid UTF-8');
    }
    expect(await readdir(dir)).not.toContain('utf8.md');
    const good = await api('/utf8.md', { method: 'PUT', body: { text: 'σ = 0.62 ✓' } });
    expect(good.status).toBe(201);
    expect(await readFile(join(dir, 'utf8.md'), 'utf8')).toBe('σ = 0.62 ✓');
  });

  it('answers a path through a notebook file or onto a folder with 4xx and a message, not 500', async () => {
    await writeFile(join(dir, 'through.md'), '# file\n');
    await mkdir(join(dir, 'sub.md'), { recursive: true });
    const cases: [string, string, number, string][] = [
      [
        'GET',
        '/through.md/x.md',
        404,
        'no such notebook: through.md/x.md (part of the path is a notebook file)',
      ],
      [
        'PUT',
        '/through.md/x.md',
        409,
        'cannot write: through.md/x.md (part of the path is a notebook file)',
      ],
      ['PUT', '/sub.md', 409, 'cannot write: sub.md (a folder has this name)'],
      [
        'DELETE',
        '/through.md/x.md',
        404,
        'no such notebook: through.md/x.md (part of the path is a notebook file)',
      ],
    ];
    for (const [method, path, status, message] of cases) {
      const res = await api(path, {
        method,
        ...(method === 'PUT' ? { body: { text: 'new' } } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect((await res.json()).error.message).toBe(message);
    }
    expect(await readFile(join(dir, 'through.md'), 'utf8')).toBe('# file\n');
  });
});
