// What every chart on the page shares: colours from the stylesheet, one Chart.js set-up (built once, updated in
// place, no animation, no parsing), curve sampling through one reused heap buffer, a crosshair, a data table.

import { formatNumber } from '../page/format.js';

const { Chart } = window;
const maxSamples = 2048;

// Colours defined in style.css, read once and again when the colour scheme changes: reading them forces a
// style recalculation, which cost ~1 ms for each of the ~40 charts and maps while the page mounted them.
let colours = null;
export function themeColours() {
  if (!colours) {
    const css = getComputedStyle(document.documentElement);
    const get = (name) => css.getPropertyValue(name).trim();
    colours = Object.freeze({
      text: get('--text'), muted: get('--muted'), grid: get('--grid'), axis: get('--axis'), surface: get('--surface'),
      series: Object.freeze([1, 2, 3, 4, 5, 6, 7, 8].map((i) => get(`--series-${i}`))),
    });
  }
  return colours;
}

const listeners = new Set();
const darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
darkQuery?.addEventListener?.('change', () => {
  colours = null;
  listeners.forEach((fn) => fn(themeColours()));
});
// Calls `fn(colours)` whenever the colour scheme changes.
export const onThemeChange = (fn) => listeners.add(fn);

// Keeps a chart's axes, legend and series (through its optional `$recolour`) in the current colour scheme.
export function followTheme(chart, colours) {
  chart.$colours = colours;
  onThemeChange((next) => {
    chart.$colours = next;
    for (const id of ['x', 'y']) {
      const scale = chart.options.scales[id];
      scale.grid.color = next.grid;
      scale.border.color = next.axis;
      scale.ticks.color = next.text;
      if (scale.title) scale.title.color = next.text;
    }
    chart.options.plugins.legend.labels.color = next.text;
    chart.$recolour?.(next);
    chart.update('none');
  });
}

// Round axis limits around [lo, hi] with a little margin.
export function niceLimits(lo, hi) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (hi - lo < 1e-9) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.06;
  const rough = (hi - lo + 2 * pad) / 6;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step];
}

// An axis label. Between 1e-4 and 1e15 exactly as Chart.js's own numeric formatter writes it for English and
// Chinese (the page's languages): its decimals and "," groups, without Intl, whose first use costs ~15 ms on a
// cold page and would delay the first chart. Zero, a lone tick and axes that need scientific notation are written
// by the page's number formatter, with just enough significant digits to tell neighbouring ticks apart (Chart.js
// writes up to twenty zeros there: "1.00000000000000000000E-300").
export function tickLabel(value, index, ticks) {
  if (!value) return '0';
  if (ticks.length < 2) return formatNumber(value);
  const largest = Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value));
  if (largest < 1e-4 || largest > 1e15) {
    const step = Math.abs(ticks[1].value - ticks[0].value);
    const digits = Math.floor(Math.log10(Math.abs(value))) - Math.floor(Math.log10(step)) + 1;
    return formatNumber(value, Math.min(15, Math.max(1, digits)));
  }
  const at = ticks.length > 3 ? 1 : 0;
  let delta = ticks[at + 1].value - ticks[at].value;
  if (Math.abs(delta) >= 1 && value !== Math.floor(value)) delta = value - Math.floor(value);
  const [whole, fraction] = value.toFixed(Math.max(Math.min(-Math.floor(Math.log10(Math.abs(delta))), 20), 0)).split('.');
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (fraction ? `.${fraction}` : '');
}

// Draws a vertical line where the pointer is; the chart's `crosshairX` holds the x value or null.
const crosshairPlugin = {
  id: 'alabCrosshair',
  afterDatasetsDraw(chart) {
    const x = chart.$crosshairX;
    if (x === null || x === undefined) return;
    const { ctx, chartArea, scales } = chart;
    const px = scales.x.getPixelForValue(x);
    if (px < chartArea.left || px > chartArea.right) return;
    ctx.save();
    ctx.strokeStyle = chart.$colours.muted;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(px, chartArea.top);
    ctx.lineTo(px, chartArea.bottom);
    ctx.stroke();
    ctx.restore();
  },
};

// Draws each dataset's `$points` ({x, y} list) as a line (or as dots with `showLine: false`), instead of Chart.js's
// own line elements (those datasets keep `data` empty, and Chart.js still draws their legend entries). A figure whose curve changed while its axes
// stayed put then needs only chart.draw(), not chart.update(), which rebuilds the elements, measures every tick
// label and lays the chart out again: 0.1 against 1.1 ms for the 556-point curve of a slider move (see refresh).
// Like Chart.js's line: gaps at non-finite values, clipped to the plot area widened by half the line's width.
const curvePlugin = {
  id: 'alabCurves',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea: area, scales: { x: xScale, y: yScale } } = chart;
    const far = area.bottom - area.top + 1000;  // pixel ys are clamped this far out: canvas paths misbehave at ±1e300
    chart.data.datasets.forEach((dataset, i) => {
      const points = dataset.$points;
      if (!points || !chart.isDatasetVisible(i)) return;
      ctx.save();
      if (dataset.showLine === false) {
        // Points alone (a marker): filled dots, drawn whole even at the plot area's edge, as Chart.js draws points.
        ctx.fillStyle = dataset.backgroundColor;
        for (const { x, y } of points) {
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          ctx.beginPath();
          ctx.arc(xScale.getPixelForValue(x), yScale.getPixelForValue(y), dataset.pointRadius ?? 3, 0, 2 * Math.PI);
          ctx.fill();
        }
        ctx.restore();
        return;
      }
      const width = dataset.borderWidth ?? 2;
      ctx.beginPath();
      ctx.rect(area.left - width / 2, area.top - width / 2, area.right - area.left + width, area.bottom - area.top + width);
      ctx.clip();
      ctx.strokeStyle = dataset.borderColor;
      ctx.lineWidth = width;
      ctx.setLineDash(dataset.borderDash ?? []);
      ctx.beginPath();
      let open = false;
      for (const { x, y } of points) {
        if (!Number.isFinite(x) || Number.isNaN(y)) {
          open = false;
          continue;
        }
        const px = xScale.getPixelForValue(x);
        const py = Math.min(area.bottom + far, Math.max(area.top - far, yScale.getPixelForValue(y)));
        if (open) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        open = true;
      }
      ctx.stroke();
      ctx.restore();
    });
  },
};

// Keeps a copy of what Chart.js drew before the datasets (grid, axes, tick labels, legend), taken on each full
// draw, so redraw() can put the curves and crosshair back on it without drawing the rest again. Only charts
// that have been redrawn keep one (a copy is the canvas's size: 0.5 MB for a curve, 2 MB on a 2× screen, and
// the page has 34 charts, most of which a reader never touches).
const backdropPlugin = {
  id: 'alabBackdrop',
  beforeDatasetsDraw(chart) {
    const { canvas } = chart;
    let copy = chart.$backdrop;
    if (!copy) {
      if (!chart.$redrawn) return;
      copy = chart.$backdrop = document.createElement('canvas');
    }
    if (copy.width !== canvas.width || copy.height !== canvas.height) Object.assign(copy, { width: canvas.width, height: canvas.height });
    const g = copy.getContext('2d');
    g.clearRect(0, 0, copy.width, copy.height);
    g.drawImage(canvas, 0, 0);
    copy.$valid = true;
  },
};

// Draws a chart again with the same axes: its backdrop, then the curves and the crosshair (the plugins' own draw),
// which costs a fraction of chart.draw(): the tick labels' text is what takes the time there. Falls back to
// chart.draw() until a backdrop exists, after the canvas changed size, or for datasets Chart.js draws itself.
export function redraw(chart) {
  const { canvas, ctx } = chart;
  const copy = chart.$backdrop;
  const ownData = chart.data.datasets.some((d) => !d.$points && d.data.length);
  chart.$redrawn = true;
  if (ownData || !copy?.$valid || copy.width !== canvas.width || copy.height !== canvas.height || !chart.chartArea) {
    chart.draw();
    return;
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(copy, 0, 0);
  ctx.restore();
  curvePlugin.afterDatasetsDraw(chart);
  crosshairPlugin.afterDatasetsDraw(chart);
}

// Shows a chart's current data and options. Chart.js re-lays a chart out only in update(), so that runs when what
// the layout depends on changed (axis limits, legend, the series' names, colours, dashes or visibility); a new
// curve alone is a redraw (curvePlugin draws `$points` as they are now). Charts built by createLineChart only.
export function refresh(chart) {
  const { x, y } = chart.options.scales;
  const layout = JSON.stringify([x.min, x.max, y.min, y.max, chart.options.plugins.legend.display,
    chart.data.datasets.map((d) => [d.label, d.hidden, d.borderColor, d.borderDash, d.$points ? 0 : d.data])]);
  if (layout === chart.$layout) {
    redraw(chart);
  } else {
    chart.update('none');
    chart.$layout = layout;
  }
}

const keyboardSteps = 100;  // an arrow key moves the crosshair 1/100 of the x axis, with Shift 1/10

// The crosshair from the keyboard: focus the chart, then the arrow keys move along x (Shift: ten times as far),
// Home and End jump to the ends, Escape hides it. `onPointer` gets x as it does from a pointer, so the
// figure's readout follows; that readout is announced to screen readers while the chart has focus.
function keyboardCrosshair(canvas, chart, onPointer, readout) {
  canvas.tabIndex = 0;
  canvas.addEventListener('keydown', (event) => {
    const { min, max } = chart.scales.x;
    const start = min <= 0 && max >= 0 ? 0 : (min + max) / 2;
    const step = ((max - min) / keyboardSteps) * (event.shiftKey ? 10 : 1);
    const at = chart.$crosshairX;
    const moves = {
      ArrowLeft: () => (at === null ? start : at - step),
      ArrowDown: () => (at === null ? start : at - step),
      ArrowRight: () => (at === null ? start : at + step),
      ArrowUp: () => (at === null ? start : at + step),
      Home: () => min,
      End: () => max,
      Escape: () => null,
    };
    if (!moves[event.key]) return;
    event.preventDefault();
    const x = moves[event.key]();
    onPointer(x === null ? null : Math.min(max, Math.max(min, x)));
  });
  if (!readout) return;
  canvas.addEventListener('focus', () => readout.setAttribute('aria-live', 'polite'));
  canvas.addEventListener('blur', () => readout.setAttribute('aria-live', 'off'));
}

// A line chart with linear axes; `onPointer(x | null)` receives the data x under the pointer or the keyboard's
// crosshair (see keyboardCrosshair; `readout` is the element that shows the values at x).
export function createLineChart(canvas, { datasets, legend = false, onPointer, onResize, readout }) {
  const colours = themeColours();
  const axis = () => ({
    type: 'linear', min: -1, max: 1,
    grid: { color: colours.grid }, border: { color: colours.axis }, ticks: { color: colours.text, maxTicksLimit: 9, includeBounds: false, callback: tickLabel },
  });
  // Chart.js sizes the canvas inside its constructor and reports that as a resize; the caller draws right after
  // construction anyway, so only later resizes (a new width means a new sample grid) are passed on.
  let constructed = false;
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false,
      events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
      elements: { point: { radius: 0, hoverRadius: 0 }, line: { borderWidth: 2, tension: 0 } },
      scales: { x: axis(), y: axis() },
      plugins: {
        legend: { display: legend, onClick: () => {}, labels: { color: colours.text, boxHeight: 2 } },
        tooltip: { enabled: false },
        decimation: { enabled: false },
      },
      onHover(event, elements, c) {
        if (!onPointer) return;
        const inside = event.type !== 'mouseout' && event.x >= c.chartArea.left && event.x <= c.chartArea.right;
        onPointer(inside ? c.scales.x.getValueForPixel(event.x) : null);
      },
      onResize: (c, size) => constructed && onResize?.(size),
    },
    plugins: [backdropPlugin, curvePlugin, crosshairPlugin],
  });
  constructed = true;
  chart.$crosshairX = null;
  if (onPointer) keyboardCrosshair(canvas, chart, onPointer, readout);
  followTheme(chart, colours);
  return chart;
}

// Samples f (or f′) of catalogue functions, or of the reader's compiled formula, on a grid through ONE heap
// buffer, resized only with the chart.
// Callers pass the canvas width (not the plot area, which moves with the tick labels) so a view always samples alike.
export function createSampler(lab) {
  let buffer = null;
  let grid = { n: 0, lo: 0, hi: 0 };
  // The parameters are checked once per change of function or parameters (buffer.prepare), not on every sample:
  // a chart that draws f and f′ of one function, or redraws it for a new range, reuses the checked call.
  const prepared = preparedCalls(() => buffer);
  return {
    // Prepares n evenly spaced x values in [lo, hi] in the buffer's input.
    grid(n, lo, hi) {
      n = Math.max(16, Math.min(maxSamples, Math.round(n)));
      if (!buffer || buffer.length !== n) {
        buffer?.delete();
        buffer = lab.createBuffer(n, { type: 'float64' });
        prepared.forget();
        grid = { n: 0, lo: 0, hi: 0 };
      }
      if (grid.n !== n || grid.lo !== lo || grid.hi !== hi) {
        const input = buffer.input;
        const step = (hi - lo) / (n - 1);
        for (let i = 0; i < n; i++) input[i] = lo + i * step;
        input[n - 1] = hi;
        grid = { n, lo, hi };
      }
      return n;
    },
    // Fills `points` ({x, y} objects, reused) with f or f′ over the grid; throws the module's error on bad params.
    sample(id, params, derivative, points) {
      const output = prepared(id, params, derivative)();
      const input = buffer.input;
      const n = grid.n;
      if (points.length > n) points.length = n;
      for (let i = 0; i < n; i++) {
        if (points[i]) {
          points[i].x = input[i];
          points[i].y = output[i];
        } else {
          points[i] = { x: input[i], y: output[i] };
        }
      }
      return points;
    },
    // The same for a compiled formula (lab.compile) with its parameters' values: NaN, a gap in the line, where
    // it has no finite value.
    sampleFormula(f, params, derivative, points) {
      const xs = buffer.input.slice(0, grid.n);
      const ys = derivative ? f.derivative(xs, params) : f.evaluate(xs, params);
      points.length = grid.n;
      for (let i = 0; i < grid.n; i++) {
        const y = Number.isFinite(ys[i]) ? ys[i] : NaN;
        if (points[i]) {
          points[i].x = xs[i];
          points[i].y = y;
        } else {
          points[i] = { x: xs[i], y };
        }
      }
      return points;
    },
  };
}

// Smallest and largest finite y over several point lists.
export function yExtent(lists) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const points of lists) {
    for (const p of points) {
      if (p.y < lo) lo = p.y;
      if (p.y > hi) hi = p.y;
    }
  }
  return [lo, hi];
}

// Evenly spaced x values for a data table over [lo, hi].
export function tableXs(lo, hi, count = 11) {
  return Array.from({ length: count }, (_, i) => Number((lo + ((hi - lo) * i) / (count - 1)).toPrecision(12)));
}

// The calls buffer.prepare() returns for the last function and parameters, f and f′: `prepared(id, params,
// derivative)` prepares again only when id or a parameter's value changed. A buffer holds one parameter set, so
// a new set replaces both calls. `forget()` drops them (a new buffer).
function preparedCalls(currentBuffer) {
  let key = '';
  let calls = [null, null];
  const prepared = (id, params, derivative) => {
    const next = `${id}:${params ? Object.entries(params).join(';') : ''}`;
    if (next !== key) {
      calls = [null, null];
      key = next;
    }
    const slot = derivative ? 1 : 0;
    if (!calls[slot]) {
      try {
        calls[slot] = currentBuffer().prepare(id, params, { derivative });
      } catch (err) {
        key = '';
        throw err;
      }
    }
    return calls[slot];
  };
  prepared.forget = () => {
    key = '';
    calls = [null, null];
  };
  return prepared;
}

// Reads f(x) and f′(x) at one x from the module (crosshair readouts), through one small reused buffer per function,
// so moving the crosshair over a chart of several functions checks no parameter again.
export function createProbe(lab) {
  const probes = new Map();
  return (id, params, x) => {
    let probe = probes.get(id);
    if (!probe) {
      const buffer = lab.createBuffer(1, { type: 'float64' });
      probe = { buffer, prepared: preparedCalls(() => buffer) };
      probes.set(id, probe);
    }
    probe.buffer.input[0] = x;
    const f = probe.prepared(id, params, false)()[0];
    const df = probe.prepared(id, params, true)()[0];
    return { f, df };
  };
}
