// Satisfaction (GET …/kommuner/{k}/satisfaction): per service the number of answers, the mean
// and its 95 % confidence interval, drawn as intervals on the 1–5 scale and listed in a table
// with the distribution of answers.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { api } from '../../api';
import { CiChart } from '../../components/ci-chart';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';

export function SatisfactionPage({ kommune }: { kommune: string }) {
  const { t, lang, formatNumber } = useI18n();
  const { data, error, loading } = useLoad(
    () => Promise.all([api.satisfaction(kommune), api.services(kommune).catch(() => ({ services: [] }))]),
    [kommune, lang],
  );
  const rows = data?.[0].services ?? [];
  const names = new Map((data?.[1].services ?? []).map((s) => [s.id, s.name]));
  const name = (id: string) => names.get(id) ?? id;
  const f = (v: number | null) => (v === null ? t('common.empty') : formatNumber(v, 2));

  return (
    <>
      <PageHeading title={t('sat.title')}>{t('sat.title')}</PageHeading>
      <Paragraph className="lead">{t('sat.intro')}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && rows.length === 0 && <Paragraph>{t('sat.empty')}</Paragraph>}
      {rows.length > 0 && (
        <>
          <section aria-labelledby="sat-chart-h" className="block">
            <Heading level={2} data-size="sm" id="sat-chart-h">
              {t('sat.chartTitle')}
            </Heading>
            <CiChart
              title={t('sat.chartTitle')}
              rows={rows.map((r) => ({ label: name(r.service), mean: r.mean, low: r.ci95_low, high: r.ci95_high, n: r.answers }))}
            />
          </section>
          <section aria-labelledby="sat-table-h" className="block">
            <Heading level={2} data-size="sm" id="sat-table-h">
              {t('sat.caption')}
            </Heading>
            <TableScroll label={t('sat.caption')}>
              <Table zebra data-size="sm" className="satisfaction-table">
                <caption className="visually-hidden">{t('sat.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('sat.col.service')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('sat.col.answers')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('sat.col.mean')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('sat.col.ci')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('sat.col.distribution')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((r) => (
                    <Table.Row key={r.service}>
                      <Table.HeaderCell scope="row">{name(r.service)}</Table.HeaderCell>
                      <Table.Cell className="num">{formatNumber(r.answers)}</Table.Cell>
                      <Table.Cell className="num">{f(r.mean)}</Table.Cell>
                      <Table.Cell>
                        {r.ci95_low === null || r.ci95_high === null ? t('common.empty') : `${f(r.ci95_low)} – ${f(r.ci95_high)}`}
                      </Table.Cell>
                      <Table.Cell>{(r.distribution ?? []).join(' / ')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>
        </>
      )}
    </>
  );
}
