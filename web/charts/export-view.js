// The data of a chart as it leaves the page: CSV of exactly the plotted series. Pure (no DOM), so the tests
// can read what the page writes.

// A number as CSV text: the shortest decimal that reads back as the same double; inf, -inf, nan as Python
// and spreadsheets read them.
const csvNumber = (v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));

// columns: [{name, values}], all of one length, the first being x. Names never hold commas or quotes (they are
// catalogue ids and parameter names), so none is quoted.
export function seriesCsv(columns) {
  const lines = [columns.map((c) => c.name).join(',')];
  const n = columns[0].values.length;
  for (let i = 0; i < n; i++) lines.push(columns.map((c) => csvNumber(c.values[i])).join(','));
  return `${lines.join('\n')}\n`;
}

// "Leaky ReLU (negative_slope=0.2)": a chart title naming the function and its parameters.
export function titleOf(row, params) {
  const args = Object.entries(params).map(([name, value]) => `${name}=${value}`).join(', ');
  return args ? `${row.name} (${args})` : row.name;
}

// A CSV field, quoted when it holds a comma, a quote or a line break (axis titles and legends are prose).
const csvField = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

// Every dataset of a Chart.js chart whose data are {x, y} points, in long form: series, x, y (named after the
// axis titles when the chart has them). For charts whose series do not share one x grid (the demos).
export function datasetsCsv(chart) {
  const title = (axis, fallback) => chart.options.scales[axis]?.title?.text?.trim() || fallback;
  const lines = [['series', title('x', 'x'), title('y', 'y')].map(csvField).join(',')];
  chart.data.datasets.forEach((dataset, i) => {
    const name = csvField(dataset.label || `series ${i + 1}`);
    for (const { x, y } of dataset.$points ?? dataset.data) lines.push(`${name},${csvNumber(x)},${csvNumber(y)}`);
  });
  return `${lines.join('\n')}\n`;
}
