import type { Audience } from './api';

/** "Who will see this: Ada Lovelace (clinician), … and 6 group members: Sky, River, …" */
export function audienceSentence(audience: Audience): string {
  const people = audience.clinicians.map((c) => `${c.name} (${c.relation === 'referrer' ? 'referring clinician' : 'clinician'})`);
  if (audience.group) {
    const n = audience.group.memberCount;
    people.push(
      n === 0 ? `no other members of ${audience.group.name} yet` : `${n} ${n === 1 ? 'member' : 'members'} of ${audience.group.name}: ${audience.group.pseudonyms.join(', ')}`,
    );
  }
  if (people.length === 0) return 'No one else yet.';
  return `${people.slice(0, -1).join(', ')}${people.length > 1 ? ' and ' : ''}${people.at(-1) ?? ''}.`;
}
