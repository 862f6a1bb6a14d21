// "What the municipality knows about me and why" (GET /api/v1/me/data): every field held, its
// value, where it came from, the legal basis, the purposes and the services that use it.
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { api } from '../../api';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { ValueView } from '../../components/value-view';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';

export function MyDataPage() {
  const { t, lang } = useI18n();
  // Preferences list every service with its name, used to name the services in the table.
  const { data, error, loading } = useLoad(
    () => Promise.all([api.myData(), api.preferences().catch(() => null)]),
    [lang],
  );
  const fields = data?.[0].fields ?? [];
  const names = new Map((data?.[1]?.services ?? []).map((s) => [s.id, s.name]));
  return (
    <>
      <PageHeading title={t('data.title')}>{t('data.title')}</PageHeading>
      <Paragraph className="lead">{t('data.intro')}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && fields.length === 0 && <Paragraph>{t('data.empty')}</Paragraph>}
      {fields.length > 0 && (
        <TableScroll label={t('data.caption')}>
          <Table zebra data-size="sm" className="data-table">
            <caption className="visually-hidden">{t('data.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('data.col.field')}</Table.HeaderCell>
                <Table.HeaderCell>{t('data.col.value')}</Table.HeaderCell>
                <Table.HeaderCell>{t('data.col.source')}</Table.HeaderCell>
                <Table.HeaderCell>{t('data.col.legal')}</Table.HeaderCell>
                <Table.HeaderCell>{t('data.col.purposes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('data.col.services')}</Table.HeaderCell>
                <Table.HeaderCell>{t('data.col.retention')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {fields.map((f) => {
                const services = [...new Set(f.purposes.flatMap((p) => p.services ?? []))];
                return (
                  <Table.Row key={`${f.dataset}/${f.field}`} data-field={f.field}>
                    <Table.HeaderCell scope="row">
                      {f.label}
                      <div className="muted">{t('data.dataset', { dataset: f.dataset })}</div>
                    </Table.HeaderCell>
                    <Table.Cell>
                      <ValueView value={f.value} />
                    </Table.Cell>
                    <Table.Cell>{f.source}</Table.Cell>
                    <Table.Cell>{f.legal_basis ?? t('common.empty')}</Table.Cell>
                    <Table.Cell>
                      {f.purposes.length === 0 ? (
                        t('common.empty')
                      ) : (
                        <ul className="plain-list">
                          {f.purposes.map((p) => (
                            <li key={p.id}>{p.name}</li>
                          ))}
                        </ul>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {services.length === 0 ? (
                        t('common.empty')
                      ) : (
                        <ul className="plain-list">
                          {services.map((s) => (
                            <li key={s}>{names.get(s) ?? s}</li>
                          ))}
                        </ul>
                      )}
                    </Table.Cell>
                    <Table.Cell>{f.retention ?? t('common.empty')}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
