// The retention heatmap, drawn with Apache ECharts (vendor/echarts, built by tools/echarts with only what
// this draws). It is the one chart uPlot has no kind for; only the engagement page loads the library.
import { formatValue } from '../format.js';
import { loadScript } from './library.js';
import { PALETTE } from './palette.js';

const library = () => loadScript('vendor/echarts/echarts.min.js', 'echarts');
const grid = { left: 56, right: 40, top: 36, bottom: 70, containLabel: true };

/** A heatmap of cells [xIndex, yIndex, value] (retention: cohorts down, intervals across). */
export function heatmapChart({ xs, ys, cells, unit }) {
  const values = cells.map((c) => c[2]).filter((v) => typeof v === 'number');
  const option = {
    grid,
    tooltip: { position: 'top', valueFormatter: (v) => formatValue(v, unit) },
    xAxis: { type: 'category', data: xs, splitArea: { show: true } },
    yAxis: { type: 'category', data: ys, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f3fb', '#3553c7'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: xs.length <= 14, formatter: (p) => formatValue(p.value[2], unit) } }],
  };
  return { library, draw: (echarts, box, height) => draw(echarts, box, height, option) };
}

function draw(echarts, box, height, option) {
  box.style.height = `${height}px`;
  const chart = echarts.init(box, null, { renderer: 'canvas' });
  chart.setOption({ animation: false, color: PALETTE, aria: { enabled: true }, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
  return {
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
    png: () => chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
  };
}
