// My offers (GET /api/v1/me/offers): a table, newest first, each title a link to the offer.
import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { api } from '../../api';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { StateTag } from '../../components/state-tag';
import { TableScroll } from '../../components/table-scroll';
import { useI18n, type MessageKey } from '../../i18n';
import { AppLink } from '../../router';
import { useLoad } from '../../use-load';

export function OffersPage() {
  const { t, lang, formatDate } = useI18n();
  const { data, error, loading } = useLoad(() => api.myOffers(), [lang]);
  const offers = data?.offers ?? [];

  return (
    <>
      <PageHeading title={t('offers.title')}>{t('offers.title')}</PageHeading>
      <Paragraph className="lead">{t('offers.intro')}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && offers.length === 0 && <Paragraph>{t('offers.empty')}</Paragraph>}
      {offers.length > 0 && (
        <TableScroll label={t('offers.caption')}>
          <Table zebra className="offers-table">
            <caption className="visually-hidden">{t('offers.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('offers.col.offer')}</Table.HeaderCell>
                <Table.HeaderCell>{t('offers.col.about')}</Table.HeaderCell>
                <Table.HeaderCell>{t('offers.col.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('offers.col.deadline')}</Table.HeaderCell>
                <Table.HeaderCell>{t('offers.col.decided')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {offers.map((o) => (
                <Table.Row key={o.id} data-offer-id={o.id} data-service={o.service}>
                  <Table.Cell>
                    <AppLink href={`/offers/${o.id}`} className="offer-link">
                      {o.title || o.service_name}
                    </AppLink>
                    <div className="muted">
                      {o.service_name}
                      {o.kind === 'notice' && (
                        <>
                          {' '}
                          <Tag data-color="neutral" data-size="sm">
                            {t('offers.notice')}
                          </Tag>
                        </>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {o.subject?.name ?? ''}
                    {o.subject?.relation && (
                      <div className="muted">{t(`relation.${o.subject.relation}` as MessageKey)}</div>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <StateTag state={o.state} />
                  </Table.Cell>
                  <Table.Cell>{formatDate(o.deadline)}</Table.Cell>
                  <Table.Cell>{formatDate(o.decided_on)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
