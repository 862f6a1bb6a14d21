// The pieces the consents page shows for one consent: its state badge, its facts (who —
// consumer name and organisation number —, purpose, valid to, single or repeated use), the data
// items, the consumer's message, the receipt download and the history of transitions.
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { api, type Consent, type ConsentState } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';

const COLORS: Record<ConsentState, string> = {
  created: 'warning',
  opened: 'warning',
  accepted: 'success',
  rejected: 'neutral',
  revoked: 'neutral',
  expired: 'neutral',
  used: 'neutral',
};

export function consumerName(c: Consent): string {
  return c.consumer.name || c.consumer.organisation_number || '';
}

export function ConsentTag({ state }: { state: ConsentState }) {
  const { t } = useI18n();
  return (
    <Tag data-color={COLORS[state] ?? 'neutral'} data-state={state} className="consent-state">
      {t(`consents.st.${state}` as MessageKey)}
    </Tag>
  );
}

// Organisation number as "937 846 231" (the way Brønnøysundregistrene prints it).
function orgNumber(n?: string): string {
  return n && /^\d{9}$/.test(n) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : (n ?? '');
}

export function ConsentFacts({ consent, headingLevel }: { consent: Consent; headingLevel: 3 | 4 }) {
  const { t, formatDateTime } = useI18n();
  const name = consumerName(consent);
  const accepted = consent.events?.find((e) => e.to === 'accepted');
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('consents.state')}</dt>
          <dd>
            <ConsentTag state={consent.state} />
          </dd>
        </div>
        <div>
          <dt>{t('consents.orgNumber')}</dt>
          <dd className="org-number">{orgNumber(consent.consumer.organisation_number)}</dd>
        </div>
        <div>
          <dt>{t('consents.purpose')}</dt>
          <dd>{consent.purpose.name || consent.purpose.id}</dd>
        </div>
        <div>
          <dt>{t('consents.validTo')}</dt>
          <dd>{formatDateTime(consent.valid_to)}</dd>
        </div>
        <div>
          <dt>{t('consents.use')}</dt>
          <dd>{t(consent.single_use ? 'consents.singleUse' : 'consents.repeatedUse')}</dd>
        </div>
        <div>
          <dt>{t('consents.requested')}</dt>
          <dd>{formatDateTime(consent.created_at)}</dd>
        </div>
        {accepted && (
          <div>
            <dt>{t('consents.ev.accepted')}</dt>
            <dd>{formatDateTime(accepted.at)}</dd>
          </div>
        )}
      </dl>
      <Heading level={headingLevel} data-size="2xs">
        {t(consent.group === 'pending' ? 'consents.items' : 'consents.itemsGiven')}
      </Heading>
      <ul className="consent-items">
        {consent.items.map((i) => (
          <li key={i.id} data-item={i.id}>
            {i.name || i.id}
          </li>
        ))}
      </ul>
      {consent.message && (
        <>
          <Heading level={headingLevel} data-size="2xs">
            {t('consents.message', { name })}
          </Heading>
          <blockquote className="consent-message">
            {consent.message.split(/\n\s*\n/).map((p, i) => (
              <Paragraph key={i}>{p}</Paragraph>
            ))}
          </blockquote>
        </>
      )}
    </>
  );
}

// A plain link: the server answers with Content-Disposition: attachment, so the browser saves
// the JSON as a file (also without JavaScript).
export function ReceiptLink({ consent }: { consent: Consent }) {
  const { t } = useI18n();
  return (
    <Link
      href={api.consentReceiptUrl(consent.id)}
      download={`consent-receipt-${consent.id}.json`}
      className="receipt-link"
      data-consent-id={consent.id}
    >
      {t('consents.receipt')}
      <span className="visually-hidden"> {t('consents.receiptFor', { name: consumerName(consent) })}</span>
    </Link>
  );
}

export function ConsentHistory({ consent }: { consent: Consent }) {
  const { t, formatDateTime } = useI18n();
  const events = consent.events ?? [];
  if (events.length === 0) return null;
  const caption = t('consents.historyFor', { name: consumerName(consent) });
  return (
    <Table data-size="sm" className="consent-history">
      <caption className="visually-hidden">{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('consents.col.at')}</Table.HeaderCell>
          <Table.HeaderCell>{t('consents.col.state')}</Table.HeaderCell>
          <Table.HeaderCell>{t('consents.col.by')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {events.map((e, i) => (
          <Table.Row key={i} data-to={e.to}>
            <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
            <Table.Cell>{t(`consents.ev.${e.to}` as MessageKey)}</Table.Cell>
            <Table.Cell>
              {e.by === 'consumer' ? consumerName(consent) : t(`consents.by.${e.by}` as MessageKey)}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
