import { useRef, useState, type ReactNode } from 'react';
import type { ContentKind, PreviewResponse } from '../../shared/schemas/moderation';
import { ApiError } from '../api/client';
import { previewText } from './api';
import { CareTeamTold, careTeamMessage } from './CareTeamTold';
import { RiskNotice } from './RiskNotice';

export interface PreviewedSend {
  /**
   * Previews what would be sent — one text, or the item's texts by field as they will be sent
   * (a thread's { title, text }) — and sends at once when nothing needs saying; otherwise shows
   * the notice and waits for the author.
   */
  check: (what: string | Record<string, string>, send: () => void) => Promise<void>;
  checking: boolean;
  /** Contact details or a blocked phrase, explained before anything is sent. */
  problem: ApiError | null;
  /** What to show above the send button: the risk notice before sending, or who was told after. */
  notice: ReactNode;
  /** True while the risk notice waits for the author's choice (hide the ordinary send button). */
  choosing: boolean;
  /** Call with the sent item's reasons: an item held for the care team shows who was told. */
  sent: (reasons: readonly { code: string; message: string }[]) => void;
  /** The text changed: whatever was shown no longer applies. */
  reset: () => void;
}

/**
 * The one preview before anything is shared with a group (the space's composer and new threads,
 * strategies, feedback, goals, skills): contact details and blocked phrases are explained before
 * anything is sent; when the words sound like the author is struggling, "Talk to someone now"
 * comes first, with "Send anyway". Sending is never blocked for risk alone; the server checks
 * everything again on sending.
 */
export function usePreviewedSend(groupId: string, kind: ContentKind): PreviewedSend {
  const [risk, setRisk] = useState<PreviewResponse | null>(null);
  const [told, setTold] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const pending = useRef<(() => void) | null>(null);
  const [crisisLine, setCrisisLine] = useState('');

  const reset = () => {
    setRisk(null);
    setTold(null);
    setProblem(null);
  };

  const check = async (what: string | Record<string, string>, send: () => void) => {
    reset();
    setChecking(true);
    let preview: PreviewResponse | null = null;
    try {
      preview = await previewText(groupId, kind, what);
      setCrisisLine(preview.crisisLine);
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
  ) : told ? (
    <CareTeamTold message={told} crisisLine={crisisLine} />
  ) : null;
  return { check, checking, problem, notice, choosing: !!risk, sent: (reasons) => setTold(careTeamMessage(reasons)), reset };
}
