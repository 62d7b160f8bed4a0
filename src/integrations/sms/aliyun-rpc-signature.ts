import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud's RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as described on
 * the "签名机制" / "Signature mechanism" pages and implemented by @alicloud/pop-core (lib/rpc.js).
 */

/**
 * RFC 3986 encoding as Alibaba Cloud wants it: encodeURIComponent leaves ! ' ( ) * alone, the
 * signature does not (so * becomes %2A); space is %20, never +; ~ stays as it is.
 */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parameters sorted by name, each name and value percent-encoded; Signature itself never takes part. */
export function aliyunCanonicalizedQuery(params: Readonly<Record<string, string>>): string {
  // Plain code-unit order, not localeCompare: the server sorts bytes, and names are ASCII.
  const names = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(params[name] ?? '')}`).join('&');
}

/** `GET&%2F&<canonicalized query, percent-encoded once more>` — the colon of a timestamp ends up as %253A. */
export function aliyunStringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalizedQuery(params))}`;
}

/** Base64 of HMAC-SHA1 over the string to sign, keyed with the AccessKey secret followed by '&'. */
export function signAliyunRpc(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}
