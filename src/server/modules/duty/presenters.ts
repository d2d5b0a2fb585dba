import type { RotaShift } from '../../../shared/schemas/duty.js';

export function presentShift(row: { id: string; clinician_id: string; display_name: string; starts_at: string; ends_at: string }): RotaShift {
  return { id: row.id, clinician: { id: row.clinician_id, displayName: row.display_name }, startsAt: row.starts_at, endsAt: row.ends_at };
}
