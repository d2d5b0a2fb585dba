/**
 * What text a regular expression cannot match without: a set of literal strings such that every
 * match of the pattern contains at least one of them. The phrase rules use it as a prefilter — a
 * segment that contains none of a rule's strings cannot match the rule, so the rule is not run
 * (most segments meet only a handful of the 53 rules). Skipping is exact, never a guess: only
 * parts of the pattern that every match must go through count, and a part the analysis does not
 * understand counts as "anything" (no requirement), which can only make the prefilter run a rule
 * more often, never less.
 *
 * Understood: literal characters and escaped punctuation, groups of every kind, alternation,
 * character classes and \s \d \w \b and the like (as "some character" or "nothing"), lookarounds
 * (zero-width), and the quantifiers ? * + {n,m}. Flags are not looked at: the caller passes
 * patterns without the i, m, s, u or v flags.
 */

/** What a part of a pattern matches, for this purpose. */
interface Part {
  /** Every string the part can match, when that is a short list of plain strings (else undefined). */
  exact?: Set<string>;
  /** Strings one of which every match contains (null: none known). */
  required: Set<string> | null;
}

/** The most strings an exact list is allowed to grow to (cross products of alternatives). */
const MAX_EXACT = 400;
// Stryker disable next-line ObjectLiteral: `{}` leaves `required` undefined, which every reader takes as null (no requirement)
const ANYTHING: Part = { required: null };
const EMPTY: Part = { exact: new Set(['']), required: null };

/**
 * A requirement is better when its shortest string is longer (longer strings are rarer), up to
 * six characters; beyond that, fewer strings are better (each is one more thing to look for).
 */
function score(set: Set<string> | null): number {
  if (!set || set.size === 0) return -Infinity;
  let shortest = Infinity;
  for (const s of set) shortest = Math.min(shortest, s.length);
  return Math.min(shortest, 6) * 1000 - set.size;
}
const better = (a: Set<string> | null, b: Set<string> | null): Set<string> | null => (score(b) > score(a) ? b : a);

function product(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Part {
    const part = this.alternation();
    if (this.at !== this.source.length) throw new Error(`regex-literals: unexpected "${this.source[this.at]}" at ${this.at} in ${this.source}`);
    return part;
  }

  private alternation(): Part {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Part;
    let exact: Set<string> | undefined = new Set();
    for (const b of branches) exact = b.exact && exact && exact.size + b.exact.size <= MAX_EXACT ? new Set([...exact, ...b.exact]) : undefined;
    // Every branch must have a requirement for the alternation to have one: their union.
    const required = branches.every((b) => b.required) ? new Set(branches.flatMap((b) => [...(b.required as Set<string>)])) : null;
    return { exact, required: better(required, exact && !exact.has('') ? exact : null) };
  }

  private sequence(): Part {
    const items: Part[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') items.push(this.quantified(this.atom()));
    // Any item every match goes through gives a requirement; so does any run of consecutive exact
    // items, by the cross product of their strings ("kill" then " " then "myself|himself").
    let required: Set<string> | null = null;
    for (let i = 0; i < items.length; i++) {
      required = better(required, (items[i] as Part).required);
      let run: Set<string> | undefined = new Set(['']);
      for (let j = i; j < items.length && run; j++) {
        const exact = (items[j] as Part).exact;
        run = exact ? product(run, exact) : undefined;
        if (run && !run.has('')) required = better(required, run);
      }
    }
    let exact: Set<string> | undefined = new Set(['']);
    for (const item of items) exact = exact && item.exact ? product(exact, item.exact) : undefined;
    return { exact, required };
  }

  private quantified(part: Part): Part {
    const c = this.source[this.at];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return part; // a literal "{"
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    } else return part;
    if (this.source[this.at] === '?') this.at++; // lazy: matches the same strings
    if (min === 1 && max === 1) return part;
    if (min === 0 && max === 1) return { exact: part.exact ? new Set([...part.exact, '']) : undefined, required: null };
    return { required: min >= 1 ? part.required : null };
  }

  private atom(): Part {
    const c = this.source[this.at++] as string;
    if (c === '(') {
      let lookaround = false;
      if (this.source[this.at] === '?') {
        const head = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.at));
        if (!head) throw new Error(`regex-literals: unknown group at ${this.at} in ${this.source}`);
        lookaround = ['?=', '?!', '?<=', '?<!'].includes(head[0]);
        this.at += head[0].length;
      }
      const inner = this.alternation();
      if (this.source[this.at++] !== ')') throw new Error(`regex-literals: unclosed group in ${this.source}`);
      // A lookaround matches no characters of its own.
      return lookaround ? EMPTY : inner;
    }
    if (c === '[') {
      while (this.at < this.source.length && this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
      this.at++;
      return ANYTHING;
    }
    if (c === '.') return ANYTHING;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '\\') {
      const e = this.source[this.at++] as string;
      if (e === 'b' || e === 'B') return EMPTY;
      // Classes, back-references, code points and control escapes: some character(s), unknown.
      if (/[A-Za-z0-9]/.test(e)) {
        if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'k' || e === 'c') this.skipEscapeBody(e);
        return ANYTHING;
      }
      return { exact: new Set([e]), required: new Set([e]) };
    }
    return { exact: new Set([c]), required: new Set([c]) };
  }

  private skipEscapeBody(e: string): void {
    const rest = this.source.slice(this.at);
    const body = e === 'u' ? /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/ : e === 'x' ? /^[0-9a-fA-F]{2}/ : e === 'c' ? /^[A-Za-z]/ : /^(\{[^}]*\}|<[^>]*>)/;
    this.at += body.exec(rest)?.[0].length ?? 0;
  }
}

/** Strings one of which every match of the pattern contains; null when the analysis finds none. */
export function requiredLiterals(pattern: RegExp): string[] | null {
  if (/[imsuvy]/.test(pattern.flags)) return null;
  const required = new Parser(pattern.source).parse().required;
  return required && !required.has('') ? [...required] : null;
}
