import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('..', import.meta.url));

/** Every non-test TypeScript file of the server, relative to src/server. */
function serverSources(dir = SERVER): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative(SERVER, path)] : [];
  });
}

/** The files outside `allowed` whose text matches `pattern`. */
function offenders(pattern: RegExp, allowed: readonly string[]): string[] {
  return serverSources().filter((file) => !allowed.includes(file) && pattern.test(readFileSync(join(SERVER, file), 'utf8')));
}

/** A Kysely insert into notifications (any quotes) or raw SQL: either writes a row nobody is told about. */
const NOTIFICATIONS_INSERT = /insertInto\(\s*['"`]notifications['"`]\s*\)|insert\s+into\s+["`]?notifications\b/i;

// "The trap is the same rule in several places": these are the one place for each.
describe('one way to do each thing', () => {
  it('sends every realtime event through realtime/publish.ts', () => {
    expect(offenders(/pg_notify\(|deliverLocally\(/, ['realtime/publish.ts', 'realtime/broker.ts'])).toEqual([]);
  });

  it('writes every in-app notification through notifications.notify()', () => {
    expect(offenders(NOTIFICATIONS_INSERT, ['modules/notifications/notify.ts'])).toEqual([]);
  });

  it('recognises a raw notifications insert however it is written', () => {
    for (const text of [
      "db.insertInto('notifications')",
      'db.insertInto("notifications")',
      'db.insertInto(\n  `notifications`)',
      'sql`INSERT INTO notifications (id) values (1)`',
      'insert into "notifications"',
    ]) {
      expect(NOTIFICATIONS_INSERT.test(text), text).toBe(true);
    }
    expect(NOTIFICATIONS_INSERT.test("db.insertInto('notification_settings')")).toBe(false);
  });

  it('decides who answers for an alert in policy/alert-responsibles.ts only', () => {
    // The escalation ladder (raise-alert.ts) and delivery read recipients to skip people already sent it.
    expect(offenders(/selectFrom\(\s*'alert_recipients/, ['policy/alert-responsibles.ts', 'modules/delivery/send-alert-to.ts', 'modules/alerts/raise-alert.ts'])).toEqual([]);
  });
});
