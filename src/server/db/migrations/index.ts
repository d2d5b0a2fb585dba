import type { Migration } from 'kysely';
import * as foundation from './20261126T1200_foundation.js';
import * as auditAppendOnly from './20261126T1201_audit_append_only.js';
import * as programmePathwaySessions from './20261126T1300_programme_pathway_sessions.js';
import * as sessionOriginalSlot from './20261126T1400_session_original_slot.js';
import * as measuresAlerts from './20261126T1500_measures_alerts.js';
import * as measureCourses from './20261126T1700_measure_courses.js';
import * as digestsMail from './20261126T1710_digests_mail.js';
import * as goalsSkillsJournal from './20261126T1600_goals_skills_journal.js';
import * as moderationSafetyPlans from './20261126T1620_moderation_safety_plans.js';
import * as strategiesFeedback from './20261126T1610_strategies_feedback.js';
import * as groupSpace from './20261126T1630_group_space.js';
import * as alertSources from './20261203T1040_alert_sources.js';
import * as participantContacts from './20261203T1020_participant_contacts.js';
import * as riskContext from './20261203T1050_risk_context.js';
import * as agreementJournalAlerts from './20261203T1100_agreement_journal_alerts.js';
import * as healthProbeRateBuckets from './20261203T1800_health_probe_rate_buckets.js';
import * as idempotencyKeys from './20261203T2200_idempotency_keys.js';
import * as mailOut from './20261204T0900_mail_out.js';
import * as erasureRequests from './20261206T1500_erasure_requests.js';
import * as isolationEarlyWarning from './20261204T0910_isolation_early_warning.js';
import * as calendarPrivacy from './20261204T1000_calendar_privacy.js';
import * as connectionIndexes from './20261205T1320_connection_indexes.js';
import * as homePreferences from './20261205T1320_home_preferences.js';
import * as notificationChannels from './20261205T1340_notification_channels.js';
import * as patientIdentifiers from './20261206T0900_patient_identifiers.js';
import * as claimFields from './20261207T1000_claim_fields.js';
import * as measureResponsesEnrolment from './20261207T1100_measure_responses_enrolment.js';
import * as fhirBulkExports from './20261206T1500_fhir_bulk_exports.js';
import * as smsQueueRetry from './20261206T1700_sms_queue_retry.js';
import * as dutyRotaDelivery from './20261203T1030_duty_rota_delivery.js';
import * as noteTemplates from './20261207T0900_note_templates.js';

/**
 * Every migration, in order. Names are timestamps; a landed `up` is never edited. Each has a
 * `down` that undoes exactly its `up` (`npm run migrate -- down`; `db/migrate.int.test.ts` takes
 * every one down and up again on both databases). The downs of issue 13 replaced refusals that had
 * never run anywhere, so no database's history changes.
 */
export const migrations: Record<string, Migration> = {
  '20261126T1200_foundation': foundation,
  '20261126T1201_audit_append_only': auditAppendOnly,
  '20261126T1300_programme_pathway_sessions': programmePathwaySessions,
  '20261126T1400_session_original_slot': sessionOriginalSlot,
  '20261126T1500_measures_alerts': measuresAlerts,
  '20261126T1600_goals_skills_journal': goalsSkillsJournal,
  '20261126T1620_moderation_safety_plans': moderationSafetyPlans,
  '20261126T1610_strategies_feedback': strategiesFeedback,
  '20261126T1630_group_space': groupSpace,
  '20261126T1700_measure_courses': measureCourses,
  '20261126T1710_digests_mail': digestsMail,
  '20261203T1020_participant_contacts': participantContacts,
  '20261203T1030_duty_rota_delivery': dutyRotaDelivery,
  '20261203T1040_alert_sources': alertSources,
  '20261203T1050_risk_context': riskContext,
  '20261203T1100_agreement_journal_alerts': agreementJournalAlerts,
  '20261203T1800_health_probe_rate_buckets': healthProbeRateBuckets,
  '20261203T2200_idempotency_keys': idempotencyKeys,
  '20261204T0900_mail_out': mailOut,
  '20261204T0910_isolation_early_warning': isolationEarlyWarning,
  '20261204T1000_calendar_privacy': calendarPrivacy,
  '20261205T1320_connection_indexes': connectionIndexes,
  '20261205T1320_home_preferences': homePreferences,
  '20261205T1340_notification_channels': notificationChannels,
  '20261206T0900_patient_identifiers': patientIdentifiers,
  '20261206T1500_erasure_requests': erasureRequests,
  '20261206T1500_fhir_bulk_exports': fhirBulkExports,
  '20261206T1700_sms_queue_retry': smsQueueRetry,
  '20261207T0900_note_templates': noteTemplates,
  '20261207T1000_claim_fields': claimFields,
  '20261207T1100_measure_responses_enrolment': measureResponsesEnrolment,
};
