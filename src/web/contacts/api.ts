import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertContactResponse } from '../../shared/schemas/alerts';
import type { AlertContact, ContactDetails, ContactField, ContactMethod, ContactPatch, Phone } from '../../shared/schemas/contacts';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { alertKeys } from '../alerts/api';

export type { AlertContact, ContactDetails, ContactField, ContactMethod, ContactPatch, Phone };
const enc = encodeURIComponent;

/** Query keys of contact details: a participant's, a referral's, the numbers on an alert. */
export const contactKeys = {
  participant: (participantId: string) => ['contacts', participantId] as const,
  referral: (referralId: string | null) => ['contacts', 'referral', referralId] as const,
  alert: (alertId: string) => [...alertKeys.all, 'contact', alertId] as const,
};

/** A member's contact details (the member and their clinicians; every read is audited on the server). */
export function useContactDetails(participantId: string) {
  return useQuery({ queryKey: contactKeys.participant(participantId), queryFn: () => api<ContactDetails>('GET', `/participants/${enc(participantId)}/contact`) });
}

export function useSaveContactDetails(participantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactPatch) => api<ContactDetails>('PATCH', `/participants/${enc(participantId)}/contact`, patch),
    onSuccess: (saved) => client.setQueryData(contactKeys.participant(participantId), saved),
  });
}

/** What was taken at a referral (its facilitators and referrer; audited read), to confirm at intake. */
export function useReferralContact(referralId: string | null) {
  return useQuery({
    queryKey: contactKeys.referral(referralId),
    queryFn: () => api<ContactDetails>('GET', `/referrals/${enc(referralId ?? '')}/contact`),
    enabled: referralId !== null,
  });
}

/** How to reach the member an alert is about: absent when the caller may not see their details. */
export function useAlertContact(alertId: string) {
  return useQuery({ queryKey: contactKeys.alert(alertId), queryFn: () => api<AlertContactResponse>('GET', `/alerts/${enc(alertId)}/contact`) });
}

export const contactMethodLabel: Record<ContactMethod, string> = {
  phone: 'Phone call',
  sms: 'Text message (SMS)',
  email: 'E-mail',
  letter: 'Letter',
};

/** For "Prefers …". */
export const contactMethodPhrase: Record<ContactMethod, string> = {
  phone: 'a phone call',
  sms: 'a text message',
  email: 'e-mail',
  letter: 'a letter',
};

const MEMBER_FIELDS: ContactField[] = ['mobilePhone', 'homePhone', 'preferredMethod', 'preferredTimes', 'emergencyName', 'emergencyRelation', 'emergencyPhone', 'emergencyConsent'];
const CLINICIAN_FIELDS: ContactField[] = [
  'mobilePhone',
  'homePhone',
  'preferredMethod',
  'preferredTimes',
  'emergencyName',
  'emergencyRelation',
  'emergencyPhone',
  'gpPractice',
  'gpName',
  'gpPhone',
  'gpAddress',
  'contactRiskNote',
];

/**
 * The fields a role's form offers. The server decides (policy.ts, the `contact` rule's
 * readOnlyFields): GP details and the risk note are clinicians', consent is the member's.
 */
export function editableContactFields(role: Role): ContactField[] {
  return role === 'participant' ? MEMBER_FIELDS : role === 'clinician' ? CLINICIAN_FIELDS : [];
}

/** The form's state: text as typed, consent as a three-way answer. */
export type ContactDraft = Record<Exclude<ContactField, 'emergencyConsent' | 'preferredMethod'>, string> & {
  preferredMethod: ContactMethod | '';
  emergencyConsent: 'yes' | 'no' | '';
};

export const EMPTY_DRAFT: ContactDraft = {
  mobilePhone: '',
  homePhone: '',
  preferredMethod: '',
  preferredTimes: '',
  emergencyName: '',
  emergencyRelation: '',
  emergencyPhone: '',
  emergencyConsent: '',
  gpPractice: '',
  gpName: '',
  gpPhone: '',
  gpAddress: '',
  contactRiskNote: '',
};

/** The form filled from saved details (numbers as shown, which the server reads back the same). */
export function draftOf(d: ContactDetails): ContactDraft {
  const consent = d.emergencyContact.consent;
  return {
    mobilePhone: d.mobilePhone?.display ?? '',
    homePhone: d.homePhone?.display ?? '',
    preferredMethod: d.preferredMethod ?? '',
    preferredTimes: d.preferredTimes ?? '',
    emergencyName: d.emergencyContact.name ?? '',
    emergencyRelation: d.emergencyContact.relation ?? '',
    emergencyPhone: d.emergencyContact.phone?.display ?? '',
    emergencyConsent: consent === null ? '' : consent ? 'yes' : 'no',
    gpPractice: d.gp.practiceName ?? '',
    gpName: d.gp.name ?? '',
    gpPhone: d.gp.phone?.display ?? '',
    gpAddress: d.gp.address ?? '',
    contactRiskNote: d.contactRiskNote ?? '',
  };
}

/** The change to send: only the given fields; a blank field clears it. */
export function patchOf(draft: ContactDraft, fields: readonly ContactField[]): ContactPatch {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'emergencyConsent') patch[field] = draft.emergencyConsent === '' ? null : draft.emergencyConsent === 'yes';
    else patch[field] = draft[field].trim() === '' ? null : draft[field].trim();
  }
  return patch as ContactPatch;
}

/** Whether a draft has anything in the given fields (an empty referral form sends no contact at all). */
export function hasAny(draft: ContactDraft, fields: readonly ContactField[]): boolean {
  return fields.some((f) => draft[f] !== '');
}
