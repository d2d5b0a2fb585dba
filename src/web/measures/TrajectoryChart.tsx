import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Trajectory } from './api';
import { formatScore } from './copy';

// Pale fills from least to most severe, dark enough to tell apart, light enough for text on top.
const BAND_FILLS = ['#e3f2e6', '#eef3d6', '#fbf0cf', '#fbe2cf', '#f8d6d6', '#f3c9d0'];
const LINE = '#176358';
const IMPROVED = '#1f7a3a';
const WORSENED = '#b3261e';
const DAY = 86_400_000;

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

interface Point {
  t: number;
  total: number;
  band: string | null;
  /** Reached the reliable-change threshold compared with the first answer. */
  reliable: 'improved' | 'worsened' | null;
}

/** Which points are a reliable change from the first score, read with the instrument's direction. */
export function chartPoints(trajectory: Trajectory): Point[] {
  const first = trajectory.points[0]?.total;
  const threshold = trajectory.change?.threshold ?? null;
  return trajectory.points.map((p) => {
    const diff = first === undefined ? 0 : p.total - first;
    const reliable = threshold !== null && diff !== 0 && Math.abs(diff) >= threshold ? (diff > 0 === trajectory.higherIsBetter ? 'improved' : 'worsened') : null;
    return { t: Date.parse(p.submittedAt), total: p.total, band: p.band, reliable };
  });
}

function Dot(props: { cx?: number; cy?: number; payload?: Point }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  if (payload.reliable) {
    const colour = payload.reliable === 'improved' ? IMPROVED : WORSENED;
    return (
      <g>
        <circle cx={cx} cy={cy} r={9} fill="white" stroke={colour} strokeWidth={3} />
        <circle cx={cx} cy={cy} r={4} fill={colour} />
      </g>
    );
  }
  return <circle cx={cx} cy={cy} r={5} fill={LINE} stroke="white" strokeWidth={1.5} />;
}

/**
 * Totals over time on the instrument's own scale, with the severity bands shaded behind the line,
 * the caseness cut-off as a dashed line and reliable changes ringed. Hidden from screen readers:
 * the table next to it carries the same data.
 */
export function TrajectoryChart({ trajectory }: { trajectory: Trajectory }) {
  const data = chartPoints(trajectory);
  const { min, max } = trajectory.range;
  const times = data.map((d) => d.t);
  const start = Math.min(...times) - 4 * DAY;
  const end = Math.max(...times) + 4 * DAY;
  const bands = trajectory.bands;
  const ticks = bands.length > 0 ? [...bands.map((b) => b.min), max] : undefined;

  return (
    <div aria-hidden="true" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 12, right: 12, bottom: 4, left: -12 }} accessibilityLayer={false}>
          {bands.map((band, i) => (
            <ReferenceArea
              key={band.label}
              y1={band.min}
              y2={bands[i + 1]?.min ?? band.max}
              fill={BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)]}
              fillOpacity={1}
              stroke="none"
              ifOverflow="hidden"
              label={{ value: band.label, position: 'insideTopRight', fill: '#3d3d3d', fontSize: 11 }}
            />
          ))}
          <CartesianGrid vertical={false} stroke="#ffffff" strokeOpacity={0.6} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[start, end]}
            tickFormatter={(t: number) => shortDate.format(t)}
            tick={{ fill: '#3d3d3d', fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis domain={[min, max]} ticks={ticks} allowDecimals={false} tick={{ fill: '#3d3d3d', fontSize: 12 }} width={44} />
          {trajectory.caseness !== null ? (
            <ReferenceLine
              y={trajectory.caseness}
              stroke="#3d3d3d"
              strokeDasharray="6 4"
              strokeWidth={1.5}
              label={{ value: `Caseness ${formatScore(trajectory.caseness)}`, position: 'insideBottomLeft', fill: '#3d3d3d', fontSize: 11 }}
            />
          ) : null}
          <Tooltip formatter={(value) => [formatScore(Number(value)), 'Score']} labelFormatter={(t) => longDate.format(Number(t))} />
          <Line type="linear" dataKey="total" stroke={LINE} strokeWidth={2.5} dot={<Dot />} activeDot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
