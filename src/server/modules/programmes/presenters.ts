import type { Agreement } from '../../../shared/schemas/programmes.js';
import { safetyStatement } from './safety-statement.js';

interface AgreementRow {
  id: string;
  version: number;
  body: string;
  created_at: string;
  journal_alerts: number;
}

/** A group agreement version as members and staff see it: the service's text and the safety statement it was made with. */
export function presentAgreement(row: AgreementRow): Agreement {
  const journalAlerts = Number(row.journal_alerts) === 1;
  return { id: row.id, version: row.version, body: row.body, createdAt: row.created_at, journalAlerts, safetyStatement: safetyStatement(journalAlerts) };
}
