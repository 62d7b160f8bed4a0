import type { FetchLike } from '../../src/integrations/sms/post-to-provider.ts';

/** One request as an adapter handed it to fetch. */
export interface RecordedRequest {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal | null | undefined;
}

/**
 * For tests only: a fetch that records what an adapter sends and answers from a script, so no test
 * ever reaches a real provider. A scripted Error is thrown as fetch throws on a network failure.
 */
export function fakeFetch(...replies: Array<{ status?: number; json?: unknown; text?: string } | Error>): {
  fetch: FetchLike;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({
      url,
      method: init.method,
      headers: { ...(init.headers as Record<string, string>) },
      body: String(init.body),
      signal: init.signal,
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error('fakeFetch: no reply scripted for this request');
    if (reply instanceof Error) throw reply;
    const text = reply.text ?? JSON.stringify(reply.json);
    return new Response(text, { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, requests };
}
