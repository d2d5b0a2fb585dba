import type { OutcomeReport } from './api';
import { formatScore, signed } from './copy';

/** "43%" from a fraction; "—" when there is nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** How many people a share stands for ("3 of 7"). */
export function countOf(share: number | null, of: number): number {
  return share === null ? 0 : Math.round(share * of);
}

/** Cohen's conventions: 0.2 small, 0.5 medium, 0.8 large. */
export function effectWord(d: number): string {
  const size = Math.abs(d);
  const word = size >= 0.8 ? 'large' : size >= 0.5 ? 'medium' : size >= 0.2 ? 'small' : 'negligible';
  return d < 0 && size >= 0.2 ? `${word}, in the direction of getting worse` : word;
}

/** "improved by 5.2 points" / "worsened by 6 points" / "did not change on average". */
export function improvementWords(points: number | null): string {
  if (points === null) return 'not enough answers to say';
  if (Math.abs(points) < 0.05) return 'did not change on average';
  const n = formatScore(Math.round(Math.abs(points) * 10) / 10);
  return `${points > 0 ? 'improved' : 'worsened'} by ${n} ${n === '1' ? 'point' : 'points'} on average`;
}

/** Fewer people than this behind a figure: it is shown with its n and without a headline number. */
export const SMALL_N = 10;

export interface OutcomeFigure {
  label: string;
  value: string;
  text: string;
  /** How many people the figure rests on. */
  n: number;
}

/** Every figure of the report, each with a sentence that says what it means. */
export function outcomeFigures(r: OutcomeReport): OutcomeFigure[] {
  const title = r.instrument.title;
  const direction = r.instrument.higherIsBetter ? 'higher is better' : 'lower is better';
  const figures: OutcomeFigure[] = [
    {
      label: 'Took part',
      value: `${r.completed} compared`,
      text: `${r.started} ${r.started === 1 ? 'person' : 'people'} answered the ${title} at least once; ${r.completed} answered it at least twice, so their first and latest answers can be compared.`,
      n: r.started,
    },
  ];
  if (r.completed === 0) return figures;
  figures.push({
    n: r.completed,
    label: 'Average change',
    value: r.meanChange === null ? '—' : signed(r.meanChange),
    text:
      r.meanFirst === null || r.meanLast === null
        ? 'Not enough answers to work out the average change.'
        : `On average, scores went from ${formatScore(r.meanFirst)} at the first answer to ${formatScore(r.meanLast)} at the latest (${direction}).`,
  });
  figures.push({
    n: r.completed,
    label: 'Reliably improved',
    value: percent(r.reliablyImproved),
    text: `${countOf(r.reliablyImproved, r.completed)} of ${r.completed} improved by more than the questionnaire's measurement error (reliable improvement).`,
  });
  figures.push({
    n: r.completed,
    label: 'Reliably worse',
    value: percent(r.reliablyDeteriorated),
    text: `${countOf(r.reliablyDeteriorated, r.completed)} of ${r.completed} got worse by more than the measurement error (reliable deterioration).`,
  });
  figures.push(
    r.casesAtStart === 0
      ? { label: 'Recovered', value: '—', text: 'Nobody started at or above the clinical cut-off (caseness), so recovery does not apply.', n: 0 }
      : {
          n: r.casesAtStart,
          label: 'Recovered',
          value: percent(r.recovered),
          text: `${r.casesAtStart} started at or above the clinical cut-off (caseness). ${countOf(r.recovered, r.casesAtStart)} of them ended below it; ${countOf(r.reliablyRecovered, r.casesAtStart)} (${percent(r.reliablyRecovered)}) did so with a reliable improvement (reliable recovery).`,
        },
  );
  figures.push({
    n: r.completed,
    label: 'Effect size',
    value: r.effectSize === null ? '—' : formatScore(r.effectSize),
    text:
      r.effectSize === null
        ? 'Not enough answers to work out an effect size.'
        : `The pre–post effect size (Cohen's d) is ${formatScore(r.effectSize)}: ${effectWord(r.effectSize)}.`,
  });
  const a = r.attendance;
  const linked = a.attendedMost + a.attendedLess;
  // A correlation from a handful of people is noise: below SMALL_N it is not given at all.
  const correlation = linked >= SMALL_N ? a.correlationWithImprovement : null;
  figures.push({
    n: linked,
    label: 'Attendance and change',
    value: correlation === null ? '—' : `r = ${formatScore(correlation)}`,
    text: [
      `${a.attendedMost} ${a.attendedMost === 1 ? 'person' : 'people'} came to at least three-quarters of their sessions and ${improvementWords(a.meanImprovementAttendedMost)};`,
      `${a.attendedLess} came less often and ${improvementWords(a.meanImprovementAttendedLess)}.`,
      correlation === null
        ? `Too few people (${linked}; at least ${SMALL_N} are needed) to correlate attendance with improvement.`
        : `The correlation between attendance and improvement is ${formatScore(correlation)}${correlation >= 0.1 ? ': people who came more tended to improve more' : correlation <= -0.1 ? ': people who came more tended to improve less' : ': no clear link'}.`,
    ].join(' '),
  });
  return figures;
}
