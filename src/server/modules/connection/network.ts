import type { ConnectionFigures } from '../../../shared/schemas/connection.js';
import type { DirectedEdge } from './edges.js';

/** What the network says about one person. */
export interface NodeStanding {
  received: number;
  given: number;
  peersIn: number;
  reciprocalTies: number;
  isolate: boolean;
  subgroup: number | null;
}

export interface Network {
  figures: ConnectionFigures;
  /** Per person (members and facilitators alike). */
  standing: Map<string, NodeStanding>;
  /** Members joined by reciprocal ties, two or more, largest first. */
  subgroups: string[][];
  /** Whether the reverse of a tie exists (key `source target`). */
  reciprocal: (source: string, target: string) => boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The peer network of a group's members from its directed ties: density, reciprocity, the share of
 * members with at least two reciprocal ties, isolates (members no other member reached), and
 * sub-groups (connected by reciprocal ties). Ties with facilitators count towards a person's acts
 * but not towards these figures: facilitators reach everyone by design.
 */
export function analyseNetwork(memberIds: readonly string[], people: readonly string[], edges: readonly DirectedEdge[]): Network {
  const members = new Set(memberIds);
  const keys = new Set(edges.map((e) => `${e.source} ${e.target}`));
  const reciprocal = (source: string, target: string) => keys.has(`${target} ${source}`);
  const standing = new Map<string, NodeStanding>(people.map((id) => [id, { received: 0, given: 0, peersIn: 0, reciprocalTies: 0, isolate: false, subgroup: null }]));
  const mutual = new Map<string, string[]>(memberIds.map((id) => [id, []]));
  let ties = 0;
  let returned = 0;
  for (const e of edges) {
    const from = standing.get(e.source);
    const to = standing.get(e.target);
    if (from) from.given += e.weight;
    if (to) to.received += e.weight;
    if (!members.has(e.source) || !members.has(e.target)) continue;
    ties += 1;
    if (to) to.peersIn += 1;
    if (reciprocal(e.source, e.target)) {
      returned += 1;
      mutual.get(e.source)?.push(e.target);
      if (from) from.reciprocalTies += 1;
    }
  }
  let isolates = 0;
  let withTwo = 0;
  for (const id of memberIds) {
    const s = standing.get(id);
    if (!s) continue;
    s.isolate = s.peersIn === 0;
    if (s.isolate) isolates += 1;
    if (s.reciprocalTies >= 2) withTwo += 1;
  }
  const subgroups = componentsOf(memberIds, mutual).filter((c) => c.length >= 2);
  subgroups.forEach((group, index) => {
    for (const id of group) {
      const s = standing.get(id);
      if (s) s.subgroup = index;
    }
  });
  const n = memberIds.length;
  return {
    figures: {
      members: n,
      ties,
      density: n >= 2 ? round(ties / (n * (n - 1))) : null,
      reciprocity: ties > 0 ? round(returned / ties) : null,
      reciprocalShare: n > 0 ? round(withTwo / n) : null,
      isolates,
    },
    standing,
    subgroups,
    reciprocal,
  };
}

/** Connected components of an undirected graph, largest first (ties broken by the order of `ids`). */
function componentsOf(ids: readonly string[], neighbours: Map<string, string[]>): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of ids) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      component.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    components.push(component);
  }
  return components.sort((a, b) => b.length - a.length);
}
