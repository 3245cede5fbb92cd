/**
 * The audience window and the presenter window talk over a BroadcastChannel named after the notebook: the
 * audience says where it is, what its inputs are and what its current and next slide show; the presenter may ask
 * it to move.
 */
export type DeckMessage =
  | { type: 'state'; index: number; count: number; inputs: Record<string, unknown> }
  /** The outputs of the current and next slide as HTML, as the audience sees them now. */
  | { type: 'slides'; index: number; current: string; next: string }
  | { type: 'go'; index: number }
  | { type: 'hello' };

/**
 * @example
 * const channel = openDeckChannel('regime-study.md', (m) => console.log(m));
 * channel.post({ type: 'hello' });
 */
export function openDeckChannel(
  path: string,
  onMessage: (message: DeckMessage) => void,
): { post(message: DeckMessage): void; close(): void } {
  const channel = new BroadcastChannel(`vollab-present:${path}`);
  channel.onmessage = (event: MessageEvent<DeckMessage>) => onMessage(event.data);
  return {
    // Input values are JSON-able (numbers, strings, dates as text); structured cloning copies them.
    post: (message) => channel.postMessage(JSON.parse(JSON.stringify(message)) as DeckMessage),
    close: () => channel.close(),
  };
}
