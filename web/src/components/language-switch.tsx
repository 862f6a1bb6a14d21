// Three buttons (bokmål, nynorsk, English), each labelled in its own language. The chosen one
// is aria-pressed. For a logged-in citizen the choice is also saved as a preference
// (PUT /api/v1/me/preferences, keeping the service opt-outs as they are).
import { Button } from '@digdir/designsystemet-react';
import { api, type Lang } from '../api';
import { LANGS, useI18n } from '../i18n';
import { useSession } from '../session';

const NATIVE: Record<Lang, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

export async function saveLanguagePreference(lang: Lang): Promise<void> {
  const prefs = await api.preferences();
  await api.putPreferences({ ...prefs, language: lang });
}

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const { session } = useSession();

  const choose = (l: Lang) => {
    if (l === lang) return;
    setLang(l);
    if (session?.kind === 'citizen') {
      saveLanguagePreference(l).catch(() => {
        // The portal still switches; the preference is saved next time the citizen saves.
      });
    }
  };

  return (
    <div role="group" aria-label={`${t('common.language')} / Language`} className="lang-switch">
      {LANGS.map((l) => (
        <Button
          key={l}
          type="button"
          variant={l === lang ? 'primary' : 'tertiary'}
          data-size="sm"
          aria-pressed={l === lang}
          lang={l}
          onClick={() => choose(l)}
        >
          {NATIVE[l]}
        </Button>
      ))}
    </div>
  );
}
