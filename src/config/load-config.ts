import path from 'node:path';
import { Value } from 'typebox/value';
import { AppError } from '../errors/app-error.ts';
import type { SmsConfig } from '../integrations/sms/sms-provider.ts';
import { ConfigVariables, type ConfigVariableName } from './variables.ts';

export interface Config {
  server: { port: number; host: string; publicUrl: string; isHttps: boolean; trustProxy: boolean };
  database: { url: string | undefined; poolMax: number; dataDir: string };
  log: { level: string };
  rateLimit: { perMinute: number };
  metrics: { token: string | undefined };
  jobs: { enabled: boolean };
  keyringFile: string;
  /** Keys from configuration (KEYRING_JSON), when given: then the file is not used. */
  keyringJson: string | undefined;
  sms: SmsConfig;
  alerts: { distinctSubjects: number; windowMinutes: number; quietHoursStart: number; quietHoursEnd: number };
  operator: {
    companyName: string;
    address: string;
    hotline: string;
    icpNumber: string | null;
    licenceNumber: string | null;
    piContact: { name: string; email: string; phone: string };
  };
}

/** One thing wrong with the configuration, in words an operator can act on. */
export interface ConfigIssue {
  variable: string;
  problem: string;
  fix: string;
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the configuration once, at start. Throws an AppError('config_invalid') whose
 * details.issues lists every problem at once, so an operator fixes them in one round.
 */
export function loadConfig(env: Env = process.env): Config {
  const raw = pickVariables(env);
  // Convert turns "3000" into 3000 and "true" into true; what it cannot convert stays, and fails below.
  const converted = Value.Convert(ConfigVariables, Value.Default(ConfigVariables, raw)) as Record<string, unknown>;
  const issues = [...schemaIssues(converted), ...semanticIssues(converted)];
  if (issues.length > 0) {
    const summary = issues.map((issue) => issue.variable).join(', ');
    throw new AppError('config_invalid', `Invalid configuration: ${summary}`, {
      params: { summary },
      details: { issues },
    });
  }
  return toConfig(Value.Parse(ConfigVariables, converted));
}

function pickVariables(env: Env): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of Object.keys(ConfigVariables.properties)) {
    const value = env[name]?.trim();
    // An empty variable means "not set": shells and .env files often leave them empty.
    if (value) picked[name] = value;
  }
  return picked;
}

function schemaIssues(values: Record<string, unknown>): ConfigIssue[] {
  // Checked one variable at a time so that every problem is reported, not only the first few.
  const issues: ConfigIssue[] = [];
  for (const [variable, schema] of Object.entries(ConfigVariables.properties)) {
    const value = values[variable];
    if (value === undefined && !(ConfigVariables.required as string[]).includes(variable)) continue;
    if (!Value.Check(schema, value)) issues.push(describeIssue(variable as ConfigVariableName, values));
  }
  return issues;
}

function describeIssue(variable: ConfigVariableName, values: unknown): ConfigIssue {
  const schema = ConfigVariables.properties[variable] as unknown as Record<string, unknown>;
  const isSecret = schema['x-secret'] === true;
  const given = (values as Record<string, unknown>)[variable];
  const shown = isSecret ? '(value hidden: it may contain a password)' : JSON.stringify(given);
  return {
    variable,
    problem: `${shown} is not valid: ${expectation(schema)}`,
    fix: `Set ${variable}=${String(schema['x-example'])}, or unset it to use the default.`,
  };
}

function expectation(schema: Record<string, unknown>): string {
  if (schema.type === 'integer') return `expected a whole number from ${String(schema.minimum)} to ${String(schema.maximum)}`;
  if (schema.type === 'boolean') return 'expected true or false';
  if (Array.isArray(schema.anyOf)) {
    const choices = schema.anyOf.map((choice: { const?: unknown }) => String(choice.const));
    return `expected one of ${choices.join(', ')}`;
  }
  if (schema.format === 'email') return 'expected an e-mail address';
  return String(schema['x-expected'] ?? 'see the README configuration table');
}

function semanticIssues(values: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const url = values.DATABASE_URL;
  if (typeof url === 'string' && /^postgres(ql)?:\/\//.test(url) && !URL.canParse(url)) {
    issues.push({
      variable: 'DATABASE_URL',
      problem: '(value hidden: it may contain a password) is not a valid URL',
      fix: 'Use the form postgres://USER:PASSWORD@HOST:5432/DATABASE, with special characters in the password percent-encoded.',
    });
  }
  const publicUrl = values.PUBLIC_URL;
  if (typeof publicUrl === 'string' && !URL.canParse(publicUrl)) {
    issues.push({ variable: 'PUBLIC_URL', problem: `${JSON.stringify(publicUrl)} is not a valid URL`, fix: 'Set PUBLIC_URL=https://www.example.com' });
  }
  return [...issues, ...smsIssues(values)];
}

const smsProviderVariables: Record<string, string[]> = {
  aliyun: ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE'],
  tencent: ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID'],
};

function smsIssues(values: Record<string, unknown>): ConfigIssue[] {
  const provider = String(values.SMS_PROVIDER);
  const missing = (smsProviderVariables[provider] ?? []).filter((name) => values[name] === undefined);
  const issues = missing.map((variable) => ({ variable, problem: `is required with SMS_PROVIDER=${provider}`, fix: `Set ${variable} from the ${provider} SMS console.` }));
  if (provider === 'demo' && typeof values.PUBLIC_URL === 'string' && values.PUBLIC_URL.startsWith('https://')) {
    issues.push({
      variable: 'SMS_PROVIDER',
      problem: 'demo shows sign-in codes on the page, which a public https site must not do',
      fix: 'Set SMS_PROVIDER=aliyun or tencent (with their variables), or outbox for a test installation.',
    });
  }
  return issues;
}

function toConfig(values: ConfigVariables): Config {
  const publicUrl = (values.PUBLIC_URL ?? `http://${displayHost(values.HOST)}:${values.PORT}`).replace(/\/+$/, '');
  return {
    server: {
      port: values.PORT,
      host: values.HOST,
      publicUrl,
      isHttps: publicUrl.startsWith('https://'),
      trustProxy: values.TRUST_PROXY,
    },
    database: { url: values.DATABASE_URL, poolMax: values.DATABASE_POOL_MAX, dataDir: path.resolve(values.DATA_DIR) },
    log: { level: values.LOG_LEVEL },
    rateLimit: { perMinute: values.RATE_LIMIT_PER_MINUTE },
    metrics: { token: values.METRICS_TOKEN },
    jobs: { enabled: values.JOBS_ENABLED },
    keyringFile: path.resolve(values.KEYRING_FILE ?? path.join(values.DATA_DIR, 'keys', 'keyring.json')),
    keyringJson: values.KEYRING_JSON,
    sms: smsConfigOf(values),
    alerts: {
      distinctSubjects: values.AUDIT_ALERT_DISTINCT_SUBJECTS,
      windowMinutes: values.AUDIT_ALERT_WINDOW_MINUTES,
      quietHoursStart: Number(values.AUDIT_ALERT_QUIET_HOURS.split('-')[0]),
      quietHoursEnd: Number(values.AUDIT_ALERT_QUIET_HOURS.split('-')[1]),
    },
    operator: {
      companyName: values.OPERATOR_NAME,
      address: values.OPERATOR_ADDRESS,
      hotline: values.OPERATOR_HOTLINE,
      icpNumber: values.OPERATOR_ICP_NUMBER ?? null,
      licenceNumber: values.OPERATOR_LICENCE_NUMBER ?? null,
      piContact: {
        name: values.PI_CONTACT_NAME,
        email: values.PI_CONTACT_EMAIL,
        phone: values.PI_CONTACT_PHONE ?? values.OPERATOR_HOTLINE,
      },
    },
  };
}

function smsConfigOf(values: ConfigVariables): SmsConfig {
  // Presence of the provider's variables is checked in smsIssues before this runs.
  const required = (value: string | undefined) => value ?? '';
  switch (values.SMS_PROVIDER) {
    case 'aliyun':
      return {
        provider: 'aliyun',
        accessKeyId: required(values.ALIYUN_SMS_ACCESS_KEY_ID),
        accessKeySecret: required(values.ALIYUN_SMS_ACCESS_KEY_SECRET),
        signName: required(values.ALIYUN_SMS_SIGN_NAME),
        templateCode: required(values.ALIYUN_SMS_TEMPLATE_CODE),
        ...(values.ALIYUN_SMS_MARKETING_TEMPLATE_CODE ? { marketingTemplateCode: values.ALIYUN_SMS_MARKETING_TEMPLATE_CODE } : {}),
      };
    case 'tencent':
      return {
        provider: 'tencent',
        secretId: required(values.TENCENT_SMS_SECRET_ID),
        secretKey: required(values.TENCENT_SMS_SECRET_KEY),
        sdkAppId: required(values.TENCENT_SMS_SDK_APP_ID),
        signName: required(values.TENCENT_SMS_SIGN_NAME),
        templateId: required(values.TENCENT_SMS_TEMPLATE_ID),
        ...(values.TENCENT_SMS_MARKETING_TEMPLATE_ID ? { marketingTemplateId: values.TENCENT_SMS_MARKETING_TEMPLATE_ID } : {}),
        region: values.TENCENT_SMS_REGION,
      };
    case 'outbox':
      return { provider: 'outbox', outboxFile: path.resolve(values.SMS_OUTBOX_FILE ?? path.join(values.DATA_DIR, 'sms-outbox.jsonl')) };
    default:
      return { provider: 'demo' };
  }
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
