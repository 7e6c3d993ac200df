import path from 'node:path';
import { ENDPOINT_FORMATS, type EndpointFormat } from '../utils/endpoints/types';
import { EVENT_TYPES, type EventType } from '../utils/endpoints/schema';

/** Everything the Hub can be told, from the environment (docs/hub.md lists each variable). */
export interface HubConfig {
  host: string;
  /** 0: any free port (tests). */
  port: number;
  /** Where the embedded database lives when no databaseUrl is given. */
  dataDir: string;
  databaseUrl?: string;
  /** The shared secret teachers' extensions sign events with; without it, events are not signed. */
  secret?: string;
  /** A coach token accepted as `Authorization: Bearer …` (stored hashed, named "Coach"). */
  coachToken?: string;
  /** The school's chat, for help requests (and whichever other kinds forwardTypes lists). */
  forwardUrl?: string;
  forwardFormat: EndpointFormat;
  forwardTypes: EventType[];
  /** Events per minute per client, with bursts of up to a sixth of that; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Behind a load balancer: the client is the first address in X-Forwarded-For. */
  trustProxy: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

const DEFAULT_PORT = 8787;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = env.HUB_PORT === undefined || env.HUB_PORT === '' ? DEFAULT_PORT : Number(env.HUB_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`HUB_PORT: must be a port number, not "${env.HUB_PORT}"`);
  const forwardFormat = (env.HUB_FORWARD_FORMAT || 'json') as EndpointFormat;
  if (!ENDPOINT_FORMATS.includes(forwardFormat)) {
    throw new ConfigError(`HUB_FORWARD_FORMAT: must be one of ${ENDPOINT_FORMATS.join(', ')}, not "${env.HUB_FORWARD_FORMAT}"`);
  }
  const forwardTypes = (env.HUB_FORWARD_TYPES || 'help-request').split(',').map((type) => type.trim()) as EventType[];
  for (const type of forwardTypes) {
    if (!EVENT_TYPES.includes(type)) throw new ConfigError(`HUB_FORWARD_TYPES: "${type}" is not one of ${EVENT_TYPES.join(', ')}`);
  }
  if (env.HUB_FORWARD_URL) {
    let url: URL;
    try {
      url = new URL(env.HUB_FORWARD_URL);
    } catch {
      throw new ConfigError('HUB_FORWARD_URL: is not a valid URL');
    }
    if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      throw new ConfigError('HUB_FORWARD_URL: must use https:// (http is only allowed for this machine)');
    }
  }
  if (env.HUB_DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.HUB_DATABASE_URL)) {
    throw new ConfigError('HUB_DATABASE_URL: must start with postgres://');
  }
  const rate = env.HUB_RATE_LIMIT === undefined || env.HUB_RATE_LIMIT === '' ? 600 : Number(env.HUB_RATE_LIMIT);
  if (!Number.isFinite(rate) || rate < 0)
    throw new ConfigError(`HUB_RATE_LIMIT: must be a number of events per minute, not "${env.HUB_RATE_LIMIT}"`);
  return {
    host: env.HUB_HOST || '127.0.0.1',
    port,
    dataDir: path.resolve(env.HUB_DATA_DIR || '.hub'),
    databaseUrl: env.HUB_DATABASE_URL || undefined,
    secret: env.HUB_SECRET || undefined,
    coachToken: env.HUB_COACH_TOKEN || undefined,
    forwardUrl: env.HUB_FORWARD_URL || undefined,
    forwardFormat,
    forwardTypes,
    rateLimitPerMinute: rate,
    trustProxy: env.HUB_TRUST_PROXY === '1' || env.HUB_TRUST_PROXY === 'true',
    logLevel: env.HUB_LOG_LEVEL || 'info',
  };
}
