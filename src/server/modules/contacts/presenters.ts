import type { CountryCode } from 'libphonenumber-js';
import type { AlertContact, ContactDetails, Phone } from '../../../shared/schemas/contacts.js';
import { displayPhone } from '../../lib/phone.js';
import type { ContactRow } from './repository.js';

function phone(e164: string | null, country: CountryCode): Phone | null {
  return e164 ? { e164, display: displayPhone(e164, country) } : null;
}

/** A member's contact details as people read them; empty fields when nothing was recorded yet. */
export function presentContactDetails(participantId: string | null, row: ContactRow | undefined, country: CountryCode): ContactDetails {
  return {
    participantId,
    mobilePhone: phone(row?.mobile_phone ?? null, country),
    homePhone: phone(row?.home_phone ?? null, country),
    preferredMethod: row?.preferred_method ?? null,
    preferredTimes: row?.preferred_times ?? null,
    emergencyContact: {
      name: row?.emergency_name ?? null,
      relation: row?.emergency_relation ?? null,
      phone: phone(row?.emergency_phone ?? null, country),
      consent: row?.emergency_consent === null || row?.emergency_consent === undefined ? null : row.emergency_consent === 1,
      consentRecordedAt: row?.emergency_consent_at ?? null,
    },
    gp: { practiceName: row?.gp_practice ?? null, name: row?.gp_name ?? null, phone: phone(row?.gp_phone ?? null, country), address: row?.gp_address ?? null },
    contactRiskNote: row?.contact_risk_note ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row ? { name: row.updated_by_name, role: row.updated_by_role } : null,
  };
}

/** The part of the details an alert card needs to reach the member at once. */
export function presentAlertContact(participantId: string, row: ContactRow | undefined, country: CountryCode): AlertContact {
  const details = presentContactDetails(participantId, row, country);
  return {
    participantId,
    mobilePhone: details.mobilePhone,
    homePhone: details.homePhone,
    preferredMethod: details.preferredMethod,
    preferredTimes: details.preferredTimes,
  };
}
