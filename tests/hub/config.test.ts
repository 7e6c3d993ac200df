import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, ConfigError } from '../../hub/config';

function errorFor(env: NodeJS.ProcessEnv): ConfigError {
  try {
    configFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

describe('configFromEnv', () => {
  it('starts on 127.0.0.1:8787 with the embedded database in .hub when nothing is set', () => {
    expect(configFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: path.resolve('.hub'),
      databaseUrl: undefined,
      secret: undefined,
      coachToken: undefined,
      forwardUrl: undefined,
      forwardFormat: 'json',
      forwardTypes: ['help-request'],
      rateLimitPerMinute: 600,
      trustProxy: false,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = configFromEnv({
      HUB_HOST: '0.0.0.0',
      HUB_PORT: '9000',
      HUB_DATA_DIR: 'var/hub',
      HUB_DATABASE_URL: 'postgresql://hub@db.example.org/coachmark',
      HUB_SECRET: 's3cret',
      HUB_COACH_TOKEN: 'coach',
      HUB_FORWARD_URL: 'https://hooks.slack.com/services/T/B/X',
      HUB_FORWARD_FORMAT: 'slack',
      HUB_FORWARD_TYPES: 'help-request, gap-flag',
      HUB_RATE_LIMIT: '0',
      HUB_TRUST_PROXY: 'true',
      HUB_LOG_LEVEL: 'warn',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 9000,
      dataDir: path.resolve('var/hub'),
      databaseUrl: 'postgresql://hub@db.example.org/coachmark',
      secret: 's3cret',
      coachToken: 'coach',
      forwardUrl: 'https://hooks.slack.com/services/T/B/X',
      forwardFormat: 'slack',
      forwardTypes: ['help-request', 'gap-flag'],
      rateLimitPerMinute: 0,
      trustProxy: true,
      logLevel: 'warn',
    });
    expect(configFromEnv({ HUB_PORT: '0' }).port).toBe(0);
    expect(configFromEnv({ HUB_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(configFromEnv({ HUB_FORWARD_URL: 'http://127.0.0.1:9999/hook' }).forwardUrl).toBe('http://127.0.0.1:9999/hook');
  });

  it.each([
    ['HUB_PORT', 'eighty'],
    ['HUB_PORT', '65536'],
    ['HUB_PORT', '-1'],
    ['HUB_PORT', '80.5'],
    ['HUB_FORWARD_FORMAT', 'telegram'],
    ['HUB_FORWARD_TYPES', 'help-request,chat-message'],
    ['HUB_FORWARD_URL', 'not a url'],
    ['HUB_FORWARD_URL', 'http://chat.example.org/hook'],
    ['HUB_DATABASE_URL', 'mysql://hub@db.example.org/coachmark'],
    ['HUB_RATE_LIMIT', 'lots'],
    ['HUB_RATE_LIMIT', '-5'],
  ])('names %s in the error for "%s"', (variable, value) => {
    const error = errorFor({ [variable]: value });
    expect(error.message.startsWith(`${variable}: `), error.message).toBe(true);
  });
});
