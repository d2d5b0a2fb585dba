import type { Migration } from 'kysely';
import * as foundation from './20261126T1200_foundation.js';
import * as auditAppendOnly from './20261126T1201_audit_append_only.js';

/** Every migration, in order. Names are timestamps; landed files are never edited. */
export const migrations: Record<string, Migration> = {
  '20261126T1200_foundation': foundation,
  '20261126T1201_audit_append_only': auditAppendOnly,
};
