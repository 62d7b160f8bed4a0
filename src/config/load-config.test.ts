import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { configDocsTable } from '../cli/commands/config-docs.ts';
import { loadConfig, type ConfigIssue } from './load-config.ts';
import { ConfigVariables } from './variables.ts';

function issuesOf(env: Record<string, string>): ConfigIssue[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error) && error.code === 'config_invalid') return error.details.issues as ConfigIssue[];
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('R-PLAT-2 nothing set gives the embedded demo mode with the operator identity of the privacy policy', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.server.port).toBe(3000);
    expect(config.operator).toMatchObject({
      companyName: '中安联合保险经纪股份有限公司',
      address: '北京市海淀区高梁桥斜街28号7号楼1层111室',
      hotline: '400-996-0007',
    });
    expect(config.operator.piContact.phone).toBe('400-996-0007');
  });

  it('R-PLAT-2 operator identity comes from the environment', () => {
    const config = loadConfig({ OPERATOR_NAME: '示例保险经纪有限公司', OPERATOR_HOTLINE: '400-000-0000', PI_CONTACT_EMAIL: 'dpo@example.cn' });
    expect(config.operator.companyName).toBe('示例保险经纪有限公司');
    expect(config.operator.hotline).toBe('400-000-0000');
    expect(config.operator.piContact).toMatchObject({ email: 'dpo@example.cn', phone: '400-000-0000' });
  });

  it('converts numbers and booleans and treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'true', JOBS_ENABLED: 'false', DATA_DIR: '' });
    expect(config.server).toMatchObject({ port: 8080, trustProxy: true });
    expect(config.jobs.enabled).toBe(false);
    expect(config.database.dataDir.endsWith('data')).toBe(true);
  });

  it('reports every bad variable at once, each with a fix', () => {
    const issues = issuesOf({ PORT: 'abc', LOG_LEVEL: 'loud', JOBS_ENABLED: 'maybe', PI_CONTACT_EMAIL: 'nope', PUBLIC_URL: 'ftp://x' });
    expect(issues.map((issue) => issue.variable).sort()).toEqual(['JOBS_ENABLED', 'LOG_LEVEL', 'PI_CONTACT_EMAIL', 'PORT', 'PUBLIC_URL']);
    const port = issues.find((issue) => issue.variable === 'PORT');
    expect(port?.problem).toContain('whole number from 0 to 65535');
    expect(port?.fix).toContain('PORT=3000');
  });

  it('rejects ports out of range', () => {
    expect(issuesOf({ PORT: '70000' }).map((issue) => issue.variable)).toEqual(['PORT']);
    expect(issuesOf({ PORT: '-1' }).map((issue) => issue.variable)).toEqual(['PORT']);
  });

  it('never repeats a secret value (a database password) in its complaint', () => {
    const issues = issuesOf({ DATABASE_URL: 'mysql://admin:Tr0ub4dor@db.example.cn/x' });
    expect(issues).toHaveLength(1);
    expect(JSON.stringify(issues)).not.toContain('Tr0ub4dor');
  });

  it('https public address turns on HSTS mode', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://www.example.cn/', SMS_PROVIDER: 'outbox', PAYMENT_PROVIDER: 'none' }).server).toMatchObject({ isHttps: true, publicUrl: 'https://www.example.cn' });
  });

  it('every variable is documented, and the README table matches the schema', () => {
    for (const [name, schema] of Object.entries(ConfigVariables.properties)) {
      const s = schema as unknown as Record<string, unknown>;
      expect(s.description, name).toBeTruthy();
      expect(s['x-example'], name).toBeTruthy();
    }
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configDocsTable());
  });
});

describe('SMS configuration', () => {
  it('R-ACC-1 refuses the demo SMS provider on a public https site, and incomplete real providers', () => {
    expect(issuesOf({ PUBLIC_URL: 'https://www.example.cn', PAYMENT_PROVIDER: 'none' }).map((issue) => issue.variable)).toEqual(['SMS_PROVIDER']);
    const missing = issuesOf({ SMS_PROVIDER: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tExample' }).map((issue) => issue.variable);
    expect(missing).toEqual(['ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE']);
    const tencent = loadConfig({
      SMS_PROVIDER: 'tencent',
      TENCENT_SMS_SECRET_ID: 'AKIDexample',
      TENCENT_SMS_SECRET_KEY: 'secret',
      TENCENT_SMS_SDK_APP_ID: '1400000000',
      TENCENT_SMS_SIGN_NAME: 'Besttrav',
      TENCENT_SMS_TEMPLATE_ID: '123456',
    });
    expect(tencent.sms).toMatchObject({ provider: 'tencent', region: 'ap-guangzhou' });
  });
});

describe('payment and insurer configuration', () => {
  it('R-POL-8 nothing set gives the in-process payment sandbox and reference insurer, with the documented defaults', () => {
    const config = loadConfig({});
    expect(config.payment).toEqual({
      provider: 'sandbox',
      timeoutMs: 10_000,
      sandbox: { url: null, secret: null, port: 0, publicUrl: null, latencyMs: 0, refundSettleMs: 0, failureRate: 0, callbackRetryDelaysMs: [15_000, 60_000, 300_000, 900_000, 3_600_000, 10_800_000, 21_600_000] },
    });
    expect(config.insurer).toEqual({ provider: 'reference', timeoutMs: 15_000, baseUrl: null, secret: null, reference: { latencyMs: 200, failureRate: 0 } });
  });

  it('R-POL-8 reads the knobs of the simulators', () => {
    const config = loadConfig({
      PAYMENT_SANDBOX_LATENCY_MS: '300',
      PAYMENT_SANDBOX_FAILURE_RATE: '0.25',
      PAYMENT_SANDBOX_CALLBACK_RETRY_DELAYS_MS: '100,2000',
      PAYMENT_SANDBOX_PORT: '4010',
      REFERENCE_INSURER_LATENCY_MS: '5',
      REFERENCE_INSURER_FAILURE_RATE: '0.3',
    });
    expect(config.payment.sandbox).toMatchObject({ latencyMs: 300, failureRate: 0.25, callbackRetryDelaysMs: [100, 2000], port: 4010 });
    expect(config.insurer.reference).toEqual({ latencyMs: 5, failureRate: 0.3 });
  });

  it('R-POL-8 refuses the sandbox on a public https site, and a failure rate that is not a share', () => {
    expect(issuesOf({ PUBLIC_URL: 'https://www.example.cn', SMS_PROVIDER: 'outbox' }).map((issue) => issue.variable)).toEqual(['PAYMENT_PROVIDER']);
    const issues = issuesOf({ PAYMENT_SANDBOX_FAILURE_RATE: '1.5', REFERENCE_INSURER_FAILURE_RATE: 'often', PAYMENT_SANDBOX_CALLBACK_RETRY_DELAYS_MS: '1s,2s' });
    expect(issues.map((issue) => issue.variable).sort()).toEqual(['PAYMENT_SANDBOX_CALLBACK_RETRY_DELAYS_MS', 'PAYMENT_SANDBOX_FAILURE_RATE', 'REFERENCE_INSURER_FAILURE_RATE']);
    expect(issues.find((issue) => issue.variable === 'PAYMENT_SANDBOX_FAILURE_RATE')?.problem).toContain('share from 0 to 1');
  });

  it('R-POL-8 a sandbox run on its own needs its secret, and the secret is never repeated', () => {
    expect(issuesOf({ PAYMENT_SANDBOX_URL: 'http://127.0.0.1:4010' }).map((issue) => issue.variable)).toEqual(['PAYMENT_SANDBOX_SECRET']);
    const issues = issuesOf({ PAYMENT_SANDBOX_URL: 'http://127.0.0.1:4010', PAYMENT_SANDBOX_SECRET: 'short-Tr0ub4' });
    expect(issues.map((issue) => issue.variable)).toEqual(['PAYMENT_SANDBOX_SECRET']);
    expect(JSON.stringify(issues)).not.toContain('Tr0ub4');
    const config = loadConfig({ PAYMENT_SANDBOX_URL: 'http://127.0.0.1:4010/', PAYMENT_SANDBOX_SECRET: 'a-secret-of-sixteen+' });
    expect(config.payment.sandbox).toMatchObject({ url: 'http://127.0.0.1:4010', secret: 'a-secret-of-sixteen+' });
  });

  it('R-POL-9 insurers over HTTP need their address and secret', () => {
    expect(issuesOf({ INSURER_PROVIDER: 'http' }).map((issue) => issue.variable)).toEqual(['INSURER_BASE_URL', 'INSURER_SECRET']);
    const config = loadConfig({ INSURER_PROVIDER: 'http', INSURER_BASE_URL: 'https://partner.example.cn/', INSURER_SECRET: 'x'.repeat(32), INSURER_TIMEOUT_MS: '5000' });
    expect(config.insurer).toMatchObject({ provider: 'http', baseUrl: 'https://partner.example.cn', secret: 'x'.repeat(32), timeoutMs: 5000 });
  });
});
