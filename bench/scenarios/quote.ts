import { BenchClient, RequestLog } from '../load/bench-client.ts';
import { requestScenario } from '../load/autocannon-load.ts';
import { randomQuoteRequest } from './quote-requests.ts';
import type { RunShape, ScenarioRun } from './scenario-run.ts';

/**
 * POST /api/site/quotes with a different random trip each time (R-POL-3): the product page's live
 * quote. Sent like the page sends it: with the CSRF cookie and header of one visitor.
 */
export async function measureQuote(url: string, shape: RunShape & { connections: number }): Promise<ScenarioRun> {
  const visitor = new BenchClient(url, new RequestLog());
  await visitor.get('session', '/api/site/session');
  const csrf = visitor.cookie('bt_csrf') ?? '';
  return requestScenario(url, shape, {
    requests: [
      {
        method: 'POST',
        path: '/api/site/quotes',
        headers: { 'content-type': 'application/json', cookie: `bt_csrf=${csrf}`, 'x-csrf-token': csrf, 'accept-language': 'zh-CN' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(randomQuoteRequest(Math.random)) }),
      },
    ],
  });
}
