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
    expect(loadConfig({ PUBLIC_URL: 'https://www.example.cn/', SMS_PROVIDER: 'outbox' }).server).toMatchObject({ isHttps: true, publicUrl: 'https://www.example.cn' });
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
    expect(issuesOf({ PUBLIC_URL: 'https://www.example.cn' }).map((issue) => issue.variable)).toEqual(['SMS_PROVIDER']);
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
