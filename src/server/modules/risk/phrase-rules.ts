import {
  DENIED_REASON,
  IMMINENCE,
  hypotheticalIn,
  LEXICON,
  METAPHORS,
  NEGATORS,
  NOT_A_NEGATION,
  OTHER_PERSON_WORDS,
  RECOVERY,
  SELF_WORDS,
  TOPIC,
  type RiskRule,
} from './lexicon.js';
import { LiteralIndex } from './literal-index.js';
import { prepareExpanded, prepareForRisk, segments } from './prepare-text.js';
import { requiredLiterals } from './regex-literals.js';

export type RiskTier = 'none' | 'concern' | 'urgent';
export type Modifier = 'negated' | 'other_person' | 'recovery' | 'metaphor' | 'topic' | 'hypothetical' | 'imminent';

/** One rule that matched, with what changed its weight. */
export interface RiskSignal {
  ruleId: string;
  label: string;
  plain: string;
  phrase: string;
  person: 'self' | 'other';
  ruleTier: 'urgent' | 'concern';
  weight: number;
  effectiveWeight: number;
  /** The tier this signal supports after its modifiers ('none' when it does not count). */
  tier: RiskTier;
  modifiers: { kind: Modifier; cue: string }[];
}

export interface PhraseAssessment {
  tier: RiskTier;
  score: number;
  signals: RiskSignal[];
  /** For clinicians: each rule that fired and why it counted, or did not. */
  explanation: string[];
  /** For the author: what was noticed, in plain words (only signals that counted). */
  plainExplanation: string[];
}

/** Score at which the concern tier starts. */
export const CONCERN_SCORE = 2;
/** How much a signal about somebody else weighs: a clinician may want to know, never urgent. */
const OTHER_PERSON_FACTOR = 0.6;

/**
 * Rules that state ideation, a wish to be dead or self-harm that has happened, without a plan,
 * means, place or time: concern by the taxonomy (README), urgent only with a sign that it is soon
 * ("tonight", "right now", "I've decided").
 */
const PASSIVE: ReadonlySet<string> = new Set([
  'death_thoughts',
  'not_want_live',
  'wish_dead',
  'better_off_without',
  'others_fine_without',
  'nobody_notice_dead',
  'wish_killed',
  'want_die',
  'better_off_dead',
  'done_with_life',
  'no_reason_live',
  'feel_suicidal',
  'suicide_word',
  'self_harm_current',
  'self_harm_act',
  'self_harm',
  'own_funeral',
  'over_for_good',
]);
/** Rules whose match is a bare word: talk about a subject ("a suicide prevention course") does not count for them. */
const TOPIC_SENSITIVE: ReadonlySet<string> = new Set(['suicide_word']);
// Compiled once, with the global flag: each is run with exec from lastIndex 0 until it finds no more.
// Each rule also keeps the strings every match of its pattern contains (regex-literals.ts): a
// segment that contains none of them cannot match it, so the rule is not run — about two rules
// per segment run instead of fifty (a test proves the result is the same with and without).
// null: the analysis found no such strings, and the rule always runs.
// Stryker disable next-line ArrowFunction: no strings for any rule (undefined) turns the prefilter off: every rule runs, with the same result
const RULE_LITERALS = LEXICON.map((rule) => requiredLiterals(rule.pattern));
const ALL_LITERALS = [...new Set(RULE_LITERALS.flatMap((strings) => strings ?? []))];
const LITERALS = new LiteralIndex(ALL_LITERALS);
const GLOBAL_RULES = LEXICON.map((rule, i) => ({
  rule,
  global: new RegExp(rule.pattern.source, 'g'),
  literalIds: RULE_LITERALS[i]?.map((s) => ALL_LITERALS.indexOf(s)) ?? null,
}));
/** Turns the literal prefilter off (for the test that proves it changes nothing). */
export const phraseRuleOptions = { prefilter: true };
const GLOBAL_METAPHORS = METAPHORS.map((m) => new RegExp(m.source, 'g'));

function tokensOf(text: string): string[] {
  // Stryker disable next-line ArrayDeclaration: a text with no words gives no person and no negator; a made-up word in it is neither
  return text.match(/[^\s,]+/g) ?? [];
}

/** Whose statement a phrase is; somebody else's with the word that names them (the explanation's cue). */
type Person = { person: 'self' } | { person: 'other'; cue: string };
const WRITER: Person = { person: 'self' };

/** Whose statement the phrase at `start` is: the nearest subject-like word before it, else the writer. */
function personBefore(segment: string, start: number): Person {
  // Nearest first. "my friend": the relation word, nearer the phrase, is met first and names the person.
  for (const word of tokensOf(segment.slice(0, start)).reverse()) {
    if (word === 'we' || SELF_WORDS.has(word)) return WRITER;
    if (OTHER_PERSON_WORDS.has(word)) return { person: 'other', cue: word };
  }
  return WRITER;
}

/** The `who` of a rule's match that is the writer ("kill myself", "better off without us"). */
const SELF_WHO: ReadonlySet<string> = new Set(['me', 'my', 'myself', 'my self', 'ourselves', 'us']);

function personOfWho(who: string | undefined): Person {
  if (!who || SELF_WHO.has(who)) return WRITER;
  return { person: 'other', cue: who };
}

/** A negator before the phrase in the same clause, up to the previous subject ("I don't care, I just want…" is not negated). */
function negationBefore(segment: string, start: number): string | null {
  const clause = segment.slice(0, start).split(',').pop() ?? '';
  const before = tokensOf(clause);
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < 6; i--, seen++) {
    const word = before[i] ?? '';
    if (NEGATORS.has(word)) {
      const rest = before.slice(i + 1).join(' ') + ' ' + segment.slice(start);
      return NOT_A_NEGATION.test(rest.trim()) ? null : word;
    }
    if (word === 'i' || word === 'he' || word === 'she' || word === 'they' || word === 'we') return null;
  }
  return null;
}

function metaphorCovering(segment: string, start: number, end: number): string | null {
  for (const re of GLOBAL_METAPHORS) {
    re.lastIndex = 0;
    for (let m = re.exec(segment); m; m = re.exec(segment)) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,UpdateOperator: a guard against an endless loop on an empty match; no figure of speech matches the empty string
      if (m[0] === '') re.lastIndex++;
      const from = m.index;
      const to = from + m[0].length;
      // Either the figure of speech contains the phrase, or it is benign context in the same segment.
      if ((from <= start && to >= end) || (from >= end && from - end < 60) || (to <= start && start - to < 60)) return m[0];
    }
  }
  return null;
}

function assessMatch(rule: RiskRule, segment: string, match: RegExpMatchArray, reasonDenied: () => boolean): RiskSignal {
  const start = match.index ?? 0;
  const phrase = match[0];
  const end = start + phrase.length;
  const modifiers: RiskSignal['modifiers'] = [];
  const who = rule.person === 'self' ? WRITER : rule.person === 'who' ? personOfWho(match.groups?.who ?? match.groups?.who2) : personBefore(segment, start);
  let weight = rule.weight;
  let counts = true;
  let soon = false;
  const negator = negationBefore(segment, start);
  if (negator) {
    modifiers.push({ kind: 'negated', cue: negator });
    counts = false;
  }
  // A figure of speech or an ordinary reason counts only if the writer has not denied it elsewhere.
  const covering = metaphorCovering(segment, start, end);
  const metaphor = covering && !reasonDenied() ? covering : null;
  if (metaphor) {
    modifiers.push({ kind: 'metaphor', cue: metaphor });
    counts = false;
  }
  const imminent = IMMINENCE.exec(segment);
  const recovery = RECOVERY.exec(segment);
  // A relapse ("again") is current, whatever else the sentence says about the past.
  if (recovery && !/\bagain\b/.test(segment)) {
    modifiers.push({ kind: 'recovery', cue: recovery[0].trim() });
    counts = false;
  }
  // The bare word "suicide" is often a subject (a film, a campaign) even in the writer's own words.
  // So is "talked about suicide" when a subject is named ("we talked about suicide prevention in
  // class"); planning, researching or attempting suicide is never made a topic by a subject word.
  const talkedAbout = rule.id === 'suicide_thoughts' && /^(talk|talks|talked|talking)\b/.test(phrase);
  const topicForSelf = (TOPIC_SENSITIVE.has(rule.id) || talkedAbout) && who.person === 'self' ? TOPIC.exec(segment) : null;
  if (topicForSelf) {
    modifiers.push({ kind: 'topic', cue: topicForSelf[0] });
    counts = false;
  }
  if (who.person === 'other') {
    modifiers.push({ kind: 'other_person', cue: who.cue });
    const topic = TOPIC.exec(segment);
    if (topic) {
      modifiers.push({ kind: 'topic', cue: topic[0] });
      counts = false;
    }
    // "What should I do if a friend says they are suicidal?" asks for help; it reports nobody.
    const question = hypotheticalIn(segment);
    if (question && /\b(if|when)\b/.test(question[0])) {
      modifiers.push({ kind: 'hypothetical', cue: question[0] });
      counts = false;
    }
    weight *= OTHER_PERSON_FACTOR;
  } else {
    const hypothetical = hypotheticalIn(segment);
    if (hypothetical) {
      modifiers.push({ kind: 'hypothetical', cue: hypothetical[0] });
      counts = false;
    } else if (imminent && counts && !(/\b(wake|woke|waking)\b/.test(phrase) && /^(tomorrow|soon)$/.test(imminent[0]))) {
      // (Waking is always tomorrow: "don't want to wake up tomorrow" is the wish, not a time set for an act.)
      modifiers.push({ kind: 'imminent', cue: imminent[0] });
      soon = true;
      weight += 1;
    }
  }
  const effectiveWeight = counts ? Math.round(weight * 10) / 10 : 0;
  let tier: RiskTier = 'none';
  if (effectiveWeight > 0) tier = rule.tier === 'urgent' && who.person === 'self' && (!PASSIVE.has(rule.id) || soon) ? 'urgent' : 'concern';
  return { ruleId: rule.id, label: rule.label, plain: rule.plain, phrase, person: who.person, ruleTier: rule.tier, weight: rule.weight, effectiveWeight, tier, modifiers };
}

const MODIFIER_TEXT: Record<Modifier, string> = {
  negated: 'negated',
  other_person: 'about someone else',
  recovery: 'recovery or distant past',
  metaphor: 'figure of speech',
  topic: 'talk about a subject, not a person',
  hypothetical: 'a question or “if”, not a statement',
  imminent: 'soon',
};

function describe(signal: RiskSignal): string {
  const mods = signal.modifiers.map((m) => `${MODIFIER_TEXT[m.kind]}${m.cue ? ` (“${m.cue}”)` : ''}`).join('; ');
  const head = signal.tier === 'none' ? 'Not counted' : signal.tier === 'urgent' ? 'Urgent' : 'Concern';
  return `${head}: “${signal.phrase}” — ${signal.label}, weight ${signal.effectiveWeight} of ${signal.weight}${mods ? `; ${mods}` : ''}.`;
}

/** The phrase rules' tier for a text, with every rule that fired and why it counted (pure: no I/O). */
export function assessPhrases(text: string): PhraseAssessment {
  return assessPrepared(prepareForRisk(text));
}

/** assessPhrases for a text already through expandShorthand (the detector expands once for all layers). */
export function assessPhrasesExpanded(expanded: string): PhraseAssessment {
  return assessPrepared(prepareExpanded(expanded));
}

/** Whether any of the ids is marked found (a loop, not .some with a closure: this runs for every rule and segment). */
function anyFound(found: Uint8Array, ids: readonly number[]): boolean {
  for (const id of ids) if (found[id] === 1) return true;
  return false;
}

function assessPrepared(prepared: string): PhraseAssessment {
  const signals: RiskSignal[] = [];
  // Asked only when a figure of speech or an ordinary reason would excuse a match (most texts have none).
  let denied: boolean | undefined;
  const reasonDenied = (): boolean => (denied ??= DENIED_REASON.test(prepared));
  for (const segment of segments(prepared)) {
    // Which rules' strings the segment contains, in one pass (literal-index.ts), for every rule at once.
    const found = phraseRuleOptions.prefilter ? LITERALS.present(segment) : null;
    for (const { rule, global, literalIds } of GLOBAL_RULES) {
      if (found && literalIds && !anyFound(found, literalIds)) continue;
      // exec in a loop, as matchAll does, without matchAll's copy of the regex for every rule and segment.
      global.lastIndex = 0;
      for (let match = global.exec(segment); match; match = global.exec(segment)) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,UpdateOperator: a guard against an endless loop on an empty match; no rule matches the empty string
        if (match[0] === '') global.lastIndex++;
        signals.push(assessMatch(rule, segment, match, reasonDenied));
      }
    }
  }
  // Each rule counts once, at its strongest; different rules add up.
  const best = new Map<string, RiskSignal>();
  for (const s of signals) if ((best.get(s.ruleId)?.effectiveWeight ?? -1) < s.effectiveWeight) best.set(s.ruleId, s);
  const counted = [...best.values()].filter((s) => s.effectiveWeight > 0);
  const score = Math.round(counted.reduce((sum, s) => sum + s.effectiveWeight, 0) * 10) / 10;
  let tier: RiskTier = 'none';
  if (counted.some((s) => s.tier === 'urgent')) tier = 'urgent';
  else if (score >= CONCERN_SCORE) tier = 'concern';
  const explanation = signals.map(describe);
  if (signals.length === 0) explanation.push('No rule of the risk lexicon matched.');
  else
    explanation.push(
      `Score ${score} (concern from ${CONCERN_SCORE}; urgent only from a first-person urgent signal — several concern signals together stay concern, as the taxonomy says): ${tier}.`,
    );
  const plainExplanation = tier === 'none' ? [] : [...new Set(counted.map((s) => s.plain))].map((p) => `Your message mentions ${p}.`);
  return { tier, score, signals, explanation, plainExplanation };
}
