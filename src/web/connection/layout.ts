import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { ConnectionMap } from '../../shared/schemas/connection';

export interface Placed {
  id: string;
  x: number;
  y: number;
}

interface Node extends SimulationNodeDatum {
  id: string;
}

/**
 * Places the people of a map with a force simulation run to rest at once (no animation): ties pull
 * people together by their weight, everyone repels everyone, and nobody overlaps. d3-force starts
 * from a fixed spiral, so the same map always lands the same way.
 */
export function placePeople(map: Pick<ConnectionMap, 'nodes' | 'edges'>, width: number, height: number): Map<string, Placed> {
  const nodes: Node[] = map.nodes.map((n) => ({ id: n.id }));
  const links: SimulationLinkDatum<Node>[] = map.edges.map((e) => ({ source: e.from, target: e.to, weight: e.weight }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, SimulationLinkDatum<Node>>(links)
        .id((d) => d.id)
        .distance(110)
        .strength(0.25),
    )
    .force('charge', forceManyBody().strength(-420))
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.09))
    .force('collide', forceCollide(34))
    .stop();
  simulation.tick(300);
  // Fit the resting layout into the drawing, keeping room for names under the circles.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 44;
  const scale = Math.min((width - 2 * margin) / Math.max(1, maxX - minX), (height - 2 * margin) / Math.max(1, maxY - minY), 1.6);
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  return new Map(nodes.map((n) => [n.id, { id: n.id, x: offsetX + ((n.x ?? 0) - minX) * scale, y: offsetY + ((n.y ?? 0) - minY) * scale }]));
}
