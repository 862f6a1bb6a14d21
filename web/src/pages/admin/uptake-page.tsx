// Uptake (GET …/kommuner/{k}/uptake): the funnel eligible → offered → delivered → opened →
// accepted, for a chosen service and month (or all months added up), as an SVG chart and as a
// table of every month.
import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, type UptakeRow } from '../../api';
import { FunnelChart } from '../../components/funnel-chart';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { TableScroll } from '../../components/table-scroll';
import { useI18n, type MessageKey } from '../../i18n';
import { useLoad } from '../../use-load';

const STAGES = ['eligible', 'offered', 'delivered', 'opened', 'accepted'] as const;
type StageKey = (typeof STAGES)[number];

export function UptakePage({ kommune }: { kommune: string }) {
  const { t, lang, formatNumber } = useI18n();
  const { data, error, loading } = useLoad(
    () => Promise.all([api.uptake(kommune), api.services(kommune).catch(() => ({ services: [] }))]),
    [kommune, lang],
  );
  const [service, setService] = useState('');
  const [month, setMonth] = useState('');

  const rows = data?.[0].rows ?? [];
  const names = new Map((data?.[1].services ?? []).map((s) => [s.id, s.name]));
  const serviceIds = [...new Set(rows.map((r) => r.service))].sort();
  const chosen = service && serviceIds.includes(service) ? service : (serviceIds[0] ?? '');
  const serviceRows = rows.filter((r) => r.service === chosen).sort((a, b) => a.month.localeCompare(b.month));
  const months = serviceRows.map((r) => r.month);
  const picked = month && months.includes(month) ? serviceRows.filter((r) => r.month === month) : serviceRows;
  const total = (k: StageKey) => picked.reduce((sum, r) => sum + (Number(r[k as keyof UptakeRow]) || 0), 0);
  const stageLabel = (k: StageKey) => t(`uptake.stage.${k}` as MessageKey);
  const name = names.get(chosen) ?? chosen;
  const monthText = month && months.includes(month) ? month : t('uptake.allMonths');

  return (
    <>
      <PageHeading title={t('uptake.title')}>{t('uptake.title')}</PageHeading>
      <Paragraph className="lead">{t('uptake.intro')}</Paragraph>
      {loading && !data && <Loading />}
      <ProblemAlert error={error} />
      {data && rows.length === 0 && <Paragraph>{t('uptake.empty')}</Paragraph>}
      {rows.length > 0 && (
        <>
          <div className="filter-row">
            <Field>
              <Label>{t('uptake.service')}</Label>
              <Select id="uptake-service" value={chosen} onChange={(e) => setService(e.target.value)}>
                {serviceIds.map((s) => (
                  <Select.Option key={s} value={s}>
                    {names.get(s) ?? s}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('uptake.month')}</Label>
              <Select id="uptake-month" value={month && months.includes(month) ? month : ''} onChange={(e) => setMonth(e.target.value)}>
                <Select.Option value="">{t('uptake.allMonths')}</Select.Option>
                {months.map((m) => (
                  <Select.Option key={m} value={m}>
                    {m}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <section aria-labelledby="funnel-h" className="block">
            <Heading level={2} data-size="sm" id="funnel-h">
              {t('uptake.chartTitle', { service: name, month: monthText })}
            </Heading>
            <FunnelChart
              title={t('uptake.chartTitle', { service: name, month: monthText })}
              stages={STAGES.map((k) => ({ label: stageLabel(k), value: total(k) }))}
            />
          </section>
          <section aria-labelledby="uptake-table-h" className="block">
            <Heading level={2} data-size="sm" id="uptake-table-h">
              {t('uptake.tableCaption', { service: name })}
            </Heading>
            <TableScroll label={t('uptake.tableCaption', { service: name })}>
              <Table zebra data-size="sm" className="uptake-table">
                <caption className="visually-hidden">{t('uptake.tableCaption', { service: name })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('uptake.month')}</Table.HeaderCell>
                    {STAGES.map((k) => (
                      <Table.HeaderCell key={k} className="num">
                        {stageLabel(k)}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {serviceRows.map((r) => (
                    <Table.Row key={r.month}>
                      <Table.HeaderCell scope="row">{r.month}</Table.HeaderCell>
                      {STAGES.map((k) => (
                        <Table.Cell key={k} className="num">
                          {formatNumber(Number(r[k]) || 0)}
                        </Table.Cell>
                      ))}
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
