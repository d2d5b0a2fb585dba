import { z } from 'zod';
import { normaliseDisplayedName } from '../pseudonym.js';

export const roleSchema = z.enum(['admin', 'clinician', 'participant']);
export type Role = z.infer<typeof roleSchema>;

export const mfaStateSchema = z.enum(['verified', 'required', 'enrolment_required', 'enrolment_offered']);
export type MfaState = z.infer<typeof mfaStateSchema>;

export const idSchema = z.uuid();
export const timestampSchema = z.string().describe('ISO-8601 UTC timestamp');

/**
 * Free text from people: trimmed, bounded, without control characters other than newlines and tabs.
 * Script or markup is kept as typed and always shown as text.
 */
export function text(max: number, min = 1) {
  return (
    z
      .string()
      .trim()
      .min(min, min === 1 ? 'Required.' : `At least ${min} characters.`)
      .max(max, `At most ${max} characters.`)
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), 'Contains control characters.')
  );
}

/**
 * A person's name as others will read it (staff display names, referral names): invisible and
 * bidirectional control characters are stripped (normaliseDisplayedName, as for pseudonyms), and
 * a name that was nothing else is refused.
 */
export function displayNameSchema(max: number) {
  return text(max * 2)
    .transform(normaliseDisplayedName)
    .pipe(
      z
        .string()
        .min(1, 'Required.')
        .max(max, `At most ${max} characters.`)
        .refine((v) => /[\p{L}\p{N}]/u.test(v), 'Use at least one letter or number.'),
    );
}

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid e-mail address.'));

/** Route parameters naming one object, typed by the parameter's name (`params.groupId` is a string). */
export const idParams = <K extends string>(name: K) => z.strictObject({ [name]: z.string().max(64) } as Record<K, z.ZodString>);
