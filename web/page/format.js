// Number formatting shared by readouts, tables and the try-it box.

// `value` with up to `digits` significant decimals, without trailing zeros; −0 shows as 0, ∞ and NaN by name;
// every minus (the exponent's too) is the typographic one.
export function formatNumber(value, digits = 4) {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (Object.is(value, -0) || value === 0) return '0';
  const abs = Math.abs(value);
  let text;
  if (abs >= 1e6 || abs < 1e-4) text = value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  else text = value.toFixed(digits).replace(/\.?0+$/, '');
  if (text === '-0') text = '0';
  return text.replaceAll('-', '−');
}
