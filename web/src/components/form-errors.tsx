// An ErrorSummary listing form errors, each linking to its field (href="#<field id>"). The
// Designsystemet element takes focus when it appears, so the list is read out at once.
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n';

export interface FormError {
  fieldId: string; // the input's id; '' for an error not tied to a field
  text: string;
}

export function FormErrors({ errors }: { errors: FormError[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <ErrorSummary className="block">
      <ErrorSummary.Heading level={2} data-size="xs">
        {t('common.errorSummary')}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((e, i) => (
          <ErrorSummary.Item key={i}>
            {e.fieldId ? <ErrorSummary.Link href={`#${e.fieldId}`}>{e.text}</ErrorSummary.Link> : e.text}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
