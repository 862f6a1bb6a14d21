// Shows an API failure: the problem's `detail` (RFC 9457) under a heading. role="alert" so it is
// announced when it appears.
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

export function problemText(e: unknown, networkText: string): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return networkText;
    return e.problem.detail || e.problem.title || `HTTP ${e.status}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert" id={id} className="block">
      <Heading level={2} data-size="xs">
        {t('common.errorTitle')}
      </Heading>
      <Paragraph>{problemText(error, t('common.networkError'))}</Paragraph>
    </Alert>
  );
}
