import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAUDE_MODEL, loadConfig } from '../../../server/config';

describe('assistant configuration', () => {
  it('is off without a key and defaults to the current Sonnet with a 4,096-token cap', () => {
    expect(loadConfig({}, '/tmp').claude).toEqual({ model: DEFAULT_CLAUDE_MODEL, maxTokens: 4096 });
    expect(DEFAULT_CLAUDE_MODEL).toBe('claude-sonnet-5-5');
  });

  it('reads the key, a base URL without /v1, the model and the cap', () => {
    const claude = loadConfig(
      {
        ANTHROPIC_API_KEY: ' sk-ant-x ',
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999/v1/',
        VOLLAB_CLAUDE_MODEL: 'claude-opus-5-5',
        VOLLAB_CLAUDE_MAX_TOKENS: '2000',
      },
      '/tmp',
    ).claude;
    expect(claude).toEqual({
      apiKey: 'sk-ant-x',
      baseUrl: 'http://127.0.0.1:9999',
      model: 'claude-opus-5-5',
      maxTokens: 2000,
    });
  });

  it('refuses a bad cap or base URL, without echoing the key', () => {
    expect(() => loadConfig({ VOLLAB_CLAUDE_MAX_TOKENS: '0' }, '/tmp')).toThrow(
      /VOLLAB_CLAUDE_MAX_TOKENS/,
    );
    expect(() =>
      loadConfig({ ANTHROPIC_API_KEY: 'sk-secret', ANTHROPIC_BASE_URL: 'ftp://x' }, '/tmp'),
    ).toThrow(/^invalid ANTHROPIC_BASE_URL: ftp:\/\/x/);
    try {
      loadConfig({ ANTHROPIC_API_KEY: 'sk-secret', ANTHROPIC_BASE_URL: 'ftp://x' }, '/tmp');
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-secret');
    }
  });
});
