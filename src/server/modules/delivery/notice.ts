import type { AlertTier } from '../../db/schema.js';

/**
 * What push, SMS and e-mail say about an alert: how many, how urgent, which group, where to look.
 * Never clinical text (no name, no summary, no words from the participant): these channels leave
 * Hearth's protection (lock screens, mail servers, SMS gateways).
 */
export function alertNotice(alert: { tier: AlertTier; groupName: string | null; escalated: boolean }, serviceName: string, link: string) {
  const what = `1 ${alert.tier === 'urgent' ? 'urgent' : 'concern'} alert${alert.groupName ? ` in ${alert.groupName}` : ''}`;
  const title = alert.escalated ? `Escalated to you: ${what}` : what;
  return {
    title,
    shortText: `${title}${alert.escalated ? ', not yet acknowledged' : ''} — open ${serviceName}: ${link}`,
    subject: `${title} — open ${serviceName}`,
    mailBody: [
      `${title}${alert.escalated ? ', not yet acknowledged by the people it went to first' : ''}.`,
      '',
      `Open ${serviceName} to see it: ${link}`,
      '',
      `This message says no more on purpose: alerts are read in ${serviceName} only.`,
    ].join('\n'),
  };
}
