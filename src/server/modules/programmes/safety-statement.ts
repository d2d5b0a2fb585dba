/**
 * What every group agreement says about safety between sessions, in the member's words. It is
 * generated from the service's settings at the time the version was made (not typed by the
 * service), so it can never disagree with what Hearth actually does. The journal paragraph is
 * the one the risk issue asks for: whether clinicians hear about risk in the private journal is a
 * per-service choice, and the agreement must state it.
 */
export function safetyStatement(journalAlerts: boolean): string[] {
  return [
    'What you write in the group space and share with the group (goals, check-ins, strategies, appreciations, feedback) is read by an automatic check for signs that someone may be in danger. It is a safety net, not a judgement.',
    'If a message suggests you may be in danger right now, your care team is alerted straight away (including the clinician on duty), the message may be held back from the group until they have seen it, and you are shown your safety plan and numbers to call. If a message suggests someone else is threatening you or you might hurt someone, you are shown the emergency number and a support line.',
    journalAlerts
      ? 'Your journal is private: no one reads your entries unless you share one. But this service has chosen to alert your care team if an entry suggests you may be in danger. They are told that an entry needs a check-in, not what you wrote. You are always shown your safety plan and the crisis line.'
      : 'Your journal is private: no one reads your entries unless you share one, and nobody is alerted about what you write there. If an entry suggests you may be in danger, only you are shown your safety plan and the crisis line.',
  ];
}
