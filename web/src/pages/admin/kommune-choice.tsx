// Choose the kommune to administer, from session.kommuner. "*" means any kommune: then a
// four-digit kommune number is typed in.
import { Button, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n';
import { useRouter } from '../../router';

export function KommuneChoice({ kommuner }: { kommuner: string[] }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const any = kommuner.includes('*');
  const listed = kommuner.filter((k) => k !== '*');
  const [chosen, setChosen] = useState(listed[0] ?? '');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const k = any ? typed.trim() : chosen;
    if (!/^[0-9]{4}$/.test(k)) {
      setError(t('admin.kommuneInvalid'));
      return;
    }
    navigate(`/admin/k/${k}/services`);
  };

  return (
    <>
      <PageHeading title={t('admin.chooseTitle')}>{t('admin.chooseTitle')}</PageHeading>
      {kommuner.length === 0 ? (
        <Paragraph>{t('admin.noKommuner')}</Paragraph>
      ) : (
        <form onSubmit={submit} noValidate className="narrow">
          <FormErrors errors={error ? [{ fieldId: 'kommune', text: error }] : []} />
          {any ? (
            <Textfield
              id="kommune"
              name="kommune"
              label={t('admin.kommuneNumber')}
              description={t('admin.kommuneNumberHelp')}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              value={typed}
              error={error ?? undefined}
              onChange={(e) => setTyped(e.target.value)}
            />
          ) : (
            <Field>
              <Label>{t('admin.chooseKommune')}</Label>
              <Select id="kommune" name="kommune" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {listed.map((k) => (
                  <Select.Option key={k} value={k}>
                    {k}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          <Button type="submit" className="block" id="kommune-continue">
            {t('admin.choose')}
          </Button>
        </form>
      )}
    </>
  );
}
