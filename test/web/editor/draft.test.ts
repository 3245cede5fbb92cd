import { describe, expect, it } from 'vitest';
import { NotebookDraft } from '../../../web/editor/draft';

const text = [
  '---',
  'title: T',
  '---',
  '# Title',
  '',
  '```js',
  'const a = 1',
  '```',
  '',
  '```sql id=q',
  'SELECT 1',
  '```',
  '',
].join('\n');

describe('NotebookDraft', () => {
  it('is clean when opened and serializes to the same bytes', () => {
    const draft = NotebookDraft.fromText(text);
    expect(draft.errors).toEqual([]);
    expect(draft.isDirty()).toBe(false);
    expect(draft.text()).toBe(text);
    expect(draft.rows.map((r) => r.cell.kind)).toEqual(['md', 'js', 'sql']);
  });

  it('is dirty while an editor holds unapplied text, and applying changes only that cell', () => {
    const draft = NotebookDraft.fromText(text);
    const [, js] = draft.rows;
    const oldId = js!.cell.id;
    draft.setDraft(js!.key, 'const a = 2');
    expect(draft.isDirty()).toBe(true);
    expect(draft.text()).toBe(text);
    expect(draft.apply(js!.key)).toBe(true);
    expect(draft.text()).toBe(text.replace('const a = 1', 'const a = 2'));
    expect(draft.rows[1]!.key).toBe(js!.key);
    expect(draft.rows[1]!.cell.id).not.toBe(oldId);
    expect(draft.apply()).toBe(false);
  });

  it('becomes clean again once the saved text matches', () => {
    const draft = NotebookDraft.fromText(text);
    draft.setDraft(draft.rows[1]!.key, 'const a = 3');
    draft.apply();
    draft.markSaved(draft.text());
    expect(draft.isDirty()).toBe(false);
  });

  it('inserts, moves and removes rows keeping keys attached to their cells', () => {
    const draft = NotebookDraft.fromText(text);
    const key = draft.insert(3, 'js', 'a * 10');
    expect(draft.rows.map((r) => r.cell.kind)).toEqual(['md', 'js', 'sql', 'js']);
    expect(draft.text()).toContain('```js\na * 10\n```');
    draft.move(key, -1);
    expect(draft.rows.map((r) => r.cell.source)).toEqual([
      '# Title',
      'const a = 1',
      'a * 10',
      'SELECT 1',
    ]);
    draft.move(draft.rows[0]!.key, -1);
    expect(draft.rows[0]!.cell.source).toBe('# Title');
    draft.remove(key);
    expect(draft.rows.map((r) => r.cell.kind)).toEqual(['md', 'js', 'sql']);
    expect(draft.rows.every((r) => r.draft === r.cell.source)).toBe(true);
  });

  it('keeps a notebook that does not parse as errors, not as cells to edit', () => {
    const draft = NotebookDraft.fromText('# x\n```js\nconst a = 1\n');
    expect(draft.errors[0]!.message).toMatch(/unterminated fence/);
    expect(draft.errors[0]!.line).toBe(2);
  });
});
