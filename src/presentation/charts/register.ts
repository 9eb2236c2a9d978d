// Registers what the charts need with Chart.js: tree-shaken controllers, elements, scales
// and plugins, plus the annotation plugin. The caller (renderer, command line) calls it once.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  SubTitle,
  Title,
  Tooltip
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

let registered = false;

export function registerCharts(): void {
  // Stryker disable next-line ConditionalExpression: Chart.register of what is registered already changes nothing; the flag only saves the walk
  if (registered) return;
  Chart.register(
    LineController,
    BarController,
    RadarController,
    LineElement,
    PointElement,
    BarElement,
    CategoryScale,
    LinearScale,
    RadialLinearScale,
    Filler,
    Legend,
    Title,
    SubTitle,
    Tooltip,
    annotationPlugin
  );
  // Stryker disable next-line BooleanLiteral: as above, registering again changes nothing
  registered = true;
}
