import { isClosingFence, openingFence, type OpeningFence } from './fence';

/** A line of text: `[start, end)` includes the line ending, `contentEnd` excludes it. */
export interface Line {
  start: number;
  contentEnd: number;
  end: number;
}

/** Splits `text` into lines (`\r\n`, `\n` or `\r` endings); the last line may have no ending. */
export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < text.length) {
    let i = start;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    const end = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i < text.length ? i + 1 : i;
    lines.push({ start, contentEnd: i, end });
    start = end;
  }
  return lines;
}

/** A raw piece of the document after the front matter. */
export type Segment =
  | { type: 'text'; start: number; end: number }
  | { type: 'break'; start: number; end: number }
  | {
      type: 'fence';
      start: number;
      end: number;
      open: OpeningFence;
      /** Content lines between the fences. */
      content: Line[];
      closed: boolean;
    };

const breakLine = /^---[ \t]*$/;

/**
 * Cuts the text into fenced blocks, `---` slide breaks and the prose between them. A `---` line
 * right under a prose line is a setext heading underline, not a break.
 */
export function segment(text: string, lines: readonly Line[]): Segment[] {
  const segments: Segment[] = [];
  let textStart = -1;
  let previousBlank = true;
  const flushText = (end: number): void => {
    if (textStart >= 0) segments.push({ type: 'text', start: textStart, end });
    textStart = -1;
    previousBlank = true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = text.slice(line.start, line.contentEnd);
    const open = openingFence(content);
    if (open) {
      flushText(line.start);
      let j = i + 1;
      while (
        j < lines.length &&
        !isClosingFence(text.slice(lines[j]!.start, lines[j]!.contentEnd), open.marker)
      )
        j++;
      const closed = j < lines.length;
      const end = closed ? lines[j]!.end : text.length;
      segments.push({
        type: 'fence',
        start: line.start,
        end,
        open,
        content: lines.slice(i + 1, j),
        closed,
      });
      i = j;
    } else if (previousBlank && breakLine.test(content)) {
      flushText(line.start);
      segments.push({ type: 'break', start: line.start, end: line.end });
    } else {
      if (textStart < 0) textStart = line.start;
      previousBlank = content.trim() === '';
    }
  }
  flushText(text.length);
  return segments;
}
