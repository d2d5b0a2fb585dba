import { describe, expect, it } from 'vitest';
import { draftOf, editableContactFields, EMPTY_DRAFT, hasAny, patchOf, type ContactDetails } from './api';

const saved: ContactDetails = {
  participantId: '6f1c2b9e-0000-4000-8000-000000000001',
  mobilePhone: { e164: '+447700900123', display: '07700 900123' },
  homePhone: null,
  preferredMethod: 'sms',
  preferredTimes: 'Mornings',
  emergencyContact: { name: 'Jo', relation: 'Sister', phone: null, consent: false, consentRecordedAt: '2026-11-01T10:00:00.000Z' },
  gp: { practiceName: 'Riverside Surgery', name: null, phone: null, address: null },
  updatedAt: null,
  updatedBy: null,
};

describe('contact form helpers', () => {
  it('sends only the fields the role may change, blanks as null and consent as a boolean', () => {
    const draft = { ...draftOf(saved), homePhone: '  ', gpName: 'Dr Who' };
    const member = patchOf(draft, editableContactFields('participant'));
    expect(member).toEqual({
      mobilePhone: '07700 900123',
      homePhone: null,
      preferredMethod: 'sms',
      preferredTimes: 'Mornings',
      emergencyName: 'Jo',
      emergencyRelation: 'Sister',
      emergencyPhone: null,
      emergencyConsent: false,
    });
    const clinician = patchOf(draft, editableContactFields('clinician'));
    expect(clinician).toMatchObject({ gpPractice: 'Riverside Surgery', gpName: 'Dr Who', contactRiskNote: null });
    expect(clinician).not.toHaveProperty('emergencyConsent');
    expect(editableContactFields('admin')).toEqual([]);
  });

  it('sends no contact at all from an untouched referral form', () => {
    const fields = editableContactFields('clinician');
    expect(hasAny(EMPTY_DRAFT, fields)).toBe(false);
    expect(hasAny({ ...EMPTY_DRAFT, gpPhone: '01632 960100' }, fields)).toBe(true);
    expect(patchOf({ ...EMPTY_DRAFT, emergencyConsent: '' }, ['emergencyConsent'])).toEqual({ emergencyConsent: null });
  });
});
