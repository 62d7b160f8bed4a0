import { Type, type Static } from 'typebox';

/**
 * Every environment variable the platform reads, in one place. The schema is the single source for
 * validation at start, for `besttrav config:check`, and for the configuration table in the README
 * (`besttrav config:docs`). Defaults make `npm start` work with nothing set (embedded demo mode).
 *
 * `x-secret` marks values that must never be printed (they may carry passwords or keys);
 * `x-example` is shown in error messages as a correct value to copy.
 */
export const ConfigVariables = Type.Object({
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3000,
    description: 'TCP port the HTTP server listens on (0 picks a free port).',
    'x-example': '3000',
  }),
  HOST: Type.String({
    minLength: 1,
    'x-expected': 'expected a non-empty value',
    default: '127.0.0.1',
    description: 'Interface to listen on. The demo default keeps the server on this machine; use 0.0.0.0 behind a load balancer or in a container.',
    'x-example': '0.0.0.0',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s/]+(:\\d+)?(/.*)?$',
      'x-expected': 'expected an http:// or https:// address',
      description: 'The address people use to reach the platform (links in e-mails, QR codes on policies). An https address turns on HSTS and Secure cookies. Default: http://HOST:PORT.',
      'x-example': 'https://www.example.com',
    }),
  ),
  TRUST_PROXY: Type.Boolean({
    default: false,
    description: 'Set to true when a reverse proxy (nginx) terminates TLS in front of the server, so client IPs and https are taken from X-Forwarded-* headers.',
    'x-example': 'true',
  }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      'x-expected': 'expected a postgres:// or postgresql:// connection string',
      description: 'PostgreSQL connection string. Unset: the embedded PGlite database under DATA_DIR is used.',
      'x-example': 'postgres://besttrav:secret@127.0.0.1:5432/besttrav',
      'x-secret': true,
    }),
  ),
  DATABASE_POOL_MAX: Type.Integer({
    minimum: 1,
    maximum: 200,
    default: 10,
    description: 'Most connections one process opens to PostgreSQL (ignored for PGlite).',
    'x-example': '10',
  }),
  DATABASE_PREPARED_STATEMENTS: Type.Boolean({
    default: true,
    description:
      'Send each parameterised statement as a named prepared statement, so PostgreSQL parses and plans it once per connection. Set to false behind a connection pooler in transaction mode that does not support them (PgBouncer before 1.21). Ignored for PGlite.',
    'x-example': 'false',
  }),
  DATA_DIR: Type.String({
    minLength: 1,
    'x-expected': 'expected a non-empty value',
    default: './data',
    description: 'Folder for embedded data: the PGlite database (DATA_DIR/pglite) and, in later versions, demo keys and uploaded files.',
    'x-example': './data',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    {
      default: 'info',
      description: 'Least severe log level written (JSON lines on standard output; personal information is redacted).',
      'x-example': 'info',
    },
  ),
  RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 1,
    maximum: 1000000,
    default: 1200,
    description: 'Requests one client IP may make per minute across the API before it gets 429.',
    'x-example': '1200',
  }),
  METRICS_TOKEN: Type.Optional(
    Type.String({
      minLength: 16,
      'x-expected': 'expected at least 16 characters',
      description: 'Bearer token that lets a Prometheus scraper read /metrics from another host. Unset: /metrics answers only to loopback addresses.',
      'x-example': 'a-long-random-string',
      'x-secret': true,
    }),
  ),
  JOBS_ENABLED: Type.Boolean({
    default: true,
    description: 'Run background job workers (pg-boss) in this process. Set to false on web-only processes when workers run elsewhere.',
    'x-example': 'false',
  }),
  KEYRING_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      'x-expected': 'expected a file path',
      description:
        'JSON file with the versioned keys for field encryption, blind indexes and code hashing (0600). Created on first start when missing. Default: DATA_DIR/keys/keyring.json. Back it up apart from the database: without it, encrypted data cannot be read.',
      'x-example': '/etc/besttrav/keyring.json',
    }),
  ),
  KEYRING_JSON: Type.Optional(
    Type.String({
      minLength: 20,
      'x-expected': 'expected the JSON content of a keyring file',
      description:
        'The keyring itself, for deployments that pass secrets through a secret store instead of files (takes precedence over KEYRING_FILE). Rotation: add a version in the secret store, restart, then run `besttrav keys:rotate --resume`.',
      'x-example': '{"format":1,"dataKeys":[…],"blindIndexKey":"…","secretHashKey":"…"}',
      'x-secret': true,
    }),
  ),
  SMS_PROVIDER: Type.Union(
    ['demo', 'outbox', 'aliyun', 'tencent'].map((provider) => Type.Literal(provider)),
    {
      default: 'demo',
      description:
        'Who sends sign-in codes. demo: nothing is sent, the code is shown on the page labelled 演示模式 (refused with an https PUBLIC_URL); outbox: written to SMS_OUTBOX_FILE (tests, development); aliyun or tencent: the real services, configured below.',
      'x-example': 'aliyun',
    },
  ),
  SMS_OUTBOX_FILE: Type.Optional(
    Type.String({ minLength: 1, 'x-expected': 'expected a file path', description: 'File the outbox provider appends messages to. Default: DATA_DIR/sms-outbox.jsonl.', 'x-example': './data/sms-outbox.jsonl' }),
  ),
  ALIYUN_SMS_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Alibaba Cloud AccessKey ID for SMS (SMS_PROVIDER=aliyun).', 'x-example': 'LTAI5t…' })),
  ALIYUN_SMS_ACCESS_KEY_SECRET: Type.Optional(
    Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Alibaba Cloud AccessKey secret for SMS.', 'x-example': '(secret)', 'x-secret': true }),
  ),
  ALIYUN_SMS_SIGN_NAME: Type.Optional(Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Approved SMS signature (签名) on Alibaba Cloud.', 'x-example': 'Besttrav' })),
  ALIYUN_SMS_TEMPLATE_CODE: Type.Optional(
    Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Approved verification-code template on Alibaba Cloud, with a ${code} parameter.', 'x-example': 'SMS_123456789' }),
  ),
  ALIYUN_SMS_MARKETING_TEMPLATE_CODE: Type.Optional(
    Type.String({
      minLength: 1,
      'x-expected': 'expected a non-empty value',
      description: 'Approved marketing template on Alibaba Cloud, with ${content} and ${link} (the unsubscribe link) parameters. Without it, marketing SMS are not sent.',
      'x-example': 'SMS_987654321',
    }),
  ),
  TENCENT_SMS_SECRET_ID: Type.Optional(Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Tencent Cloud SecretId for SMS (SMS_PROVIDER=tencent).', 'x-example': 'AKID…' })),
  TENCENT_SMS_SECRET_KEY: Type.Optional(
    Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Tencent Cloud SecretKey for SMS.', 'x-example': '(secret)', 'x-secret': true }),
  ),
  TENCENT_SMS_SDK_APP_ID: Type.Optional(Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Tencent Cloud SMS SdkAppId.', 'x-example': '1400000000' })),
  TENCENT_SMS_SIGN_NAME: Type.Optional(Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Approved SMS signature on Tencent Cloud.', 'x-example': 'Besttrav' })),
  TENCENT_SMS_TEMPLATE_ID: Type.Optional(
    Type.String({ minLength: 1, 'x-expected': 'expected a non-empty value', description: 'Approved verification-code template on Tencent Cloud, parameters {1} code and {2} minutes.', 'x-example': '1234567' }),
  ),
  TENCENT_SMS_MARKETING_TEMPLATE_ID: Type.Optional(
    Type.String({
      minLength: 1,
      'x-expected': 'expected a non-empty value',
      description: 'Approved marketing template on Tencent Cloud, parameters {1} text and {2} unsubscribe link. Without it, marketing SMS are not sent.',
      'x-example': '7654321',
    }),
  ),
  TENCENT_SMS_REGION: Type.String({ minLength: 1, 'x-expected': 'expected a region such as ap-guangzhou', default: 'ap-guangzhou', description: 'Tencent Cloud region of the SMS API.', 'x-example': 'ap-guangzhou' }),
  PAYMENT_PROVIDER: Type.Union(
    ['sandbox', 'none'].map((provider) => Type.Literal(provider)),
    {
      default: 'sandbox',
      description:
        'Who takes payments. sandbox: the payment sandbox (simulators/payment-sandbox) — no real money; started inside this process unless PAYMENT_SANDBOX_URL names one run on its own; refused with an https PUBLIC_URL. none: orders cannot be paid online (an installation that only shows products and quotes).',
      'x-example': 'sandbox',
    },
  ),
  PAYMENT_SANDBOX_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s/]+(:\\d+)?(/.*)?$',
      'x-expected': 'expected an http:// or https:// address',
      description: 'Address of a payment sandbox run on its own (`node --import tsx simulators/payment-sandbox/main.ts`). Unset: the sandbox starts inside this process on 127.0.0.1 with a fresh secret.',
      'x-example': 'http://127.0.0.1:4010',
    }),
  ),
  PAYMENT_SANDBOX_SECRET: Type.Optional(
    Type.String({
      minLength: 16,
      'x-expected': 'expected at least 16 characters',
      description: 'Secret shared with the sandbox of PAYMENT_SANDBOX_URL (its SECRET): signs our requests and its notifications. Required with PAYMENT_SANDBOX_URL.',
      'x-example': 'a-long-random-string',
      'x-secret': true,
    }),
  ),
  PAYMENT_SANDBOX_PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 0,
    description: 'Port of the sandbox started inside this process (0 picks a free one).',
    'x-example': '4010',
  }),
  PAYMENT_SANDBOX_PUBLIC_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s/]+(:\\d+)?(/.*)?$',
      'x-expected': 'expected an http:// or https:// address',
      description: 'Address at which browsers (for its pay page) and this server reach the sandbox started inside this process, when not http://127.0.0.1:PAYMENT_SANDBOX_PORT — behind a proxy.',
      'x-example': 'http://pay.test.example.com',
    }),
  ),
  PAYMENT_SANDBOX_LATENCY_MS: Type.Integer({ minimum: 0, maximum: 60000, default: 0, description: 'Delay the in-process sandbox adds to every API answer, to try the platform under a slow provider.', 'x-example': '300' }),
  PAYMENT_SANDBOX_REFUND_SETTLE_MS: Type.Integer({ minimum: 0, maximum: 86400000, default: 0, description: 'How long the in-process sandbox keeps a refund pending before paying it out, to try the platform’s follow-up of refunds still on their way.', 'x-example': '120000' }),
  PAYMENT_SANDBOX_FAILURE_RATE: Type.Number({
    minimum: 0,
    maximum: 1,
    default: 0,
    'x-expected': 'expected a share from 0 to 1',
    description: 'Share (0–1) of the in-process sandbox’s API calls answered 503, before or after doing the work, to try the platform’s retries.',
    'x-example': '0.2',
  }),
  PAYMENT_SANDBOX_CALLBACK_RETRY_DELAYS_MS: Type.String({
    pattern: '^\\d+(,\\d+)*$',
    'x-expected': 'expected whole milliseconds separated by commas',
    default: '15000,60000,300000,900000,3600000,10800000,21600000',
    description: 'Pauses of the in-process sandbox before each new delivery of a notification the platform did not acknowledge.',
    'x-example': '1000,5000,30000',
  }),
  PAYMENT_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 60000,
    default: 10000,
    description: 'Longest wait for one answer of the payment provider before the call is retried (twice) with the same idempotency key.',
    'x-example': '10000',
  }),
  INSURER_PROVIDER: Type.Union(
    ['reference', 'http'].map((provider) => Type.Literal(provider)),
    {
      default: 'reference',
      description:
        'Where policies are issued. reference: the reference insurer (simulators/reference-insurer) started inside this process, for every insurer of the catalogue — demo policies only. http: the insurers’ partner API at INSURER_BASE_URL.',
      'x-example': 'http',
    },
  ),
  INSURER_BASE_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s/]+(:\\d+)?(/.*)?$',
      'x-expected': 'expected an http:// or https:// address',
      description: 'Address of the insurers’ partner API (signed JSON, see src/integrations/insurer). Required with INSURER_PROVIDER=http.',
      'x-example': 'https://partner.insurer.example.com',
    }),
  ),
  INSURER_SECRET: Type.Optional(
    Type.String({
      minLength: 32,
      'x-expected': 'expected at least 32 characters',
      description: 'HMAC secret agreed with the insurers’ partner API. Required with INSURER_PROVIDER=http.',
      'x-example': '(secret)',
      'x-secret': true,
    }),
  ),
  INSURER_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 120000,
    default: 15000,
    description: 'Longest wait for one answer of an insurer; past it the call counts as unanswered and the issuance job retries it with the same key.',
    'x-example': '15000',
  }),
  REFERENCE_INSURER_LATENCY_MS: Type.Integer({ minimum: 0, maximum: 60000, default: 200, description: 'Mean delay of the in-process reference insurer before each answer (each varies from half to one and a half times it).', 'x-example': '200' }),
  REFERENCE_INSURER_FAILURE_RATE: Type.Number({
    minimum: 0,
    maximum: 1,
    default: 0,
    'x-expected': 'expected a share from 0 to 1',
    description: 'Share (0–1) of the in-process reference insurer’s answers that are 503 on purpose, before or after doing the work, to try the issuance retries.',
    'x-example': '0.3',
  }),
  AUDIT_ALERT_DISTINCT_SUBJECTS: Type.Integer({
    minimum: 1,
    maximum: 100000,
    default: 50,
    description: 'A staff member reading personal information of more than this many different people within AUDIT_ALERT_WINDOW_MINUTES raises an alert for the PI-protection officer.',
    'x-example': '50',
  }),
  AUDIT_ALERT_WINDOW_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 10, description: 'Length of the window of AUDIT_ALERT_DISTINCT_SUBJECTS, in minutes.', 'x-example': '10' }),
  AUDIT_ALERT_QUIET_HOURS: Type.String({
    pattern: '^([01]?\\d|2[0-3])-([01]?\\d|2[0-3])$',
    'x-expected': 'expected two hours such as 22-7',
    default: '22-7',
    description: 'Hours (Asia/Shanghai, start-end) in which any staff access to personal information raises an alert.',
    'x-example': '22-7',
  }),
  OPERATOR_NAME: Type.String({
    minLength: 1,
    'x-expected': 'expected a non-empty value',
    default: '中安联合保险经纪股份有限公司',
    description: 'Legal name of the company operating the platform (footer, privacy policy, contact page, e-policies).',
    'x-example': '中安联合保险经纪股份有限公司',
  }),
  OPERATOR_ADDRESS: Type.String({
    minLength: 1,
    'x-expected': 'expected a non-empty value',
    default: '北京市海淀区高梁桥斜街28号7号楼1层111室',
    description: "Registered address of the operator.",
    'x-example': '北京市海淀区高梁桥斜街28号7号楼1层111室',
  }),
  OPERATOR_HOTLINE: Type.String({
    pattern: '^[0-9+][0-9 -]{4,19}$',
    'x-expected': 'expected a telephone number such as 400-996-0007',
    default: '400-996-0007',
    description: 'Customer-service hotline shown on every page.',
    'x-example': '400-996-0007',
  }),
  OPERATOR_ICP_NUMBER: Type.Optional(
    Type.String({ minLength: 1, description: 'ICP filing number shown in the footer (required for a public site in mainland China).', 'x-example': '京ICP备00000000号' }),
  ),
  OPERATOR_LICENCE_NUMBER: Type.Optional(
    Type.String({ minLength: 1, description: 'Insurance-brokerage business licence number shown in the footer.', 'x-example': '260000000000000000' }),
  ),
  PI_CONTACT_NAME: Type.String({
    minLength: 1,
    'x-expected': 'expected a non-empty value',
    default: '个人信息保护负责人',
    description: 'Title or name of the personal-information protection officer (PIPL art. 52) people can contact.',
    'x-example': '个人信息保护负责人',
  }),
  PI_CONTACT_EMAIL: Type.String({
    format: 'email',
    default: 'privacy@besttrav.com',
    description: 'E-mail address of the personal-information protection officer.',
    'x-example': 'privacy@example.com',
  }),
  PI_CONTACT_PHONE: Type.Optional(
    Type.String({
      pattern: '^[0-9+][0-9 -]{4,19}$',
      'x-expected': 'expected a telephone number such as 400-996-0007',
      description: 'Telephone of the personal-information protection officer. Default: the hotline.',
      'x-example': '400-996-0007',
    }),
  ),
});

export type ConfigVariables = Static<typeof ConfigVariables>;
export type ConfigVariableName = keyof ConfigVariables;
