import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../errors/app-error.ts';
import { signAliyunRpc } from './aliyun-rpc-signature.ts';
import { AliyunSmsProvider, aliyunPhoneNumber, type AliyunSmsOptions } from './aliyun-sms-provider.ts';
import { fakeFetch } from '../../../test/support/fake-fetch.ts';
import type { SmsMessage } from './sms-provider.ts';

const message: SmsMessage = { to: '+8613800138000', template: 'verification_code', params: { code: '493817', minutes: 5 } };
const personal = ['13800138000', '493817'];

function provider(fetch: AliyunSmsOptions['fetch'], extra: Partial<AliyunSmsOptions> = {}): AliyunSmsProvider {
  return new AliyunSmsProvider({
    accessKeyId: 'LTAI-test',
    accessKeySecret: 'test-secret',
    signName: '百思特保险',
    templateCode: 'SMS_123456789',
    fetch,
    now: () => new Date('2026-03-01T02:03:04.567Z'),
    nonce: () => 'nonce-1',
    ...extra,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error('expected an AppError');
  return error;
}

function expectNoPersonalData(error: AppError): void {
  const visible = `${error.message} ${JSON.stringify(error.details)} ${error.stack ?? ''}`;
  for (const secret of personal) expect(visible).not.toContain(secret);
}

describe('Alibaba Cloud SMS provider', () => {
  it('R-ACC-1 POSTs a signed SendSms form with the national number and the code as TemplateParam', async () => {
    const fake = fakeFetch({ json: { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'r-1' } });
    const receipt = await provider(fake.fetch).send(message);

    expect(receipt).toEqual({ provider: 'aliyun', providerMessageId: '900619746936498440^0' });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://dysmsapi.aliyuncs.com/');
    expect(request?.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(request?.signal).toBeInstanceOf(AbortSignal);

    const form = Object.fromEntries(new URLSearchParams(request?.body));
    const { Signature: signature, ...signed } = form;
    expect(signed).toEqual({
      AccessKeyId: 'LTAI-test',
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: '13800138000',
      RegionId: 'cn-hangzhou',
      SignName: '百思特保险',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-1',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_123456789',
      TemplateParam: '{"code":"493817"}',
      Timestamp: '2026-03-01T02:03:04Z',
      Version: '2017-05-25',
    });
    // The same function that reproduces the documented examples, over what was actually sent.
    expect(signature).toBe(signAliyunRpc('POST', signed, 'test-secret'));
    // Nothing personal in the URL, which proxies log.
    for (const secret of personal) expect(request?.url).not.toContain(secret);
  });

  it('uses a configured endpoint', async () => {
    const fake = fakeFetch({ json: { Code: 'OK', BizId: 'b' } });
    await provider(fake.fetch, { endpoint: 'https://dysmsapi.ap-southeast-1.aliyuncs.com/' }).send(message);
    expect(fake.requests[0]?.url).toBe('https://dysmsapi.ap-southeast-1.aliyuncs.com/');
  });

  it('sends numbers outside the mainland with their country code and without +', () => {
    expect(aliyunPhoneNumber('+8613800138000')).toBe('13800138000');
    expect(aliyunPhoneNumber('+85251234567')).toBe('85251234567');
  });

  it('turns a refusal into sms_failed with the provider code, and keeps the number and code out of it', async () => {
    const fake = fakeFetch({
      json: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控Permits:10 13800138000 493817', RequestId: 'r-2' },
    });
    const error = await failureOf(provider(fake.fetch).send(message));
    expect(error.code).toBe('sms_failed');
    expect(error.details).toMatchObject({ provider: 'aliyun', providerCode: 'isv.BUSINESS_LIMIT_CONTROL' });
    expect(error.details.providerMessage).toContain('触发号码天级流控');
    expectNoPersonalData(error);
  });

  it('reads the provider code of a refusal sent with an HTTP error status', async () => {
    const fake = fakeFetch({ status: 400, json: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' } });
    const error = await failureOf(provider(fake.fetch).send(message));
    expect(error.details).toMatchObject({ provider: 'aliyun', providerCode: 'SignatureDoesNotMatch' });
    expectNoPersonalData(error);
  });

  it('reports a reply that is not JSON by its HTTP status', async () => {
    const fake = fakeFetch({ status: 502, text: '<html>Bad Gateway</html>' });
    const error = await failureOf(provider(fake.fetch).send(message));
    expect(error.details).toMatchObject({ provider: 'aliyun', providerCode: 'http_502' });
  });

  it('turns a network failure and a timeout into sms_failed', async () => {
    const network = await failureOf(provider(fakeFetch(new TypeError('fetch failed')).fetch).send(message));
    expect(network.code).toBe('sms_failed');
    expect(network.details).toMatchObject({ provider: 'aliyun', providerCode: 'network_error' });
    expectNoPersonalData(network);

    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const timedOut = await failureOf(provider(fakeFetch(timeout).fetch).send(message));
    expect(timedOut.details).toMatchObject({ provider: 'aliyun', providerCode: 'timeout' });
    expectNoPersonalData(timedOut);
  });

  it('refuses a recipient that is not E.164 without sending anything or echoing it', async () => {
    const fake = fakeFetch();
    const error = await failureOf(provider(fake.fetch).send({ ...message, to: '13800138000' }));
    expect(error.details).toMatchObject({ provider: 'aliyun', providerCode: 'invalid_recipient' });
    expect(fake.requests).toHaveLength(0);
    expectNoPersonalData(error);
  });
});
