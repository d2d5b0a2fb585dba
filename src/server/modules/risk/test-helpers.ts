/** Shorthands the frame tests share: what counted (frame:tier), and the tier and kind of a message. */
import { assessRisk } from './assess-risk.js';

/** The frames that counted, as `frame:tier`. */
export const counted = (text: string): string[] =>
  assessRisk(text)
    .frames.filter((f) => f.tier !== 'none')
    .map((f) => `${f.frame}:${f.tier}`);
export const tierOf = (text: string): string => assessRisk(text).tier;
export const kindOf = (text: string): string => assessRisk(text).kind;
