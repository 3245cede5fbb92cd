/** A conversation as Markdown, for the Export button: each message under a heading, each SQL step fenced. */
import type { ChatConversation } from '../contract';

/**
 * @example
 * conversationMarkdown({ notebook: 'a.md', messages: [{ role: 'user', content: 'hi', at: '…' }] });
 * // '# Conversation about a.md\n\n## You …'
 */
export function conversationMarkdown(conversation: ChatConversation): string {
  const parts = [`# Conversation about ${conversation.notebook}`];
  for (const message of conversation.messages) {
    const who = message.role === 'user' ? 'You' : 'Claude';
    parts.push(`## ${who} (${message.at})`);
    for (const step of message.steps ?? []) {
      if (step.name === 'run_sql' && typeof step.input.sql === 'string') {
        const count = step.error ? `error: ${step.error}` : `${step.result?.totalRows ?? 0} rows`;
        parts.push(`run_sql (${count}):\n\n\`\`\`sql\n${step.input.sql}\n\`\`\``);
      } else parts.push(`${step.name}${step.error ? ` (error: ${step.error})` : ''}`);
    }
    if (message.content) parts.push(message.content);
    if (message.interrupted) parts.push('_(interrupted)_');
    if (message.usage)
      parts.push(`_${message.usage.inputTokens} tokens in, ${message.usage.outputTokens} out_`);
  }
  return `${parts.join('\n\n')}\n`;
}
