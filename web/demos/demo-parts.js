// What the four demos share: labelled menus and buttons, a Chart.js set-up for live data, the
// decision-boundary heat map, and an animation loop that trains a little per frame.
import { el, uniqueId } from '../page/dom.js';
import { followTheme, onThemeChange, themeColours, tickLabel } from '../charts/line-chart.js';
import { exportMenu } from '../charts/export-menu.js';
import { datasetsCsv } from '../charts/export-view.js';
import { choiceProp } from '../state/schema.js';

// The activations a demo's menu offers against its linear baseline: every catalogue id but identity.
export const nonlinearIds = (rows) => rows.filter((r) => r.id !== 'identity').map((r) => r.id);

export { nameOf } from '../page/names.js';

// A demo setting chosen from `values`, defaulting to `preferred` when the catalogue has it, else the first.
export const settingChoice = (name, preferred, values) => choiceProp(name, values.includes(preferred) ? preferred : values[0], values);

// A labelled <select>; options are [{value, key}] (translated) or [{value, text}] (names such as "ReLU").
export function menu({ labelKey, options, value }) {
  const id = uniqueId('demo-menu');
  const select = el('select', { id }, options.map((o) => el('option', { value: o.value, i18n: o.key, text: o.text })));
  select.value = value;
  return { wrapper: el('div', { class: 'demo-field' }, [el('label', { for: id, i18n: labelKey }), select]), select };
}

// A demo's run control (play, step, reset): it stays enabled in a locked embed, where the settings are fixed
// but running the demo is the point.
export function button(key, attrs = {}) {
  return el('button', { type: 'button', class: 'demo-button embed-keep-enabled', i18n: key, ...attrs });
}

// Parses "#rrggbb" or "rgb(r, g, b)" into [r, g, b]; `fallback` when it cannot.
function rgb(colour, fallback) {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  const fn = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  return fn ? fn.slice(1, 4).map(Number) : fallback;
}

// Class colours (class 1 = series 1, class 0 = series 2) and the neutral middle, from the stylesheet.
export function classColours() {
  const c = themeColours();
  return {
    one: rgb(c.series[0], [11, 92, 173]), zero: rgb(c.series[1], [194, 65, 12]),
    middle: rgb(c.surface, [255, 255, 255]), text: c.text,
  };
}

// A heat map of P(class 1) on one canvas and the data points on a second canvas stacked above it
// (kept apart so the map can be read back unobscured, e.g. by tests).
export function createBoundaryMap(labelKey) {
  const map = el('canvas', {
    class: 'demo-map-layer', width: 240, height: 240, 'data-layer': 'map', role: 'img', 'data-i18n-label': labelKey,
  });
  // The points repeat what the map's label says; hidden from assistive technology, named all the same.
  const points = el('canvas', {
    class: 'demo-map-layer', width: 240, height: 240, role: 'img', 'aria-hidden': 'true', 'data-i18n-label': 'demo.pointsLabel',
  });
  const wrapper = el('div', { class: 'demo-map' }, [map, points]);
  const small = document.createElement('canvas');
  let image = null;
  let colours = classColours();
  let drawnPoints = null;  // what the points layer shows: it is redrawn only when that changes, not every frame
  onThemeChange(() => { colours = classColours(); });
  return {
    wrapper,
    // Paints the cols × rows grid of probabilities (row 0 at the top) and the points in `range`²; the points
    // of `test`, when given, as rings.
    draw(grid, cols, rows, data, range, test) {
      if (!image || image.width !== cols || image.height !== rows) {
        small.width = cols;
        small.height = rows;
        image = new ImageData(cols, rows);
      }
      const px = image.data;
      for (let k = 0; k < cols * rows; k++) {
        const v = 2 * grid[k] - 1;
        const target = v > 0 ? colours.one : colours.zero;
        // A floor of 0.2 keeps the side of the boundary visible even when the network is unsure
        // (identity on XOR hovers at p ≈ 0.5, and its straight line is the point of the demo).
        const w = v === 0 ? 0 : 0.2 + 0.55 * Math.sqrt(Math.min(1, Math.abs(v)));
        px[4 * k] = colours.middle[0] + (target[0] - colours.middle[0]) * w;
        px[4 * k + 1] = colours.middle[1] + (target[1] - colours.middle[1]) * w;
        px[4 * k + 2] = colours.middle[2] + (target[2] - colours.middle[2]) * w;
        px[4 * k + 3] = 255;
      }
      small.getContext('2d').putImageData(image, 0, 0);
      const ctx = map.getContext('2d');
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(small, 0, 0, map.width, map.height);
      const shown = [data, test, range[0], range[1], colours, points.width];
      if (drawnPoints && shown.every((v, i) => v === drawnPoints[i])) return;
      drawnPoints = shown;
      const dots = points.getContext('2d');
      dots.clearRect(0, 0, points.width, points.height);
      const scale = points.width / (range[1] - range[0]);
      dots.lineWidth = 1;
      dots.strokeStyle = colours.text;
      for (let i = 0; i < data.ys.length; i++) {
        const c = data.ys[i] > 0.5 ? colours.one : colours.zero;
        dots.fillStyle = `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
        dots.beginPath();
        dots.arc((data.xs[2 * i] - range[0]) * scale, (range[1] - data.xs[2 * i + 1]) * scale, 2.6, 0, 2 * Math.PI);
        dots.fill();
        dots.stroke();
      }
      dots.lineWidth = 1.6;
      for (let i = 0; i < (test?.ys.length ?? 0); i++) {
        const c = test.ys[i] > 0.5 ? colours.one : colours.zero;
        dots.strokeStyle = `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
        dots.beginPath();
        dots.arc((test.xs[2 * i] - range[0]) * scale, (range[1] - test.xs[2 * i + 1]) * scale, 2.8, 0, 2 * Math.PI);
        dots.stroke();
      }
    },
  };
}

// A Chart.js chart for live data: built once, updated in place, no animation, no parsing. With `exportAs`
// ({t, file}) its chart box is followed by an export menu (PNG and CSV of its series).
export function createChart(canvas, { type = 'line', datasets, x = {}, y = {}, legend = true, exportAs }) {
  const colours = themeColours();
  const axis = (extra) => ({
    type: 'linear', grid: { color: colours.grid }, border: { color: colours.axis },
    ticks: { color: colours.text, maxTicksLimit: 8, callback: tickLabel }, ...extra,
    title: extra.title ? { display: true, color: colours.text, text: extra.title } : undefined,
  });
  const chart = new window.Chart(canvas, {
    type,
    data: { datasets },
    options: {
      animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false,
      events: [],
      elements: { point: { radius: 0, hoverRadius: 0 }, line: { borderWidth: 2, tension: 0 } },
      scales: { x: axis(x), y: axis(y) },
      plugins: {
        legend: { display: legend, onClick: () => {}, labels: { color: colours.text, boxHeight: 2 } },
        tooltip: { enabled: false },
      },
    },
  });
  followTheme(chart, colours);
  if (exportAs) {
    const view = () => ({ file: exportAs.file, csv: datasetsCsv(chart) });
    canvas.parentElement.after(exportMenu(chart, exportAs.t, view, { code: false }));
  }
  return chart;
}

// Shows a play button's state: its label (play / pause) and aria-pressed.
export function showPlaying(play, playing, t) {
  play.dataset.i18n = playing ? 'demo.pause' : 'demo.play';
  play.textContent = t(play.dataset.i18n);
  play.setAttribute('aria-pressed', String(playing));
}

// Calls `frame()` once per animation frame while playing; pauses when the element scrolls out of view
// or the user asks for less motion and has not pressed play themselves.
export function createLoop(element, frame, onChange) {
  let playing = false;
  let handle = 0;
  const tick = () => {
    handle = 0;
    if (!playing) return;
    frame();
    handle = requestAnimationFrame(tick);
  };
  const loop = {
    get playing() { return playing; },
    play() {
      if (playing) return;
      playing = true;
      handle = requestAnimationFrame(tick);
      onChange(true);
    },
    pause() {
      if (!playing) return;
      playing = false;
      if (handle) cancelAnimationFrame(handle);
      handle = 0;
      onChange(false);
    },
    toggle() { if (playing) loop.pause(); else loop.play(); },
  };
  new IntersectionObserver((entries) => {
    if (entries.some((e) => !e.isIntersecting)) loop.pause();
  }).observe(element);
  return loop;
}

// Halves a growing series in place by keeping every other point (the caller doubles its sampling stride).
export function halve(points) {
  let kept = 0;
  for (let i = 0; i < points.length; i += 2) points[kept++] = points[i];
  points.length = kept;
}

// Keeps a demo's controls and the page state in step, so a link or an embed opens the demo as it was set:
// controls start from the state, each change is written to it (the URL follows), and a change of state made
// elsewhere (a link opened again) moves the control. `controls`: [{key, control (an <input> or <select>),
// read(control) → value}]. Returns sync(state) → true when it moved a control, so the demo recomputes.
export function bindSettings(api, element, controls) {
  const applied = new Map();
  const apply = (state) => {
    let moved = false;
    for (const { key, control } of controls) {
      if (applied.get(key) === state[key]) continue;
      applied.set(key, state[key]);
      control.value = String(state[key]);
      moved = true;
    }
    return moved;
  };
  apply(api.state());
  for (const { key, control, read } of controls) {
    control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => {
      applied.set(key, read(control));
      api.setState({ [key]: read(control), section: api.sectionOf(element) });
    });
  }
  return apply;
}
