// The kommune's services (GET …/kommuner/{k}/services): on/off and parameter values, each
// service a link to its settings and dry run.
import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { api } from '../../api';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { formatScalar } from '../../components/value-view';
import { useI18n } from '../../i18n';
import { AppLink } from '../../router';
import { useLoad } from '../../use-load';

export function ServicesPage({ kommune }: { kommune: string }) {
  const { t, lang } = useI18n();
  const { data, error, loading } = useLoad(() => api.services(kommune), [kommune, lang]);
  const title = t('services.title', { kommune });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && (
        <TableScroll label={t('services.caption')}>
          <Table zebra className="services-table">
            <caption className="visually-hidden">{t('services.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('services.col.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('services.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('services.col.parameters')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.services.map((s) => (
                <Table.Row key={s.id} data-service={s.id}>
                  <Table.Cell>
                    <AppLink href={`/admin/k/${kommune}/services/${s.id}`}>
                      {s.name}
                    </AppLink>
                    <div className="muted">{s.id}</div>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={s.enabled ? 'success' : 'neutral'}>
                      {s.enabled ? t('services.on') : t('services.off')}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {s.parameters.length === 0 ? (
                      t('common.empty')
                    ) : (
                      <ul className="plain-list">
                        {s.parameters.map((p) => (
                          <li key={p.name}>
                            <code>{p.name}</code> = {formatScalar(p.value)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {data && data.services.length === 0 && <Paragraph>{t('common.none')}</Paragraph>}
    </>
  );
}
