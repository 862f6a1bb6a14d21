// An accessible SVG funnel: one horizontal bar per stage, its length relative to the first
// stage, with the count and the share of the first stage written beside it. The <svg> has
// role="img" and is named by its <title> and described by a <desc> that lists every value;
// pages also show the same figures in a table.
import { useId } from 'react';
import { useI18n } from '../i18n';

export interface Stage {
  label: string;
  value: number;
}

const ROW = 44;
const BAR_MAX = 330;

export function FunnelChart({ title, stages }: { title: string; stages: Stage[] }) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const LABEL_W = Math.max(110, Math.ceil(Math.max(0, ...stages.map((s) => s.label.length)) * 8.5) + 24);
  const WIDTH = LABEL_W + BAR_MAX + 160;
  const first = stages[0]?.value ?? 0;
  const max = Math.max(1, ...stages.map((s) => s.value));
  const pct = (v: number) => (first > 0 ? formatNumber((100 * v) / first) : '–');
  const desc = stages.map((s) => `${s.label}: ${formatNumber(s.value)} (${t('uptake.share', { pct: pct(s.value) })})`).join(', ');
  const height = stages.length * ROW + 8;

  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        className="funnel-chart"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{t('uptake.chartDesc', { stages: desc })}</desc>
        {stages.map((s, i) => {
          const w = Math.max(2, (BAR_MAX * s.value) / max);
          const x = LABEL_W + (BAR_MAX - w) / 2; // centred: the funnel narrows stage by stage
          const y = i * ROW + 4;
          return (
            <g key={s.label} aria-hidden="true">
              <text x={LABEL_W - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
                {s.label}
              </text>
              <rect x={x} y={y + 6} width={w} height={ROW - 12} rx={4} className={`chart-bar chart-bar-${i}`} />
              <text x={LABEL_W + BAR_MAX + 12} y={y + ROW / 2} dominantBaseline="middle" className="chart-value">
                {formatNumber(s.value)} ({t('uptake.share', { pct: pct(s.value) })})
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}
