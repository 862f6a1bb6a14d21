// Preferences (GET/PUT /api/v1/me/preferences): the language of the portal and messages, and
// opting out of each service (a ticked box means "I want offers of this service").
import { Alert, Button, Checkbox, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Lang, type Preferences } from '../../api';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { isLang, LANGS, useI18n, type MessageKey } from '../../i18n';
import { useLoad } from '../../use-load';

export function PreferencesPage() {
  const { t, lang, setLang } = useI18n();
  const { data, error, loading } = useLoad(() => api.preferences(), []);
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (data) setDraft({ ...data, language: isLang(data.language) ? data.language : lang });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setSaving(true);
    setSaved(false);
    setSaveError(null);
    try {
      const result = await api.putPreferences(draft);
      setDraft(result ?? draft);
      const l = (result ?? draft).language;
      if (isLang(l)) setLang(l);
      setSaved(true);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeading title={t('prefs.title')}>{t('prefs.title')}</PageHeading>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {saved && (
        <Alert data-color="success" role="status" ref={savedRef} tabIndex={-1} className="block" id="prefs-saved">
          <Paragraph>{t('prefs.saved')}</Paragraph>
        </Alert>
      )}
      {draft && (
        <form onSubmit={submit} noValidate>
          <Fieldset className="block">
            <Fieldset.Legend>{t('prefs.language')}</Fieldset.Legend>
            {LANGS.map((l: Lang) => (
              <Radio
                key={l}
                name="language"
                value={l}
                label={<span lang={l}>{t(`lang.${l}` as MessageKey)}</span>}
                checked={draft.language === l}
                onChange={() => setDraft({ ...draft, language: l })}
              />
            ))}
          </Fieldset>
          {(draft.services ?? []).length > 0 && (
            <Fieldset className="block">
              <Fieldset.Legend>{t('prefs.services')}</Fieldset.Legend>
              <Fieldset.Description>{t('prefs.servicesHelp')}</Fieldset.Description>
              {(draft.services ?? []).map((s) => (
                <Checkbox
                  key={s.id}
                  name={`service-${s.id}`}
                  value={s.id}
                  label={s.name}
                  checked={!s.opted_out}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      services: (draft.services ?? []).map((x) =>
                        x.id === s.id ? { ...x, opted_out: !e.target.checked } : x,
                      ),
                    })
                  }
                />
              ))}
            </Fieldset>
          )}
          <ProblemAlert error={saveError} />
          <Button type="submit" loading={saving} className="block" id="prefs-save">
            {t('prefs.save')}
          </Button>
        </form>
      )}
    </>
  );
}
