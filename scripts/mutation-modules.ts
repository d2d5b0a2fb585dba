/**
 * The modules the mutation gate (`npm run mutate`, scripts/mutation-gate.ts) mutates: which source
 * files make up each, the score each must keep, and the fast tests that stand guard over it.
 * vitest.mutation.config.ts runs only the tests of the modules being mutated.
 *
 * Thresholds are issue 17's: scoring, risk, access rules and object checks at least 90 %; notes and
 * moderation at least 85 %. Equivalent mutants are declared in the source with a
 * `// Stryker disable next-line <mutator>: <why it changes nothing observable>` comment.
 */
export interface MutationModule {
  /** Short name used on the command line and in the summary table. */
  name: string;
  /** Lowest mutation score (killed + timed out, over all valid mutants), in per cent. */
  threshold: number;
  /**
   * In the CI gate (`npm test` runs `npm run mutate -- --ci`), not only in the full `npm run mutate`.
   * The access rules only: their tests are in-memory and their mutants few enough to fit the CI
   * budget; the full run is too slow for CI on two shared cores (README, "Mutation testing").
   */
  ci: boolean;
  /** A larger module it is a part of (the gate also prints the group's total, judged against the same threshold). */
  group?: string;
  /** Source files mutated, relative to the repository root. */
  files: readonly string[];
  /** The tests that guard them (unit tests, or integration tests on in-memory SQLite). */
  tests: readonly string[];
  /** Stryker options for this module only (e.g. a longer timeout). */
  stryker?: Record<string, unknown>;
}

export const mutationModules: readonly MutationModule[] = [
  {
    name: 'scoring',
    threshold: 90,
    ci: false,
    files: ['src/shared/instruments/scale.ts', 'src/shared/instruments/reliable-change.ts', 'src/server/modules/measures/engine/score.ts'],
    tests: [
      'src/shared/instruments/scale.test.ts',
      'src/shared/instruments/scale-rules.test.ts',
      'src/server/modules/measures/engine/score-messages.test.ts',
      'src/server/modules/measures/engine/score.test.ts',
      'src/server/modules/measures/engine/score.property.test.ts',
      'src/server/modules/measures/engine/change.test.ts',
    ],
  },
  {
    name: 'policy',
    threshold: 90,
    ci: true,
    files: ['src/server/policy/policy.ts'],
    tests: ['src/server/policy/policy.test.ts', 'src/server/policy/policy-table.test.ts'],
  },
  {
    name: 'objects',
    threshold: 90,
    ci: false,
    files: ['src/server/policy/objects.ts'],
    tests: ['src/server/policy/objects.int.test.ts'],
  },
  {
    name: 'alert-responsibles',
    threshold: 90,
    ci: false,
    files: ['src/server/policy/alert-responsibles.ts'],
    tests: ['src/server/policy/alert-responsibles.int.test.ts'],
  },
  {
    name: 'membership',
    threshold: 90,
    ci: true,
    files: ['src/server/policy/membership.ts'],
    tests: ['src/server/policy/membership.test.ts', 'src/server/policy/membership-guard.test.ts', 'src/server/policy/membership-edges.test.ts'],
  },
  // The risk detector, in parts (its `group`): every file whose code decides a tier — the fusion, the
  // frames, the negation fix-up of the analysis, the phrase rules, the model's features and scoring —
  // and, in risk-text, how it reads the text first. Not the trainer and its evaluation (train.ts,
  // evaluate.ts, corpus.ts), and not the vocabularies (lexicon.ts, concepts.ts, medications.ts,
  // model-weights.json): a word list is judged by the corpus figures, not by mutation. Each part runs
  // with the tests that exercise it and load no more than they need (the language model's weights
  // only where the part is the model or the fusion), so a mutant costs seconds, not tens of seconds;
  // a part's score is a lower bound, since the other parts' tests would kill more, never fewer.
  {
    name: 'risk-fusion',
    group: 'risk',
    threshold: 90,
    ci: false,
    files: ['src/server/modules/risk/assess-risk.ts'],
    tests: [
      'src/server/modules/risk/assess-risk.test.ts',
      'src/server/modules/risk/fusion.test.ts',
      'src/server/modules/risk/frames-text.test.ts',
      'src/server/modules/risk/assess-context.test.ts',
      'src/server/modules/risk/frame-modifiers.test.ts',
      'src/server/modules/risk/properties.test.ts',
      'src/server/modules/risk/assess-context-edges.test.ts',
      'src/server/modules/risk/assess-explanation.test.ts',
      'src/server/modules/risk/fusion-edges.test.ts',
    ],
    // Its tests load the language model in every worker: a mutant that loops (a regex made to
    // backtrack) is cut off after 5 s rather than 10 s.
    stryker: { timeoutMS: 5000 },
  },
  {
    name: 'risk-frames',
    group: 'risk',
    threshold: 90,
    ci: false,
    // The frames' code: matching, modifiers, whose act it is, and each frame's tier rule. Not its
    // static mutants (ignoreStatic): the frame table's patterns and the module-level patterns — 1,297
    // mutants of word lists, each of which re-runs every test (with them, 2,337 mutants were estimated
    // at 1.3 to 3.6 hours under load). Like the other vocabularies they are judged by the labelled
    // corpus: frames-corpus.test.ts (in this module's tests and the SQLite suite) keeps every labelled
    // sentence the frames read right reading right. The frame tests that go through the whole detector
    // (frames-acts-threats … frames-work-parenting) run in the SQLite suite, not here: each loads the
    // model in every run of a mutant, 5-7 s a file, which made a whole run estimated at over two hours
    // (session 19); frames-tier-rules.test.ts holds the tier rules' near misses on the frames alone.
    // Without its statics, a whole run took 4,853 s with two workers (session 18).
    files: ['src/server/modules/risk/frames.ts'],
    tests: [
      'src/server/modules/risk/frames.test.ts',
      'src/server/modules/risk/frames-hits.test.ts',
      'src/server/modules/risk/frame-modifiers.test.ts',
      'src/server/modules/risk/frames-modifiers-edges.test.ts',
      'src/server/modules/risk/frames-functions-edges.test.ts',
      'src/server/modules/risk/frames-functions-more.test.ts',
      'src/server/modules/risk/frames-corpus.test.ts',
      'src/server/modules/risk/frames-tier-rules.test.ts',
    ],
    stryker: { timeoutMS: 5000, ignoreStatic: true },
  },
  {
    name: 'risk-rules',
    group: 'risk',
    threshold: 90,
    ci: false,
    files: ['src/server/modules/risk/analyse.ts', 'src/server/modules/risk/phrase-rules.ts'],
    tests: [
      'src/server/modules/risk/analyse.test.ts',
      'src/server/modules/risk/analyse-loads.test.ts',
      'src/server/modules/risk/analyse-jokes.test.ts',
      'src/server/modules/risk/phrase-rules.test.ts',
      'src/server/modules/risk/phrase-rules-scope.test.ts',
      'src/server/modules/risk/phrase-rules-edges.test.ts',
      'src/server/modules/risk/phrase-rules-loads.test.ts',
    ],
    stryker: { timeoutMS: 5000 },
  },
  {
    name: 'risk-model',
    group: 'risk',
    threshold: 90,
    ci: false,
    files: ['src/server/modules/risk/features.ts', 'src/server/modules/risk/model.ts'],
    tests: ['src/server/modules/risk/features.test.ts', 'src/server/modules/risk/model-predict.test.ts', 'src/server/modules/risk/model-paths.test.ts'],
    stryker: { timeoutMS: 5000 },
  },
  {
    name: 'risk-text',
    group: 'risk',
    threshold: 90,
    ci: false,
    // The risk detector's reading of the text, before any layer judges it: spelling, shorthand and
    // contractions, the rewrite engine and its literal prefilter, and the index that says which frame
    // patterns are tried where. A module of its own so that their many module-level mutants (each
    // rewrite table entry is one: every test re-runs) are judged by tests that load neither the
    // language model nor the weights — about a second per mutant instead of 2-30 s. Its score is a
    // lower bound: the risk module's tests would kill more, never fewer.
    files: [
      'src/server/modules/risk/normalise.ts',
      'src/server/modules/risk/prepare-text.ts',
      'src/server/modules/risk/rewrite-chain.ts',
      'src/server/modules/risk/literal-index.ts',
      'src/server/modules/risk/regex-literals.ts',
      'src/server/modules/risk/frame-triggers.ts',
    ],
    tests: [
      'src/server/modules/risk/normalise.test.ts',
      'src/server/modules/risk/normalise-table.test.ts',
      'src/server/modules/risk/shorthand-table.test.ts',
      'src/server/modules/risk/spelling-edges.test.ts',
      'src/server/modules/risk/spelling-loads.test.ts',
      'src/server/modules/risk/normalise-creole.test.ts',
      'src/server/modules/risk/literal-index.test.ts',
      'src/server/modules/risk/literal-index-chars.test.ts',
      'src/server/modules/risk/rewrite-chain.test.ts',
      'src/server/modules/risk/rewrite-chain-skips.test.ts',
      'src/server/modules/risk/regex-literals.test.ts',
      'src/server/modules/risk/regex-literals-syntax.test.ts',
      'src/server/modules/risk/frame-triggers.test.ts',
      'src/server/modules/risk/frame-triggers-parse.test.ts',
      'src/server/modules/risk/frame-triggers-pieces.test.ts',
    ],
  },
  {
    name: 'contact-details',
    threshold: 85,
    ci: true,
    files: ['src/server/modules/moderation/pii-guard.ts'],
    tests: ['src/server/modules/moderation/pii-guard.test.ts', 'src/server/modules/moderation/contact-details.test.ts'],
  },
  {
    name: 'moderation',
    threshold: 85,
    ci: false,
    files: ['src/server/modules/moderation/moderate.ts'],
    tests: [
      'src/server/modules/moderation/moderation-helpers.test.ts',
      'src/server/modules/moderation/moderation.int.test.ts',
      'src/server/modules/moderation/dry-run.int.test.ts',
      'src/server/modules/moderation/moderate-inputs.int.test.ts',
    ],
  },
  {
    name: 'decision',
    threshold: 85,
    ci: false,
    files: ['src/server/modules/moderation/decision.ts'],
    tests: ['src/server/modules/moderation/decision.test.ts', 'src/server/modules/moderation/decision-messages.test.ts'],
  },
  {
    name: 'notes',
    threshold: 85,
    ci: false,
    files: ['src/server/modules/notes/save-draft.ts', 'src/server/modules/notes/sign-note.ts', 'src/shared/notes/signing.ts'],
    tests: [
      'src/server/modules/notes/notes.int.test.ts',
      'src/server/modules/notes/note-rules.int.test.ts',
      'src/server/modules/notes/note-templates.int.test.ts',
      'src/server/modules/notes/note-template-saves.int.test.ts',
      'src/server/modules/notes/note-save-race.int.test.ts',
      'src/shared/notes/signing.test.ts',
    ],
  },
];

/** The environment variable that narrows vitest.mutation.config.ts to some modules' tests. */
export const MODULES_ENV = 'HEARTH_MUTATION_MODULES';

/** The modules named in a comma-separated list (all when the list is empty); throws on an unknown name. */
export function selectModules(list: string | undefined): MutationModule[] {
  const names = (list ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) return [...mutationModules];
  return names.map((name) => {
    const found = mutationModules.find((m) => m.name === name);
    if (!found) throw new Error(`Unknown mutation module "${name}"; known: ${mutationModules.map((m) => m.name).join(', ')}.`);
    return found;
  });
}
