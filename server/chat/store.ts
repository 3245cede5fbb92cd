/**
 * Conversations, one JSON file per notebook beside the notebooks: `<notebooks>/.chat/<notebook path>.json`.
 * The hidden folder keeps them out of the notebook list; writes are atomic, so a crash never leaves half a file.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isErrno } from '../http/errors';
import { atomicWrite } from '../notebooks/atomic-write';
import { notebookPath } from '../notebooks/paths';
import type { ChatConversation, ChatStoredMessage } from '../contract';

/** The longest conversation kept; older messages drop off the front. */
export const MAX_STORED_MESSAGES = 200;

export interface ConversationStore {
  load(notebook: string): Promise<ChatConversation>;
  append(notebook: string, messages: ChatStoredMessage[]): Promise<ChatConversation>;
  clear(notebook: string): Promise<void>;
}

/**
 * @example
 * const store = createConversationStore('./notebooks');
 * await store.append('btc.md', [{ role: 'user', content: 'hi', at: new Date().toISOString() }]);
 */
export function createConversationStore(notebooksDir: string): ConversationStore {
  const fileOf = (notebook: string) =>
    join(notebooksDir, '.chat', `${notebookPath(notebook)}.json`);
  // One write at a time per file, so two answers finishing together both land.
  const queues = new Map<string, Promise<unknown>>();

  async function load(notebook: string): Promise<ChatConversation> {
    try {
      const value = JSON.parse(await readFile(fileOf(notebook), 'utf8')) as ChatConversation;
      return { notebook, messages: Array.isArray(value.messages) ? value.messages : [] };
    } catch (error) {
      if (isErrno(error, 'ENOENT') || error instanceof SyntaxError)
        return { notebook, messages: [] };
      throw error;
    }
  }

  function serialized<T>(notebook: string, task: () => Promise<T>): Promise<T> {
    const file = fileOf(notebook);
    const next = (queues.get(file) ?? Promise.resolve()).then(task, task);
    queues.set(
      file,
      next.catch(() => undefined),
    );
    return next;
  }

  return {
    load,
    append(notebook, messages) {
      return serialized(notebook, async () => {
        const current = await load(notebook);
        const conversation = {
          notebook,
          messages: [...current.messages, ...messages].slice(-MAX_STORED_MESSAGES),
        };
        const file = fileOf(notebook);
        await mkdir(dirname(file), { recursive: true });
        await atomicWrite(file, `${JSON.stringify(conversation, null, 1)}\n`);
        return conversation;
      });
    },
    clear(notebook) {
      return serialized(notebook, () => rm(fileOf(notebook), { force: true }));
    },
  };
}
