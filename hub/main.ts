/**
 * `npm run hub` starts the Hub; `npm run hub -- token create "Name"` makes a coach token,
 * `token list` and `token revoke <id>` manage them (docs/hub.md).
 */
import { configFromEnv, ConfigError } from './config';
import { openDatabase } from './database';
import { startHub } from './server';
import { createCoachToken, listCoachTokens, revokeCoachToken } from './store';

const USAGE = `Usage:
  npm run hub                          start the Hub (settings: HUB_* environment variables, docs/hub.md)
  npm run hub -- token create "Name"   make a coach token (shown once)
  npm run hub -- token list            list coach tokens
  npm run hub -- token revoke <id>     revoke a coach token`;

async function tokens(args: string[]): Promise<number> {
  const config = configFromEnv();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const [verb, value] = args;
    if (verb === 'create' && value?.trim()) {
      const token = await createCoachToken(database, value.trim());
      console.log(`Coach token for ${value.trim()} (shown once; the Hub keeps only its hash):\n${token}`);
      return 0;
    }
    if (verb === 'list') {
      for (const row of await listCoachTokens(database)) {
        console.log(`${row.id}\t${row.name}\t${row.createdAt}${row.revoked ? '\trevoked' : ''}`);
      }
      return 0;
    }
    if (verb === 'revoke' && value && /^\d+$/.test(value)) {
      const revoked = await revokeCoachToken(database, Number(value));
      console.log(revoked ? `Token ${value} revoked.` : `No active token has the id ${value}.`);
      return revoked ? 0 : 1;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await database.close();
  }
}

async function serveHub(): Promise<void> {
  const hub = await startHub();
  console.log(`Coachmark Hub listening on ${hub.url}`);
  hub.logger.info(
    { url: hub.url, database: hub.database.kind, forwarding: hub.config.forwardUrl ? hub.config.forwardFormat : null },
    'ready',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    hub.logger.info({ signal }, 'shutting down: finishing requests in flight');
    hub.close().then(
      () => process.exit(0),
      (error) => {
        hub.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === undefined || command === 'serve') return serveHub();
  if (command === 'token') {
    process.exitCode = await tokens(rest);
    return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Coachmark Hub: ${error.message}` : error);
  process.exit(1);
});
