import { AppError } from '../../http/errors.js';
import { matchingForm } from './normalize-text.js';

/**
 * The PII guard. The group agreement asks for "no contact pressure": members meet under
 * pseudonyms and nobody is pushed into contact outside the group, where no clinician can help.
 * So e-mail addresses, phone numbers and social-media handles are refused in anything the group
 * sees, with a reason the author can act on.
 *
 * Decisions: ordinary links stay allowed (members share NHS pages, charities, songs); links to
 * social and messaging profiles are refused as handles. Short helpline numbers (116 123, 111,
 * 988) are not phone numbers here: a member pointing another to a crisis line must not be stopped.
 * Dates, times, scores ("7/10") and years are not phone numbers.
 */
export type ContactKind = 'email' | 'phone' | 'social_handle';

export interface ContactProblem {
  kind: ContactKind;
  message: string;
}

const WHY =
  'To protect everyone from contact pressure, the group agreement asks members not to share contact details in the group space. Please remove it and send again; your facilitator can help if you want to stay in touch.';

const MESSAGES: Record<ContactKind, string> = {
  email: `This looks like an e-mail address. ${WHY}`,
  phone: `This looks like a phone number. ${WHY}`,
  social_handle: `This looks like a social media or messaging account. ${WHY}`,
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/u;
const TLD = '(com|co\\.uk|co uk|org|net|uk|me|io|ie|us|info|biz)';
const OBFUSCATED_EMAIL = new RegExp(
  `[a-z0-9._-]{2,}\\s*(\\(at\\)|\\[at\\]|\\{at\\}| at )\\s*(gmail|hotmail|outlook|yahoo|icloud|live|proton|protonmail|aol|btinternet|me|mail|[a-z0-9-]+)\\s*(\\.|\\(dot\\)|\\[dot\\]| dot )\\s*${TLD}\\b`,
);

// A run of digits with the separators people type in phone numbers (no slash, no colon).
const DIGIT_RUN = /(?:\+|\b00|\()?\d[\d\s().-]{5,}\d/g;
const YEAR_OR_SHORT = /^(19|20)\d\d$/;

const SOCIAL_SITES =
  '(instagram\\.com|instagr\\.am|facebook\\.com|fb\\.com|fb\\.me|m\\.me|messenger\\.com|snapchat\\.com|tiktok\\.com|twitter\\.com|x\\.com|t\\.me|telegram\\.me|wa\\.me|whatsapp\\.com|chat\\.whatsapp\\.com|discord\\.gg|discord\\.com|discordapp\\.com|linkedin\\.com|reddit\\.com/u(ser)?/|threads\\.net|bsky\\.app|kik\\.me|onlyfans\\.com|tumblr\\.com|signal\\.me|skype\\.com|youtube\\.com/@)';
const SOCIAL_URL = new RegExp(`(https?://)?(www\\.)?${SOCIAL_SITES}`);
const PLATFORMS =
  '(insta|instagram|ig|snap|snapchat|sc|tiktok|tik tok|tt|twitter|tw|x|fb|facebook|whatsapp|whats app|wa|telegram|tg|discord|signal|kik|threads|bluesky|bsky|reddit|linkedin|skype|messenger|wickr|wechat|line)';
// Names that are never anything else when followed by "name:" (not "x", "line", "signal").
const PLATFORMS_STRICT = '(insta|instagram|ig|snap|snapchat|tiktok|twitter|fb|facebook|whatsapp|telegram|discord|kik|bluesky|bsky|skype|wechat)';
const HANDLE_PHRASES = [
  // "insta: jo_smith", "snap - jo.smith", "discord: jo#1234"
  new RegExp(`(^|[^a-z])${PLATFORMS_STRICT}\\s*[:=-]\\s*@?[a-z0-9_.#]{2,}`),
  // "my insta is jo_smith", "my snap's jo.s"
  new RegExp(`\\bmy ${PLATFORMS}( name| handle| username| id| account)?('s| is)\\s+@?[a-z0-9_.#]{2,}`),
  // "add me on snap", "find me on insta", "dm me on tiktok", "message me on whatsapp"
  new RegExp(`\\b(add|find|follow|dm|message|msg|text|ping|hmu|hit me up|hit up|contact|reach|friend)( me)? (on|at|via|over) ${PLATFORMS}\\b`),
  // "snap me", "whatsapp me", "insta me", "dm me"
  /\b(snap|snapchat|insta|whatsapp|telegram|kik|discord|facetime|dm|pm|inbox) me\b/,
  // "drop your insta", "what's your snap", "send me your number"
  new RegExp(`\\b(drop|send|give|share|swap|exchange|what'?s|whats) (me )?(your|ur|our|yr) (${PLATFORMS}|numbers?|digits|socials|emails?|handles?)\\b`),
];
const HANDLE = /(^|[\s(,;:!?"'])@([\p{L}\p{N}_.]{2,30})/gu;

function findPhone(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const run = match[0];
    const digits = run.replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) continue;
    // A list of years ("1998 2004 2010") or of scores is not a number to call.
    // Stryker disable next-line MethodExpression,Regex: equivalent, the empty pieces a single-separator split or no filter leaves pass the "short" test below anyway.
    const groups = run.split(/[\s().-]+/).filter(Boolean);
    if (groups.every((g) => YEAR_OR_SHORT.test(g) || g.length <= 2)) continue;
    // ISO dates keep their dashes: 2026-11-26 is 8 digits and never gets here.
    return true;
  }
  return false;
}

function findHandle(text: string, allowedMentions: readonly string[]): boolean {
  if (SOCIAL_URL.test(text)) return true;
  if (HANDLE_PHRASES.some((re) => re.test(text))) return true;
  for (const match of text.matchAll(HANDLE)) {
    // Stryker disable next-line OptionalChaining: equivalent, group 1 `(^|…)` always takes part in a match.
    const after = text.slice((match.index ?? 0) + (match[1]?.length ?? 0) + 1);
    // "@Pseudonym" mentions of the group's own members are not handles.
    if (allowedMentions.some((name) => after.startsWith(name))) continue;
    return true;
  }
  return false;
}

/** Finds contact details in a text, or null. `allowedMentions` are lower-case pseudonyms of the group. */
// Stryker disable next-line ArrayDeclaration: equivalent, a default list holding a string that is not a lower-case pseudonym never matches the lower-cased text.
export function findContactDetails(raw: string, allowedMentions: readonly string[] = []): ContactProblem | null {
  const text = matchingForm(raw);
  if (EMAIL.test(text) || OBFUSCATED_EMAIL.test(text)) return { kind: 'email', message: MESSAGES.email };
  if (findPhone(text)) return { kind: 'phone', message: MESSAGES.phone };
  if (findHandle(text, allowedMentions)) return { kind: 'social_handle', message: MESSAGES.social_handle };
  return null;
}

/** Throws 422 `contact_details_refused` naming what was found and why. */
// Stryker disable next-line ArrayDeclaration: equivalent, a default list holding a string that is not a lower-case pseudonym never matches the lower-cased text.
export function assertNoContactDetails(text: string, allowedMentions: readonly string[] = []): void {
  const problem = findContactDetails(text, allowedMentions);
  if (problem) throw new AppError('contact_details_refused', problem.message, [{ path: 'body.text', message: problem.kind }]);
}
