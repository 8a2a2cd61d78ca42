// The one number parser of the page: typed fields and URL values alike accept decimal notation only — an optional
// sign (-, + or the typographic −), digits with an optional decimal point, and an optional exponent (1e-3, 2E+5).
// Hexadecimal, binary, "Infinity", "NaN", thousands separators and empty text are not numbers here, though
// JavaScript's Number() reads some of them.

const decimal = /^[-+−]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+−]?\d+)?$/;

// The number `text` writes (surrounding white space allowed): a finite number, ±Infinity when a decimal
// overflows (1e400), or NaN when `text` is not decimal notation. −0 reads as 0.
export function parseDecimal(text) {
  if (typeof text !== 'string') return NaN;
  const trimmed = text.trim();
  if (!decimal.test(trimmed)) return NaN;
  return Number(trimmed.replaceAll('−', '-')) + 0;
}
