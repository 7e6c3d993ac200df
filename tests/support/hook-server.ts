import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback } from './loopback';

/** One POST as the endpoint saw it. */
export interface HookRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** The payload's id, when the body is JSON that has one. */
  id: string | undefined;
  /** The Idempotency-Key header. */
  key: string | undefined;
}

/** 'reset' drops the connection; 'hang' never answers, so the client's timeout decides. */
export type HookAnswer = { status: number; headers?: Record<string, string>; body?: string } | 'reset' | 'hang';

export interface HookServer {
  /** The webhook address: `<base>/hook`. */
  url: string;
  /** Every request, in order of arrival. */
  received: HookRequest[];
  /** How to answer the request at `index` (0 for the first); 200 with a JSON body unless a test says otherwise. */
  answer: (index: number) => HookAnswer;
  /** Forgets requests and goes back to answering 200 (between tests). */
  reset(): void;
  close(): Promise<void>;
}

const OK: HookAnswer = { status: 200 };

function idOf(body: string): string | undefined {
  try {
    const id: unknown = JSON.parse(body)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A chat webhook on loopback that records what it receives and answers as each test scripts. */
export async function startHookServer(): Promise<HookServer> {
  const hook: HookServer = {
    url: '',
    received: [],
    answer: () => OK,
    reset() {
      hook.received.length = 0;
      hook.answer = () => OK;
    },
    close: async () => {},
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const index = hook.received.length;
      const key = request.headers['idempotency-key'];
      hook.received.push({ headers: request.headers, body, id: idOf(body), key: typeof key === 'string' ? key : undefined });
      const answer = hook.answer(index);
      if (answer === 'reset') return void request.socket.destroy();
      if (answer === 'hang') return;
      response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers }).end(answer.body ?? '{"ok":true}');
    });
  });
  const listening = await listenOnLoopback(server);
  hook.url = `${listening.base}/hook`;
  hook.close = listening.close;
  return hook;
}
