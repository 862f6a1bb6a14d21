// Staff log-in: an API key is exchanged for a staff session cookie (POST /auth/staff-session).
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert, problemText } from '../../components/problem-alert';
import { useI18n } from '../../i18n';
import { useRouter } from '../../router';
import { useSession } from '../../session';

export function AdminLogin() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const [key, setKey] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOtherError(null);
    if (!key.trim()) {
      setFieldError(t('admin.apiKeyRequired'));
      return;
    }
    setBusy(true);
    try {
      await api.staffSession(key.trim());
      setFieldError(null);
      await refresh();
      navigate('/admin', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 422))
        setFieldError(problemText(err, t('common.networkError')));
      else setOtherError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('admin.loginTitle')}>{t('admin.loginTitle')}</PageHeading>
      <Paragraph className="lead">{t('admin.loginIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="narrow">
        <FormErrors errors={fieldError ? [{ fieldId: 'api-key', text: fieldError }] : []} />
        <Textfield
          id="api-key"
          name="api_key"
          type="password"
          autoComplete="off"
          label={t('admin.apiKey')}
          value={key}
          error={fieldError ?? undefined}
          onChange={(e) => setKey(e.target.value)}
        />
        <ProblemAlert error={otherError} />
        <Button type="submit" loading={busy} className="block" id="admin-login-button">
          {t('admin.loginButton')}
        </Button>
      </form>
    </>
  );
}

export function CitizenInAdmin() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('admin.loginTitle')}>{t('admin.loginTitle')}</PageHeading>
      <Paragraph>{t('admin.citizenSession')}</Paragraph>
    </>
  );
}
