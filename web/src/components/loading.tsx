// A spinner with a spoken label, for pages waiting on the API.
import { Spinner } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <Spinner aria-label={t('common.loading')} data-size="md" />
    </div>
  );
}
