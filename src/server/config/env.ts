import path from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

/**
 * Every configuration variable Hearth reads, validated once at start-up.
 * The README's configuration table mirrors this schema.
 */
const envSchema = z.object({
  // "production" turns off the demo seed and makes staff MFA mandatory.
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // TCP port the HTTP server listens on.
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Interface to bind; 0.0.0.0 to serve beyond this machine (put TLS in front).
  HOST: z.string().default('127.0.0.1'),
  // Folder for the embedded SQLite database (used when DATABASE_URL is not a postgres URL).
  HEARTH_DATA_DIR: z.string().default('./data'),
  // postgres://user@host:5432/db to run on PostgreSQL instead of SQLite.
  DATABASE_URL: z.string().optional(),
  // Public origin used in invitation links, e.g. https://hearth.example.org.
  HEARTH_PUBLIC_URL: z.string().url().optional(),
  // Base of this service's FHIR URLs (resource fullUrls in exported Bundles, Questionnaire canonicals,
  // the default record-number system), e.g. https://hearth.example.org/fhir. Default: HEARTH_PUBLIC_URL
  // followed by /fhir, else the origin of the request.
  HEARTH_FHIR_BASE: z.string().url().optional(),
  // FHIR identifier system of the local record number entered at referral or intake, e.g.
  // https://fhir.nhs.uk/Id/nhs-number (then checked as an NHS number: 10 digits, modulus-11 check
  // digit) or the system URI of the service's MRN. Default: <FHIR base>/Id/record-number.
  HEARTH_RECORD_NUMBER_SYSTEM: z.string().url().optional(),
  // Folder the FHIR Bulk Data $export files are written to (one sub-folder per job). Several
  // instances on one PostgreSQL must share it (a network volume), as any instance may serve a
  // download. Default: <HEARTH_DATA_DIR>/fhir-exports.
  HEARTH_FHIR_EXPORT_DIR: z.string().min(1).optional(),
  // Hours a finished $export's files stay downloadable before they are deleted (the job's record stays).
  HEARTH_FHIR_EXPORT_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  // Name of the service shown in the app and in authenticator apps.
  HEARTH_SERVICE_NAME: z.string().min(1).default('Hearth'),
  // How the app writes dates and times (a BCP 47 locale: en-GB "3 Dec 2026", en-US "Dec 3, 2026").
  HEARTH_LOCALE: z
    .string()
    .default('en-GB')
    .refine((v) => {
      try {
        return Intl.DateTimeFormat.supportedLocalesOf([v]).length === 1;
      } catch {
        return false;
      }
    }, 'Use a locale such as en-GB or en-US.'),
  // The service's time zone (IANA), for dates and times that are not a group session's (those use the group's).
  HEARTH_TIMEZONE: z
    .string()
    .default('Europe/London')
    .refine((v) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: v });
        return true;
      } catch {
        return false;
      }
    }, 'Use an IANA time zone such as Europe/London.'),
  // Minutes of inactivity after which a sign-in session ends.
  HEARTH_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  // Hours after which a sign-in session ends however active it is.
  HEARTH_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Days an invitation or password-reset link stays valid.
  HEARTH_INVITE_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  // Require TOTP MFA for admins and clinicians. Defaults to true in production.
  HEARTH_REQUIRE_STAFF_MFA: bool.optional(),
  // Seed the demo service into an empty database. Defaults to true outside production.
  HEARTH_DEMO_SEED: bool.optional(),
  // Set when a TLS-terminating proxy is in front: enables HSTS (and trusts one proxy hop unless
  // HEARTH_TRUSTED_PROXIES says otherwise).
  HEARTH_BEHIND_TLS_PROXY: bool.default(false),
  // How many proxies in front of Hearth append to X-Forwarded-For. The client address is read that
  // many hops from the right, so an address the client wrote itself is never believed. Default: 1
  // with HEARTH_BEHIND_TLS_PROXY, else 0 (X-Forwarded-For ignored).
  HEARTH_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).optional(),
  // PostgreSQL: seconds start-up keeps retrying an unreachable database (with growing pauses, up to
  // 5 s apart) before giving up. 0 tries once.
  HEARTH_DB_STARTUP_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  // PostgreSQL: milliseconds a request waits for a database connection before it is answered 503
  // database_unavailable (with Retry-After).
  HEARTH_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  // /api/health/ready answers 503 when the disk holding the data folder has less free space than
  // this, in megabytes (0 turns the check off).
  HEARTH_READY_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_000_000).default(256),
  // Where backups go (npm run hearth -- backup, and the scheduled backups); a backup may only be
  // written inside this folder. Unset: <HEARTH_DATA_DIR>/backups, and no scheduled backups.
  HEARTH_BACKUP_DIR: z.string().min(1).optional(),
  // Scheduled backups kept in HEARTH_BACKUP_DIR (the oldest hearth-*.sqlite / hearth-*.dump beyond
  // this many are deleted after each successful backup).
  HEARTH_BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  // Hours between scheduled backups when HEARTH_BACKUP_DIR is set (0 turns them off).
  HEARTH_BACKUP_EVERY_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(24),
  // SQLite: the check of the database file before serving: quick (PRAGMA quick_check), full
  // (PRAGMA integrity_check, slower on a big file) or off. A damaged file is refused.
  HEARTH_STARTUP_CHECK: z.enum(['quick', 'full', 'off']).default('quick'),
  // Drop the __Host- cookie prefix and Secure flag: only for plain-http testing off localhost.
  HEARTH_INSECURE_COOKIES: bool.default(false),
  // Largest accepted request body in bytes.
  HEARTH_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
  // Wrong passwords an account may have within the window before each further check waits (1 s,
  // doubling, at most 60 s after the latest failure: a delay, never a lock). An address may fail
  // four times as often, across accounts, before it is refused until the window passes.
  HEARTH_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  // Window for sign-in and MFA attempt limits, in minutes.
  HEARTH_LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // Shown to a participant at a moment of risk when they have no safety plan yet.
  HEARTH_CRISIS_LINE: z.string().min(10).default('If you are in danger now, call 999 (or your local emergency number). Samaritans: 116 123, free, day or night.'),
  // Shown (tap-to-call) to a member whose message says someone is in danger from them or they from
  // someone: the emergency number, digits only (with an optional leading +).
  HEARTH_EMERGENCY_NUMBER: z
    .string()
    .regex(/^\+?[0-9]{2,15}$/, 'digits only, e.g. 999 or 911')
    .default('999'),
  // Shown with it: the safeguarding / domestic-abuse line, as "Name: number" (the number is made tap-to-call).
  HEARTH_SAFEGUARDING_LINE: z.string().min(5).default('National Domestic Abuse Helpline: 0808 2000 247 (free, 24 hours)'),
  // The service's country (ISO 3166 alpha-2, e.g. GB, IE, US): members' phone numbers written without
  // a +country code are read as this country's, stored in E.164 and shown in its national format.
  HEARTH_SERVICE_COUNTRY: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-Z]{2}$/.test(v) && isSupportedCountry(v), 'must be an ISO 3166 alpha-2 country code with a telephone numbering plan, e.g. GB')
    .transform((v) => v as CountryCode)
    .default('GB'),
  // Outgoing mail (facilitator digests): an SMTP URL such as smtps://user:pass@mail.example.org:465.
  // Without it, mail is kept in the outbox administrators read in Hearth.
  HEARTH_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  // The From address of Hearth's e-mail.
  HEARTH_MAIL_FROM: z.string().min(3).default('Hearth <no-reply@hearth.invalid>'),
  // How many hours before a session its facilitators get the between-session digest.
  HEARTH_DIGEST_LEAD_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(24),
  // Web Push (VAPID) key pair, base64url, as printed by `npx web-push generate-vapid-keys`. Both or
  // neither. Unset outside production: a pair is generated once and kept in the database, so
  // restarts and other instances keep it. Unset in production: alerts are not sent by Web Push.
  HEARTH_VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/, 'must be a base64url P-256 public key')
    .optional(),
  HEARTH_VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, 'must be a base64url P-256 private key')
    .optional(),
  // Contact the push services may use about Hearth's traffic: a mailto: or https: URL.
  HEARTH_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
    .default('mailto:no-reply@hearth.invalid'),
  // Generic SMS gateway: Hearth POSTs {"to": "+447…", "text": "…"} as JSON here, with the token below
  // as a Bearer token; any 2xx answer means accepted. Unset: text messages are kept in the SMS
  // outbox administrators read in Hearth (nothing leaves the server).
  HEARTH_SMS_HTTP_URL: z.string().url().optional(),
  // Bearer token for HEARTH_SMS_HTTP_URL.
  HEARTH_SMS_HTTP_TOKEN: z.string().min(1).optional(),
  // Milliseconds Hearth waits for the SMS gateway (and a push service) before counting the attempt failed.
  HEARTH_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
  // Seconds between passes of the alert delivery loop (each alert also triggers a pass at commit).
  HEARTH_DELIVERY_POLL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  // GET /metrics in Prometheus format: off (404, and nothing is counted) or on.
  HEARTH_METRICS: z.enum(['off', 'on']).default('off'),
  // Bearer token Prometheus must send for /metrics (Authorization: Bearer <token>), at least 24
  // characters. Required in production when HEARTH_METRICS=on.
  HEARTH_METRICS_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters')
    .regex(/^[\x21-\x7e]+$/, 'printable characters, no spaces')
    .optional(),
  // Seconds a stopping server (SIGTERM, SIGINT) may take to finish requests in flight and close its
  // sockets (code 1001) and database before it exits anyway, with code 1.
  HEARTH_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  // What an erasure of a participant keeps (issue 15 item 3; see README "Data rights"). keep: their
  // clinical record stays, de-identified — their entries in group notes (signed and draft, every
  // version), attendance, agreement acceptances (consent), safety alerts with their outcomes, the
  // referral's reason and intake screening, and the record number that files them. erase: removed too.
  HEARTH_RETENTION_CLINICAL_RECORD: z.enum(['keep', 'erase']).default('keep'),
  // keep: questionnaire answers, scores and courses stay (outcome reporting and the clinical record);
  // erase: removed with the rest. The audit log is always kept (append-only; the database refuses deletes).
  HEARTH_RETENTION_MEASURES: z.enum(['keep', 'erase']).default('keep'),
  // pino log level.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** Names of every variable Hearth reads (deployment files are checked against it: a misspelt name is ignored silently). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Resolved configuration with derived values filled in. */
export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseKind: 'sqlite' | 'postgres';
  publicUrl: string | undefined;
  /** HEARTH_FHIR_BASE without a trailing slash; undefined: derived (see modules/fhir/base.ts). */
  fhirBase: string | undefined;
  /** HEARTH_RECORD_NUMBER_SYSTEM; undefined: <FHIR base>/Id/record-number. */
  recordNumberSystem: string | undefined;
  /** FHIR $export: the folder its jobs' files go to, and how long finished files are kept. */
  fhirExport: { dir: string; retentionMs: number };
  serviceName: string;
  /** Dates and times in the app: the service's locale and time zone. */
  locale: string;
  timeZone: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  inviteTtlMs: number;
  requireStaffMfa: boolean;
  demoSeed: boolean;
  behindTlsProxy: boolean;
  /** Proxy hops trusted for X-Forwarded-For (Fastify trustProxy); 0 ignores the header. */
  trustedProxies: number;
  dbStartupWaitMs: number;
  dbConnectTimeoutMs: number;
  readyMinFreeBytes: number;
  /** Folder backups are written to (and only there); set explicitly or <dataDir>/backups. */
  backupDir: string;
  /** Scheduled backups: every this many milliseconds while HEARTH_BACKUP_DIR is set, keeping the newest `keep`. */
  backupSchedule: { everyMs: number; keep: number } | null;
  startupCheck: Env['HEARTH_STARTUP_CHECK'];
  insecureCookies: boolean;
  bodyLimit: number;
  loginMaxFailures: number;
  loginWindowMs: number;
  crisisLine: string;
  emergencyNumber: string;
  safeguardingLine: string;
  /** Country for phone numbers typed without a country code (libphonenumber-js). */
  serviceCountry: CountryCode;
  smtpUrl: string | undefined;
  mailFrom: string;
  digestLeadMs: number;
  logLevel: Env['LOG_LEVEL'];
  vapid: { publicKey: string; privateKey: string; subject: string } | null;
  vapidSubject: string;
  smsHttp: { url: string; token: string | undefined } | null;
  deliveryTimeoutMs: number;
  deliveryPollMs: number;
  /** /metrics: off (404) or on, with the bearer token Prometheus must send (null: no token asked). */
  metrics: { enabled: boolean; token: string | null };
  shutdownTimeoutMs: number;
  /** What an erasure keeps (HEARTH_RETENTION_*): the clinical record and the questionnaire data, each keep or erase. */
  retention: { clinicalRecord: 'keep' | 'erase'; measures: 'keep' | 'erase' };
}

/** Parses and validates the environment; throws a readable error listing every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (!!env.HEARTH_VAPID_PUBLIC_KEY !== !!env.HEARTH_VAPID_PRIVATE_KEY) {
    throw new Error('Invalid configuration:\n  HEARTH_VAPID_PUBLIC_KEY and HEARTH_VAPID_PRIVATE_KEY must be set together');
  }
  const production = env.NODE_ENV === 'production';
  if (production && env.HEARTH_METRICS === 'on' && !env.HEARTH_METRICS_TOKEN) {
    throw new Error('Invalid configuration:\n  HEARTH_METRICS_TOKEN is required in production when HEARTH_METRICS=on');
  }
  const dataDir = path.resolve(env.HEARTH_DATA_DIR);
  const isPostgres = !!env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    databaseKind: isPostgres ? 'postgres' : 'sqlite',
    publicUrl: env.HEARTH_PUBLIC_URL?.replace(/\/$/, ''),
    fhirBase: env.HEARTH_FHIR_BASE?.replace(/\/$/, ''),
    recordNumberSystem: env.HEARTH_RECORD_NUMBER_SYSTEM,
    fhirExport: {
      dir: env.HEARTH_FHIR_EXPORT_DIR ? path.resolve(env.HEARTH_FHIR_EXPORT_DIR) : path.join(dataDir, 'fhir-exports'),
      retentionMs: env.HEARTH_FHIR_EXPORT_RETENTION_HOURS * 3_600_000,
    },
    serviceName: env.HEARTH_SERVICE_NAME,
    locale: env.HEARTH_LOCALE,
    timeZone: env.HEARTH_TIMEZONE,
    sessionIdleMs: env.HEARTH_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.HEARTH_SESSION_ABSOLUTE_HOURS * 3_600_000,
    inviteTtlMs: env.HEARTH_INVITE_DAYS * 86_400_000,
    requireStaffMfa: env.HEARTH_REQUIRE_STAFF_MFA ?? production,
    demoSeed: env.HEARTH_DEMO_SEED ?? !production,
    behindTlsProxy: env.HEARTH_BEHIND_TLS_PROXY,
    trustedProxies: env.HEARTH_TRUSTED_PROXIES ?? (env.HEARTH_BEHIND_TLS_PROXY ? 1 : 0),
    dbStartupWaitMs: env.HEARTH_DB_STARTUP_WAIT_SECONDS * 1000,
    dbConnectTimeoutMs: env.HEARTH_DB_CONNECT_TIMEOUT_MS,
    readyMinFreeBytes: env.HEARTH_READY_MIN_FREE_MB * 1024 * 1024,
    backupDir: env.HEARTH_BACKUP_DIR ? path.resolve(env.HEARTH_BACKUP_DIR) : path.join(dataDir, 'backups'),
    backupSchedule:
      env.HEARTH_BACKUP_DIR && env.HEARTH_BACKUP_EVERY_HOURS > 0 ? { everyMs: Math.round(env.HEARTH_BACKUP_EVERY_HOURS * 3_600_000), keep: env.HEARTH_BACKUP_KEEP } : null,
    startupCheck: env.HEARTH_STARTUP_CHECK,
    insecureCookies: env.HEARTH_INSECURE_COOKIES,
    bodyLimit: env.HEARTH_BODY_LIMIT_BYTES,
    loginMaxFailures: env.HEARTH_LOGIN_MAX_FAILURES,
    loginWindowMs: env.HEARTH_LOGIN_WINDOW_MINUTES * 60_000,
    crisisLine: env.HEARTH_CRISIS_LINE,
    emergencyNumber: env.HEARTH_EMERGENCY_NUMBER,
    safeguardingLine: env.HEARTH_SAFEGUARDING_LINE,
    serviceCountry: env.HEARTH_SERVICE_COUNTRY,
    smtpUrl: env.HEARTH_SMTP_URL,
    mailFrom: env.HEARTH_MAIL_FROM,
    digestLeadMs: env.HEARTH_DIGEST_LEAD_HOURS * 3_600_000,
    logLevel: env.LOG_LEVEL,
    vapid:
      env.HEARTH_VAPID_PUBLIC_KEY && env.HEARTH_VAPID_PRIVATE_KEY
        ? { publicKey: env.HEARTH_VAPID_PUBLIC_KEY, privateKey: env.HEARTH_VAPID_PRIVATE_KEY, subject: env.HEARTH_VAPID_SUBJECT }
        : null,
    vapidSubject: env.HEARTH_VAPID_SUBJECT,
    smsHttp: env.HEARTH_SMS_HTTP_URL ? { url: env.HEARTH_SMS_HTTP_URL, token: env.HEARTH_SMS_HTTP_TOKEN } : null,
    deliveryTimeoutMs: env.HEARTH_DELIVERY_TIMEOUT_MS,
    deliveryPollMs: env.HEARTH_DELIVERY_POLL_SECONDS * 1000,
    metrics: { enabled: env.HEARTH_METRICS === 'on', token: env.HEARTH_METRICS_TOKEN ?? null },
    shutdownTimeoutMs: env.HEARTH_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    retention: { clinicalRecord: env.HEARTH_RETENTION_CLINICAL_RECORD, measures: env.HEARTH_RETENTION_MEASURES },
  };
}
