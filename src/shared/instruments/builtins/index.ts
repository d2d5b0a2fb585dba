import type { InstrumentDefinition } from '../definition.js';
import { CONNECTED_CHECK_IN } from './connected-check-in.js';
import { GAD_2 } from './gad-2.js';
import { GAD_7 } from './gad-7.js';
import { ONS_LONELINESS } from './ons-loneliness.js';
import { PHQ_2 } from './phq-2.js';
import { PHQ_9 } from './phq-9.js';
import { SESSION_CHECK_IN } from './session-check-in.js';

export { CONNECTED_CHECK_IN, GAD_2, GAD_7, ONS_LONELINESS, PHQ_2, PHQ_9, SESSION_CHECK_IN };
export { ONS_LONELINESS_CREDIT } from './ons-loneliness.js';
export { PHQ_GAD_CREDIT } from './phq-gad-common.js';

/** Every instrument Hearth ships, validated instruments first. Frozen: copy before editing. */
export const BUILTIN_INSTRUMENTS: readonly InstrumentDefinition[] = Object.freeze([PHQ_9, GAD_7, PHQ_2, GAD_2, ONS_LONELINESS, SESSION_CHECK_IN, CONNECTED_CHECK_IN]);

/** The built-in definition with this id, if any. */
export function findBuiltinInstrument(id: string): InstrumentDefinition | undefined {
  return BUILTIN_INSTRUMENTS.find((definition) => definition.id === id);
}
