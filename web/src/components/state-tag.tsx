// A badge for an offer's state, coloured by meaning (text always says the state too).
import { Tag } from '@digdir/designsystemet-react';
import type { OfferState } from '../api';
import { useI18n, type MessageKey } from '../i18n';

const COLORS: Record<OfferState, string> = {
  proposed: 'info',
  sent: 'info',
  opened: 'warning',
  accepted: 'success',
  declined: 'neutral',
  expired: 'neutral',
  withdrawn: 'neutral',
};

export function StateTag({ state }: { state: OfferState }) {
  const { t } = useI18n();
  return (
    <Tag data-color={COLORS[state] ?? 'neutral'} data-state={state} className="state-tag">
      {t(`state.${state}` as MessageKey)}
    </Tag>
  );
}
