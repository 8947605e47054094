// The parts of Apache ECharts the dashboard uses (wwwroot/charts.js): line, bar and heatmap charts on a
// grid, with tooltips, legends, the heatmap's visual map, ARIA descriptions, and the canvas renderer that
// makes the PNG download. A chart type or component not listed here is not drawn, without any message (the
// production build drops it): add it here and run `npm run build`.
import { use } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);

export * from 'echarts/core';
