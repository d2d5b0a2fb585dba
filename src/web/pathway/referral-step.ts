import type { Referral } from '../api/types';

/** What the waitlist panel gives each dialog of a referral's next step (intake, offer, answer); `referral` null: closed. */
export interface ReferralStepProps {
  groupId: string;
  referral: Referral | null;
  onClose: () => void;
  onDone: (message: string) => void;
}
