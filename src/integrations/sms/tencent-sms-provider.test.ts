import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../errors/app-error.ts';
import { fakeFetch } from '../../../test/support/fake-fetch.ts';
import type { SmsMessage } from './sms-provider.ts';
import { TencentSmsProvider, type TencentSmsOptions } from './tencent-sms-provider.ts';
import { signTc3 } from './tencent-tc3-signature.ts';

const message: SmsMessage = { to: '+8613800138000', template: 'verification_code', params: { code: '493817', minutes: 5 } };
const personal = ['13800138000', '493817'];
const now = new Date('2026-03-01T02:03:04.567Z');

function provider(fetch: TencentSmsOptions['fetch'], extra: Partial<TencentSmsOptions> = {}): TencentSmsProvider {
  return new TencentSmsProvider({
    secretId: 'AKID-test',
    secretKey: 'test-key',
    sdkAppId: '1400006666',
    signName: '百思特保险',
    templateId: '1110',
    fetch,
    now: () => now,
    ...extra,
  });
}

const sent = {
  Response: {
    SendStatusSet: [
      { SerialNo: '5000:1045710669157053657849499619', PhoneNumber: '+8613800138000', Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' },
    ],
    RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
  },
};

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

describe('Tencent Cloud SMS provider', () => {
  it('R-ACC-1 POSTs a TC3-signed SendSms with the E.164 number, the code and the minutes', async () => {
    const fake = fakeFetch({ json: sent });
    const receipt = await provider(fake.fetch).send(message);

    expect(receipt).toEqual({ provider: 'tencent', providerMessageId: '5000:1045710669157053657849499619' });
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://sms.tencentcloudapi.com/');
    expect(new URL(request?.url ?? '').host).toBe('sms.tencentcloudapi.com');
    expect(request?.signal).toBeInstanceOf(AbortSignal);
    expect(request?.headers).toMatchObject({
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'SendSms',
      'X-TC-Version': '2021-01-11',
      'X-TC-Region': 'ap-guangzhou',
      'X-TC-Timestamp': String(Math.floor(now.getTime() / 1000)),
    });
    expect(JSON.parse(request?.body ?? '')).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400006666',
      SignName: '百思特保险',
      TemplateId: '1110',
      TemplateParamSet: ['493817', '5'],
    });
    // The signature that reproduces the documented example, over the exact body and headers sent.
    const expected = signTc3({
      secretId: 'AKID-test',
      secretKey: 'test-key',
      service: 'sms',
      timestamp: Math.floor(now.getTime() / 1000),
      payload: request?.body ?? '',
      signedHeaders: { 'content-type': 'application/json; charset=utf-8', host: 'sms.tencentcloudapi.com', 'x-tc-action': 'SendSms' },
    });
    expect(request?.headers.Authorization).toBe(expected.authorization);
    expect(request?.headers.Authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKID-test\/2026-03-01\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
  });

  it('sends to the configured region', async () => {
    const fake = fakeFetch({ json: sent });
    await provider(fake.fetch, { region: 'ap-beijing' }).send(message);
    expect(fake.requests[0]?.headers['X-TC-Region']).toBe('ap-beijing');
  });

  it('turns Response.Error into sms_failed with its code', async () => {
    const fake = fakeFetch({
      json: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'r' } },
    });
    const error = await failureOf(provider(fake.fetch).send(message));
    expect(error.code).toBe('sms_failed');
    expect(error.details).toMatchObject({ provider: 'tencent', providerCode: 'AuthFailure.SignatureFailure' });
    expectNoPersonalData(error);
  });

  it('turns a send status other than Ok into sms_failed, and keeps the number and code out of it', async () => {
    const fake = fakeFetch({
      json: {
        Response: {
          SendStatusSet: [
            {
              SerialNo: '',
              PhoneNumber: '+8613800138000',
              Code: 'LimitExceeded.PhoneNumberDailyLimit',
              Message: 'the number of sms messages sent from a single mobile number +8613800138000 every day exceeds the upper limit (code 493817)',
            },
          ],
          RequestId: 'r',
        },
      },
    });
    const error = await failureOf(provider(fake.fetch).send(message));
    expect(error.details).toMatchObject({ provider: 'tencent', providerCode: 'LimitExceeded.PhoneNumberDailyLimit' });
    expect(error.details.providerMessage).toContain('exceeds the upper limit');
    expectNoPersonalData(error);
  });

  it('reports a reply without a send status as malformed', async () => {
    const error = await failureOf(provider(fakeFetch({ json: { Response: { RequestId: 'r' } } }).fetch).send(message));
    expect(error.details).toMatchObject({ provider: 'tencent', providerCode: 'malformed_response' });
  });

  it('turns a network failure and a timeout into sms_failed', async () => {
    const network = await failureOf(provider(fakeFetch(new TypeError('fetch failed')).fetch).send(message));
    expect(network.details).toMatchObject({ provider: 'tencent', providerCode: 'network_error' });
    expectNoPersonalData(network);

    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const timedOut = await failureOf(provider(fakeFetch(timeout).fetch).send(message));
    expect(timedOut.details).toMatchObject({ provider: 'tencent', providerCode: 'timeout' });
    expectNoPersonalData(timedOut);
  });
});
