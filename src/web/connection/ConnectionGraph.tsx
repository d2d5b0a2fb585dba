import { useMemo } from 'react';
import type { ConnectionMap } from '../../shared/schemas/connection';
import { SUBGROUP_COLORS } from './copy';
import { placePeople } from './layout';

const WIDTH = 720;
const HEIGHT = 460;
const RADIUS = 18;

/** One line per pair of people: both ways (solid, arrows at both ends) or one way (dashed, one arrow). */
function pairsOf(map: ConnectionMap) {
  const pairs = new Map<string, { a: string; b: string; weight: number; both: boolean }>();
  for (const e of map.edges) {
    const [a, b] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
    const key = `${a} ${b}`;
    const pair = pairs.get(key);
    if (pair) {
      pair.weight += e.weight;
      pair.both = true;
    } else pairs.set(key, { a: e.from, b: e.to, weight: e.weight, both: e.reciprocal });
  }
  return [...pairs.values()];
}

/**
 * The map drawn: people as circles (facilitators as squares) coloured by sub-group, members no
 * peer reached ringed in red, ties as lines as thick as the acts behind them — one-way ties dashed
 * in orange. A picture for sighted readers; the table beside it holds the same facts.
 */
export function ConnectionGraph({ map, describedBy }: { map: ConnectionMap; describedBy: string }) {
  const placed = useMemo(() => placePeople(map, WIDTH, HEIGHT), [map]);
  const pairs = useMemo(() => pairsOf(map), [map]);
  const shorten = (x1: number, y1: number, x2: number, y2: number, by: number) => {
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    return { x: x2 - ((x2 - x1) / length) * by, y: y2 - ((y2 - y1) / length) * by };
  };
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-labelledby="connection-graph-title"
      aria-describedby={describedBy}
      style={{ display: 'block', maxHeight: 520 }}
    >
      <title id="connection-graph-title">Connection map: who reached whom</title>
      <defs>
        <marker id="arrow-both" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#495057" />
        </marker>
        <marker id="arrow-one" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#d9480f" />
        </marker>
      </defs>
      <g aria-hidden="true">
        {pairs.map((p) => {
          const from = placed.get(p.a);
          const to = placed.get(p.b);
          if (!from || !to) return null;
          const end = shorten(from.x, from.y, to.x, to.y, RADIUS + 3);
          const start = shorten(to.x, to.y, from.x, from.y, RADIUS + 3);
          const width = Math.min(7, 1 + Math.log2(p.weight));
          return (
            <line
              key={`${p.a}-${p.b}`}
              x1={start.x}
              y1={start.y}
              x2={end.x}
              y2={end.y}
              stroke={p.both ? '#495057' : '#d9480f'}
              strokeWidth={width}
              strokeDasharray={p.both ? undefined : '6 4'}
              markerEnd={p.both ? 'url(#arrow-both)' : 'url(#arrow-one)'}
              markerStart={p.both ? 'url(#arrow-both)' : undefined}
              opacity={0.85}
            />
          );
        })}
      </g>
      <g aria-hidden="true">
        {map.nodes.map((n) => {
          const at = placed.get(n.id);
          if (!at) return null;
          const fill = n.kind === 'facilitator' ? '#868e96' : n.subgroup === null ? '#ffffff' : SUBGROUP_COLORS[n.subgroup % SUBGROUP_COLORS.length];
          const ring = n.isolate ? '#c92a2a' : '#343a40';
          return (
            <g key={n.id} transform={`translate(${at.x},${at.y})`}>
              {n.kind === 'facilitator' ? (
                <rect x={-RADIUS} y={-RADIUS} width={2 * RADIUS} height={2 * RADIUS} rx={4} fill={fill} stroke={ring} strokeWidth={1.5} />
              ) : (
                <circle r={RADIUS} fill={fill} stroke={ring} strokeWidth={n.isolate ? 3.5 : 1.5} strokeDasharray={n.isolate ? '4 3' : undefined} />
              )}
              <text y={RADIUS + 15} textAnchor="middle" fontSize={13} fontWeight={600} fill="#212529" paintOrder="stroke" stroke="#ffffff" strokeWidth={4}>
                {n.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
