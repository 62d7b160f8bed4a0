import path from 'node:path';
import { Value } from 'typebox/value';
import { AppError } from '../errors/app-error.ts';
import type { SmsConfig } from '../integrations/sms/sms-provider.ts';
import { ConfigVariables, type ConfigVariableName } from './variables.ts';

export interface Config {
  server: { port: number; host: string; publicUrl: string; isHttps: boolean; trustProxy: boolean };
  database: { url: string | undefined; poolMax: number; preparedStatements: boolean; dataDir: string };
  log: { level: string };
  rateLimit: { perMinute: number };
  metrics: { token: string | undefined };
  jobs: { enabled: boolean };
  keyringFile: string;
  /** Keys from configuration (KEYRING_JSON), when given: then the file is not used. */
  keyringJson: string | undefined;
  sms: SmsConfig;
  payment: PaymentConfig;
  insurer: InsurerConfig;
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

/** The payment provider (R-POL-8); the sandbox runs in this process unless `sandbox.url` names one. */
export interface PaymentConfig {
  provider: 'sandbox' | 'none';
  timeoutMs: number;
  sandbox: {
    url: string | null;
    secret: string | null;
    port: number;
    publicUrl: string | null;
    latencyMs: number;
    refundSettleMs: number;
    failureRate: number;
    callbackRetryDelaysMs: number[];
  };
}

/** The insurers' partner API (R-POL-9): the in-process reference insurer, or one gateway over HTTP. */
export interface InsurerConfig {
  provider: 'reference' | 'http';
  timeoutMs: number;
  baseUrl: string | null;
  secret: string | null;
  reference: { latencyMs: number; failureRate: number };
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
  for (const variable of ['PAYMENT_SANDBOX_URL', 'PAYMENT_SANDBOX_PUBLIC_URL', 'INSURER_BASE_URL']) {
    const value = values[variable];
    if (typeof value === 'string' && !URL.canParse(value)) issues.push({ variable, problem: `${JSON.stringify(value)} is not a valid URL`, fix: `Set ${variable}=http://127.0.0.1:4010` });
  }
  return [...issues, ...smsIssues(values), ...purchaseIssues(values)];
}

/** Simulators never serve a public site: real money and real policies need the real partners. */
function purchaseIssues(values: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const isPublicSite = typeof values.PUBLIC_URL === 'string' && values.PUBLIC_URL.startsWith('https://');
  if (values.PAYMENT_PROVIDER === 'sandbox' && isPublicSite) {
    issues.push({
      variable: 'PAYMENT_PROVIDER',
      problem: 'sandbox takes payments without money, which a public https site must not do',
      fix: 'Set PAYMENT_PROVIDER=none until a payment provider is configured.',
    });
  }
  if (values.PAYMENT_PROVIDER === 'sandbox' && values.PAYMENT_SANDBOX_URL !== undefined && values.PAYMENT_SANDBOX_SECRET === undefined) {
    issues.push({ variable: 'PAYMENT_SANDBOX_SECRET', problem: 'is required with PAYMENT_SANDBOX_URL', fix: 'Set PAYMENT_SANDBOX_SECRET to the SECRET the sandbox was started with.' });
  }
  if (values.INSURER_PROVIDER === 'http') {
    for (const variable of ['INSURER_BASE_URL', 'INSURER_SECRET'].filter((name) => values[name] === undefined)) {
      issues.push({ variable, problem: 'is required with INSURER_PROVIDER=http', fix: `Set ${variable} as agreed with the insurers’ partner API.` });
    }
  }
  return issues;
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
    database: { url: values.DATABASE_URL, poolMax: values.DATABASE_POOL_MAX, preparedStatements: values.DATABASE_PREPARED_STATEMENTS, dataDir: path.resolve(values.DATA_DIR) },
    log: { level: values.LOG_LEVEL },
    rateLimit: { perMinute: values.RATE_LIMIT_PER_MINUTE },
    metrics: { token: values.METRICS_TOKEN },
    jobs: { enabled: values.JOBS_ENABLED },
    keyringFile: path.resolve(values.KEYRING_FILE ?? path.join(values.DATA_DIR, 'keys', 'keyring.json')),
    keyringJson: values.KEYRING_JSON,
    sms: smsConfigOf(values),
    payment: {
      provider: values.PAYMENT_PROVIDER === 'none' ? 'none' : 'sandbox',
      timeoutMs: values.PAYMENT_TIMEOUT_MS,
      sandbox: {
        url: values.PAYMENT_SANDBOX_URL?.replace(/\/+$/, '') ?? null,
        secret: values.PAYMENT_SANDBOX_SECRET ?? null,
        port: values.PAYMENT_SANDBOX_PORT,
        publicUrl: values.PAYMENT_SANDBOX_PUBLIC_URL ?? null,
        latencyMs: values.PAYMENT_SANDBOX_LATENCY_MS,
        refundSettleMs: values.PAYMENT_SANDBOX_REFUND_SETTLE_MS,
        failureRate: values.PAYMENT_SANDBOX_FAILURE_RATE,
        callbackRetryDelaysMs: values.PAYMENT_SANDBOX_CALLBACK_RETRY_DELAYS_MS.split(',').map(Number),
      },
    },
    insurer: {
      provider: values.INSURER_PROVIDER === 'http' ? 'http' : 'reference',
      timeoutMs: values.INSURER_TIMEOUT_MS,
      baseUrl: values.INSURER_BASE_URL?.replace(/\/+$/, '') ?? null,
      secret: values.INSURER_SECRET ?? null,
      reference: { latencyMs: values.REFERENCE_INSURER_LATENCY_MS, failureRate: values.REFERENCE_INSURER_FAILURE_RATE },
    },
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
