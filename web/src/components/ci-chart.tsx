// An accessible SVG chart of means with 95 % confidence intervals on the 1–5 scale: one row per
// service, a line from the interval's low to high end with end caps, and a dot at the mean.
// role="img" with <title> and a <desc> listing every value; pages show a table as well.
import { useId } from 'react';
import { useI18n } from '../i18n';

export interface CiRow {
  label: string;
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

const ROW = 40;
const AXIS_W = 360;

export function CiChart({ title, rows }: { title: string; rows: CiRow[] }) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  // Room for the longest label (about 8.5 units per character at the 15-unit font size).
  const LABEL_W = Math.max(120, Math.ceil(Math.max(0, ...rows.map((r) => r.label.length)) * 8.5) + 24);
  const WIDTH = LABEL_W + AXIS_W + 40;
  const x = (v: number) => LABEL_W + ((Math.min(5, Math.max(1, v)) - 1) / 4) * AXIS_W;
  const f = (v: number | null) => (v === null ? '–' : formatNumber(v, 2));
  const height = rows.length * ROW + 40;
  const desc = rows
    .map((r) =>
      r.mean === null
        ? `${r.label}: ${t('sat.noAnswers')}`
        : t('sat.point', { service: r.label, mean: f(r.mean), low: f(r.low), high: f(r.high), n: r.n }),
    )
    .join('; ');

  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        className="ci-chart"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}.</desc>
        <g aria-hidden="true">
          {[1, 2, 3, 4, 5].map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={4} y2={rows.length * ROW + 8} className="chart-grid" />
              <text x={x(v)} y={rows.length * ROW + 28} textAnchor="middle" className="chart-label">
                {v}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = i * ROW + ROW / 2 + 4;
            return (
              <g key={r.label}>
                <text x={LABEL_W - 14} y={y} textAnchor="end" dominantBaseline="middle" className="chart-label">
                  {r.label}
                </text>
                {r.mean === null ? (
                  <text x={x(1) + 6} y={y} dominantBaseline="middle" className="chart-value">
                    {t('sat.noAnswers')}
                  </text>
                ) : (
                  <>
                    {r.low !== null && r.high !== null && (
                      <>
                        <line x1={x(r.low)} x2={x(r.high)} y1={y} y2={y} className="chart-ci" />
                        <line x1={x(r.low)} x2={x(r.low)} y1={y - 8} y2={y + 8} className="chart-ci" />
                        <line x1={x(r.high)} x2={x(r.high)} y1={y - 8} y2={y + 8} className="chart-ci" />
                      </>
                    )}
                    <circle cx={x(r.mean)} cy={y} r={6} className="chart-mean" />
                  </>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}
