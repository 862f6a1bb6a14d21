// An accessible SVG bar chart: one horizontal bar per row, its length relative to the largest
// row, with a highlighted part (e.g. delivered of all messages) and the figures written beside
// it. role="img", named by <title> and described by a <desc> that the caller writes with every
// value; pages show the same figures in a table as well.
import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  part: number; // the highlighted share of `value`
  text: string; // the figures beside the bar
}

const ROW = 40;
const BAR_MAX = 330;

export function BarChart({ title, desc, bars, className }: { title: string; desc: string; bars: Bar[]; className?: string }) {
  const id = useId();
  const LABEL_W = Math.max(110, Math.ceil(Math.max(0, ...bars.map((b) => b.label.length)) * 8.5) + 24);
  const TEXT_W = Math.max(160, Math.ceil(Math.max(0, ...bars.map((b) => b.text.length)) * 8.5) + 16);
  const WIDTH = LABEL_W + BAR_MAX + TEXT_W;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;

  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        className={className}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {bars.map((b, i) => {
          const w = b.value > 0 ? Math.max(2, (BAR_MAX * b.value) / max) : 0;
          const pw = b.value > 0 ? (w * Math.min(b.part, b.value)) / b.value : 0;
          const y = i * ROW + 4;
          return (
            <g key={b.label} aria-hidden="true">
              <text x={LABEL_W - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
                {b.label}
              </text>
              <rect x={LABEL_W} y={y + 6} width={w} height={ROW - 12} rx={3} className="chart-bar" />
              <rect x={LABEL_W} y={y + 6} width={pw} height={ROW - 12} rx={3} className="chart-bar chart-bar-part" />
              <text x={LABEL_W + BAR_MAX + 12} y={y + ROW / 2} dominantBaseline="middle" className="chart-value">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}
