import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Text analysis for the concept frames, by wink-nlp with its English "lite" web model: sentence
 * bounds, tokens, lemmas ("took" → "take", "tablets" → "tablet"), parts of speech and the scope of
 * negation. Chosen over compromise because it is several times faster (a 2,000-character
 * message in well under a millisecond), deterministic, has no native code and ships its model as
 * an npm package (no download at run time); it is maintained and MIT-licensed.
 */
// Only the annotations the frames read: sentence bounds, negation and parts of speech (lemmas
// follow from them). Named entities, sentiment and custom entities are computed separately by
// wink-nlp and touch none of these, so leaving them out changes no output and saves about a third
// of readDoc's time.
const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
const its = nlp.its;

export interface Token {
  text: string;
  lemma: string;
  pos: string;
  /** Inside the scope of a negation ("not", "never", "n't"), except intensifiers ("can't stop thinking"). */
  negated: boolean;
}

export interface AnalysedSentence {
  tokens: Token[];
  /** Lemmas joined by single spaces: what the concept patterns run on. */
  lemmas: string;
  /** Token texts joined by single spaces. */
  words: string;
  /** The tokens' lemmas and texts as lists (read, never changed: copy before marking). */
  lemmaList: readonly string[];
  wordList: readonly string[];
}

// "can't stop", "can't help", "not sure": a negator followed by one of these does not negate what follows.
const INTENSIFIER_AFTER_NEGATION = new Set(['stop', 'help', 'wait', 'sure', 'only', 'just', 'even']);
/**
 * "not a joke", "not joking", "no lie": the negation is of the joke, not of what follows ("not a joke this time, swallowed 40").
 * Lemmas: "kidding", "lying" and "exaggerating" are read as theirs ("joking" is not), the same negation on every labelled sentence.
 */
const JOKE_AFTER_NEGATION = new Set(['joke', 'joking', 'kid', 'lie', 'drill', 'exaggerate']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nt']);

// Ends of a clause: wink-nlp's negation scope can run past a full stop it did not take for a
// sentence end ("im not going in. swallowed a full pack" — no capital letter after it).
// (wink-nlp sometimes keeps the stop on the word: "in.")
// (A closing bracket ends an aside: "(not a joke this time) swallowed 40".)
const CLAUSE_END = /[.!?;)]$/;
const SUBJECT = new Set(['i', 'he', 'she', 'they', 'we']);
/** Words whose following clause is their complement, inside the negation ("not think I will…", "never said she would…"). */
const COMPLEMENT_TAKER = new Set([
  'think',
  'say',
  'know',
  'believe',
  'feel',
  'guess',
  'reckon',
  'promise',
  'swear',
  'want',
  'hope',
  'expect',
  'suppose',
  'sure',
  'mean',
  'that',
  'if',
  'whether',
  'because',
  'cause',
  'unless',
  'until',
  'when',
  'where',
  'why',
  'how',
  'what',
  'who',
  'so',
  'like',
]);

function correctNegation(tokens: Token[]): void {
  // A negation does not reach past the end of its clause: after one, tokens are not negated until
  // a negator starts a new scope.
  let pastClauseEnd = false;
  let sinceNegator = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (NEGATORS.has(token.text)) {
      pastClauseEnd = false;
      sinceNegator = 0;
    } else {
      sinceNegator++;
      // A new subject with its verb starts a new clause even without punctuation: "can't control it
      // anymore I'm going to hit him" (session 11) — but not the complement of a thought or a
      // promise ("don't think I'll hurt myself" stays negated).
      // Stryker disable next-line StringLiteral: before the first token any word that is not a complement-taker reads the same
      const previous = tokens[i - 1]?.lemma ?? '';
      const next = tokens[i + 1];
      if (!pastClauseEnd && token.negated && sinceNegator > 2 && SUBJECT.has(token.text) && next && (next.pos === 'AUX' || next.pos === 'VERB') && !COMPLEMENT_TAKER.has(previous))
        pastClauseEnd = true;
      if (pastClauseEnd) token.negated = false;
    }
    if (CLAUSE_END.test(token.text)) pastClauseEnd = true;
  }
  for (let i = 0; i < tokens.length; i++) {
    // Stryker disable next-line OptionalChaining,StringLiteral: i is below tokens.length, so tokens[i] is always a token
    if (!NEGATORS.has(tokens[i]?.text ?? '')) continue;
    const next = tokens[i + 1];
    // "not going to hurt myself" stays negated; "can't stop thinking about dying" and
    // "don't want to live" are statements of what the writer feels: the frames read them as such.
    if (next && INTENSIFIER_AFTER_NEGATION.has(next.lemma)) unnegateFrom(tokens, i + 1);
    // The words after "not a joke" are the writer's statement.
    const jokeAt = next && JOKE_AFTER_NEGATION.has(next.lemma) ? i + 2 : next?.text === 'a' && JOKE_AFTER_NEGATION.has(tokens[i + 2]?.lemma ?? '') ? i + 3 : -1;
    if (jokeAt > 0) unnegateFrom(tokens, jokeAt);
  }
}

/** Lifts the negation from `from` to the end of the negated run. */
function unnegateFrom(tokens: Token[], from: number): void {
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j];
    if (!token || !token.negated) break;
    token.negated = false;
  }
}

/** Sentences with their tokens, lemmas and negation (the input should already be spelling-normalised). */
export function analyse(text: string): AnalysedSentence[] {
  const doc = nlp.readDoc(text);
  // Whole-document arrays read once (each out() walks the document), then cut at sentence bounds.
  // The model's "its" helpers are typed loosely by wink-nlp; each returns one value per token.
  const out = <T>(helper: unknown): T[] => doc.tokens().out(helper as typeof its.value) as unknown as T[];
  const values = out<string>(its.value);
  const lemmas = out<string>(its.lemma);
  const pos = out<string>(its.pos);
  const negation = out<boolean>(its.negationFlag);
  const sentences: AnalysedSentence[] = [];
  // Sentence bounds as [first, last] token indexes: no per-sentence item objects.
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s] as [number, number];
    const first = span[0];
    const last = span[1];
    const tokens: Token[] = [];
    const lemmaList: string[] = [];
    const wordList: string[] = [];
    for (let i = first; i <= last; i++) {
      // Stryker disable next-line StringLiteral: wink-nlp gives one value, lemma and part of speech per token: the fallbacks are never read
      const value = (values[i] ?? '').toLowerCase();
      if (!value.trim()) continue;
      const lemma = (lemmas[i] ?? value).toLowerCase();
      // Stryker disable next-line StringLiteral: as above, pos[i] is always there
      tokens.push({ text: value, lemma, pos: pos[i] ?? 'X', negated: !!negation[i] });
      lemmaList.push(lemma);
      wordList.push(value);
    }
    correctNegation(tokens);
    if (tokens.length) sentences.push({ tokens, lemmas: lemmaList.join(' '), words: wordList.join(' '), lemmaList, wordList });
  }
  return sentences;
}
