// ECharts, tree-shaken: only the charts, components and the SVG renderer the console draws
// with. Every chart is also given as numbers: an aria description on the chart and a table
// next to it (the charts' `aria` option writes the description from the data).
import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

const INK = "#1f2933";
const ACCENT = "#1d4ed8";
const live: echarts.ECharts[] = [];

/** Dispose of the charts of the view being left. */
export function disposeCharts(): void {
  for (const chart of live.splice(0)) chart.dispose();
}

function draw(container: HTMLElement, label: string, option: echarts.EChartsCoreOption): void {
  container.setAttribute("role", "img");
  container.setAttribute("aria-label", label);
  const chart = echarts.init(container, null, { renderer: "svg" });
  chart.setOption({
    aria: { enabled: true, label: { description: label } },
    textStyle: { color: INK, fontFamily: "inherit" },
    animation: false,
    ...option,
  });
  live.push(chart);
}

export function barChart(
  container: HTMLElement,
  label: string,
  categories: string[],
  values: (number | null)[],
  axisName: string,
): void {
  draw(container, label, {
    grid: { left: 150, right: 24, top: 16, bottom: 40 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", name: axisName, nameLocation: "middle", nameGap: 28 },
    yAxis: { type: "category", data: categories, inverse: true },
    series: [
      {
        type: "bar",
        // null draws no bar: a withheld value is absent, not zero.
        data: values.map((v) => (v === null ? "-" : v)),
        itemStyle: { color: ACCENT },
        label: { show: true, position: "right", color: INK },
      },
    ],
  });
}

export function lineChart(
  container: HTMLElement,
  label: string,
  dates: string[],
  values: (number | null)[],
  axisName: string,
  max?: number,
): void {
  draw(container, label, {
    grid: { left: 56, right: 24, top: 24, bottom: 40 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: dates },
    yAxis: { type: "value", name: axisName, min: 0, ...(max === undefined ? {} : { max }) },
    series: [
      {
        type: "line",
        data: values.map((v) => (v === null ? "-" : v)),
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: ACCENT },
        lineStyle: { color: ACCENT, width: 2 },
      },
    ],
  });
}

export function heatmap(
  container: HTMLElement,
  label: string,
  columns: string[],
  rows: string[],
  cells: [number, number, number | null][],
): void {
  draw(container, label, {
    grid: { left: 170, right: 24, top: 16, bottom: 96 },
    tooltip: { position: "top" },
    xAxis: { type: "category", data: columns, splitArea: { show: true } },
    yAxis: { type: "category", data: rows, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 1,
      max: 5,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 8,
      text: ["5 (strong)", "1"],
      textStyle: { color: INK },
      inRange: { color: ["#fee2e2", "#fde68a", "#bbf7d0", "#15803d"] },
    },
    series: [
      {
        type: "heatmap",
        data: cells.map(([x, y, v]) => [x, y, v === null ? "-" : v]),
        label: { show: true, color: INK, formatter: (p: { value: unknown[] }) => String(p.value[2]) },
      },
    ],
  });
}
