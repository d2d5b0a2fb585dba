import { useRef, useState, type ReactNode } from 'react';
import type { PreviewResponse } from '../../shared/schemas/moderation';
import { ApiError } from '../api/client';
import { previewText } from '../space/api';
import { RiskNotice } from '../space/RiskNotice';

/**
 * Checks a text with the moderation preview before sending, as the group space's composer does:
 * contact details and blocked phrases are explained before anything is sent, and when the words
 * sound like the author is struggling their own safety plan is shown, with "Send anyway".
 * Sending is never blocked for risk alone; the server checks everything again on sending.
 */
export function usePreviewedSend(groupId: string): { check: (text: string, send: () => void) => Promise<void>; checking: boolean; problem: ApiError | null; notice: ReactNode } {
  const [risk, setRisk] = useState<PreviewResponse | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const pending = useRef<(() => void) | null>(null);

  const check = async (text: string, send: () => void) => {
    setProblem(null);
    setRisk(null);
    setChecking(true);
    let preview: PreviewResponse | null = null;
    try {
      preview = await previewText(groupId, text);
    } catch {
      // An empty or over-long text: sending gets the server's own explanation.
      preview = null;
    } finally {
      setChecking(false);
    }
    if (preview?.contactDetails) return setProblem(new ApiError(422, 'contact_details_refused', preview.contactDetails.message));
    if (preview?.blockedPhrase) return setProblem(new ApiError(422, 'blocked_phrase', 'This contains a phrase this service does not allow in the group. Please rephrase it.'));
    if (preview && preview.risk.tier !== 'none') {
      pending.current = send;
      return setRisk(preview);
    }
    send();
  };

  const notice = risk ? (
    <RiskNotice
      preview={risk}
      sending={false}
      onSend={() => {
        const send = pending.current;
        setRisk(null);
        send?.();
      }}
      onEdit={() => setRisk(null)}
    />
  ) : null;
  return { check, checking, problem, notice };
}
