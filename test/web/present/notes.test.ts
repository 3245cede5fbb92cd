import { describe, expect, it } from 'vitest';
import { notesOf, stripNotes } from '../../../web/present/notes';

describe('speaker notes', () => {
  const text =
    '# Slide\n\n<!-- notes: say hello\nand wave -->\nBody <!-- notes: inline --> end\n<!-- plain comment -->\n';

  it('reads every notes comment, trimmed, in order', () => {
    expect(notesOf(text)).toEqual(['say hello\nand wave', 'inline']);
  });

  it('removes notes (and the lines they stood alone on) but keeps other comments', () => {
    expect(stripNotes(text)).toBe('# Slide\n\nBody  end\n<!-- plain comment -->\n');
    expect(notesOf(stripNotes(text))).toEqual([]);
  });
});
