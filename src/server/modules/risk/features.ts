import { markSubstanceTokens } from './concepts.js';
import { expandShorthand } from './prepare-text.js';

/**
 * Features of the trained model (Layer 2): word unigrams and bigrams and character 3- and
 * 4-grams inside words, over the spelling-normalised text. Binary, L2-normalised. The same
 * function is used in training and at run time.
 */
export function textForModel(raw: string): string {
  return modelTextExpanded(expandShorthand(raw));
}

/** textForModel for a text already through expandShorthand. */
export function modelTextExpanded(expanded: string): string {
  return expanded
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, ' ')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

/** Feature name → value (the vector is L2-normalised). */
export function featuresOf(raw: string): Map<string, number> {
  return featuresOfExpanded(expandShorthand(raw));
}

/** featuresOf for a text already through expandShorthand. */
export function featuresOfExpanded(expanded: string): Map<string, number> {
  const words = modelTextExpanded(expanded).split(' ').filter(Boolean).slice(0, 600);
  const names = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    names.add(`w:${word}`);
    if (i + 1 < words.length) names.add(`b:${word} ${words[i + 1]}`);
    const padded = ` ${word} `;
    if (word.length > 2) {
      for (let n = 3; n <= 4; n++) for (let j = 0; j + n <= padded.length; j++) names.add(`c:${padded.slice(j, j + n)}`);
    }
  }
  // Medicines and household poisons by class as well as by name ("w:zzmed", "b:took zzmed"): the
  // model learns "took 30 of <a medicine>" once for the 150+ names of medications.ts, not name by name.
  for (const feature of substanceClassFeatures(words)) names.add(feature);
  // Length as a feature: very short messages ("pills counted", "now I am a regular") otherwise lean
  // on a handful of words and on the class balance.
  names.add(`n:${words.length <= 3 ? 'tiny' : words.length <= 8 ? 'short' : words.length <= 25 ? 'medium' : 'long'}`);
  const value = names.size ? 1 / Math.sqrt(names.size) : 0;
  return new Map([...names].map((n) => [n, value]));
}

/** The class features of a text's words (see featuresOfExpanded), in order; none when no word names a substance. */
export function substanceClassFeatures(words: readonly string[]): string[] {
  const marked = [...words];
  if (!markSubstanceTokens(marked)) return [];
  const out: string[] = [];
  for (let i = 0; i < marked.length; i++) {
    const mark = marked[i] as string;
    if (mark === words[i]) continue;
    out.push(`w:${mark}`);
    if (i > 0) out.push(`b:${marked[i - 1]} ${mark}`);
    if (i + 1 < marked.length) out.push(`b:${mark} ${marked[i + 1]}`);
  }
  return out;
}
