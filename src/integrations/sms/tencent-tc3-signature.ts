import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0 signature TC3-HMAC-SHA256 ("签名方法 v3"), for POST requests to `/` with a
 * JSON body — the only kind the SMS adapter sends.
 */
export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** Product name, the first label of the host: `sms` for sms.tencentcloudapi.com. */
  service: string;
  /** X-TC-Timestamp, in seconds. */
  timestamp: number;
  /** The exact body that is sent: its bytes are hashed. */
  payload: string;
  /** Headers that take part in the signature; content-type and host are required by Tencent. */
  signedHeaders: Readonly<Record<string, string>>;
}

export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The UTC date of the timestamp: a local (UTC+8) date makes every request between 00:00 and 08:00 fail. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function signTc3(input: Tc3Input): Tc3Signature {
  const headers = Object.entries(input.signedHeaders)
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaderNames = headers.map(([name]) => name).join(';');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaderNames, sha256Hex(input.payload)].join('\n');

  const date = tc3Date(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');

  const secretDate = hmacSha256(`TC3${input.secretKey}`, date);
  const secretService = hmacSha256(secretDate, input.service);
  const secretSigning = hmacSha256(secretService, 'tc3_request');
  const signature = hmacSha256(secretSigning, stringToSign).toString('hex');

  const authorization = `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaderNames}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmacSha256(key: string | Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
