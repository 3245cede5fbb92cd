import { describe, expect, it } from 'vitest';
import { parse } from '../../../web/notebook/parse';
import { notebookTitle } from '../../../web/notebook/title';

describe('notebookTitle', () => {
  it('prefers front matter title, plain or quoted', () => {
    expect(notebookTitle('---\ntitle: BTC regimes\ndatasets: [a]\n---\n# Other', 'f')).toBe(
      'BTC regimes',
    );
    expect(notebookTitle('---\ndatasets: [a]\ntitle: "A: \\"b\\""\n---\n', 'f')).toBe('A: "b"');
    expect(notebookTitle("---\ntitle: 'it''s'\n---\n", 'f')).toBe("it's");
    expect(notebookTitle('---\r\ntitle: CRLF\r\n---\r\n', 'f')).toBe('CRLF');
  });

  it('reads the title as YAML, as the notebook model does: a # comment is not part of it', () => {
    const text = '---\ntitle: BTC regimes # draft\n---\n# Other\n';
    expect(notebookTitle(text, 'f')).toBe('BTC regimes');
    expect(notebookTitle(text, 'f')).toBe(parse(text).frontMatter?.data.title);
    expect(notebookTitle('---\ntitle: "#1 # not a comment"\n---\n', 'f')).toBe(
      '#1 # not a comment',
    );
  });

  it('falls back to the first level-one heading, then to the file name', () => {
    expect(notebookTitle('---\ndatasets: []\n---\ntext\n## Sub\n# Main #\n', 'f')).toBe('Main');
    expect(notebookTitle('#hashtag only\n```sh\n# a comment in a fence\n```\n', 'f')).toBe('f');
    expect(notebookTitle('```js\n# not a title\n```\n\n# Title\n', 'f')).toBe('Title');
    expect(notebookTitle('~~~~\n# fenced\n```\n# still fenced\n~~~~\n# After\n', 'f')).toBe(
      'After',
    );
    expect(notebookTitle('no heading', 'fallback')).toBe('fallback');
    expect(notebookTitle('title: not front matter\n', 'fallback')).toBe('fallback');
  });
});
