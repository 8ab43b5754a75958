import { compact, count, describeBars, figure, usd, type Bar, type Metric } from './usage';

/**
 * Columns over time, drawn in SVG with no text inside it: the drawing stretches to any width while
 * the labels stay HTML at a readable size. The figures follow as a table for anyone who cannot see
 * the bars, and the picture itself carries a sentence of what it shows.
 */
export function ColumnChart({ id, title, bars, metric }: { id: string; title: string; bars: Bar[]; metric: Metric }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const w = 10;
  const h = 100;
  const gap = bars.length > 60 ? 1 : 2;
  return (
    <figure class="chart" data-chart={id}>
      <figcaption id={`${id}-title`} class="chart-title">{title}</figcaption>
      <div class="chart-body">
        <span class="chart-max" aria-hidden="true">{max > 0 ? axis(max, metric) : ''}</span>
        <svg class="columns" viewBox={`0 0 ${Math.max(1, bars.length) * w} ${h}`} preserveAspectRatio="none"
          role="img" aria-label={describeBars(title, bars, metric)}>
          <line class="baseline" x1="0" y1={h} x2={bars.length * w} y2={h} />
          {bars.map((b, i) => {
            const bh = max > 0 ? (b.value / max) * h : 0;
            return (
              <rect class={b.value > 0 ? 'bar' : 'bar empty'} x={i * w + gap / 2} width={w - gap}
                y={h - Math.max(bh, b.value > 0 ? 1 : 0)} height={Math.max(bh, b.value > 0 ? 1 : 0)}>
                <title>{`${b.label}: ${figure(b.value, metric)}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      {bars.length > 0 && (
        <div class="chart-ends" aria-hidden="true"><span>{bars[0].label}</span><span>{bars[bars.length - 1].label}</span></div>
      )}
      <details class="figures">
        <summary>Figures for “{title}”</summary>
        <FigureTable id={id} bars={bars} head="Day" />
      </details>
    </figure>
  );
}

/**
 * Horizontal bars for a handful of named groups (providers, models): the table is the chart, so
 * the names and figures are read as text and the bars are decoration beside them.
 */
export function BarTable({ id, title, bars, metric, head }: { id: string; title: string; bars: Bar[]; metric: Metric; head: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  // The column the bars are drawn from stands out, so the bar and its figure read together.
  const on = (m: Metric) => (m === metric ? 'num on' : 'num');
  return (
    <figure class="chart" data-chart={id}>
      <figcaption id={`${id}-title`} class="chart-title">{title}</figcaption>
      {bars.length === 0 ? <p class="muted">No usage in this range.</p> : (
        <div class="table-scroll">
          <table class="figures-table bars" aria-labelledby={`${id}-title`} data-table={id}>
            <thead><tr><th scope="col">{head}</th><th scope="col"><span class="sr-only">Share</span></th><th scope="col" class="num">Cost</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Turns</th></tr></thead>
            <tbody>
              {bars.map((b) => (
                <tr data-key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td class="bar-cell" aria-hidden="true">
                    <svg viewBox="0 0 100 10" preserveAspectRatio="none"><rect class="bar" width={max > 0 ? Math.max(0.5, (b.value / max) * 100) : 0} height="10" /></svg>
                  </td>
                  <td class={on('cost')} data-field="cost" data-value={b.cost}>{usd(b.cost)}</td>
                  <td class={on('tokens')} data-field="tokens" data-value={b.tokens}>{count(b.tokens)}</td>
                  <td class="num" data-field="turns" data-value={b.turns}>{count(b.turns)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

function FigureTable({ id, bars, head }: { id: string; bars: Bar[]; head: string }) {
  return (
    <table class="figures-table" data-table={id}>
      <thead><tr><th scope="col">{head}</th><th scope="col" class="num">Cost</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Turns</th></tr></thead>
      <tbody>
        {bars.map((b) => (
          <tr data-key={b.key}>
            <th scope="row">{b.label}</th>
            <td class="num" data-field="cost" data-value={b.cost}>{usd(b.cost)}</td>
            <td class="num" data-field="tokens" data-value={b.tokens}>{count(b.tokens)}</td>
            <td class="num" data-field="turns" data-value={b.turns}>{count(b.turns)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function axis(v: number, metric: Metric): string {
  return metric === 'cost' ? usd(v) : compact(v);
}
