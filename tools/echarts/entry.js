// The parts of Apache ECharts the dashboard uses (wwwroot/charts/echarts.js): the retention heatmap on a
// grid, with its tooltip, its visual map, ARIA descriptions, and the canvas renderer that makes the PNG
// download. Line and bar charts are uPlot's (wwwroot/charts/uplot.js). A chart type or component not
// listed here is not drawn, without any message (the production build drops it): add it here and run
// `npm run build`.
import { use } from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);

export * from 'echarts/core';
