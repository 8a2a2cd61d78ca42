// Splits a TeX formula into the terms a line may break between, for typesetting each as its own <math>: MathML has
// no automatic line breaking, so a formula typeset whole cannot wrap in a narrow card. It breaks before a `=`,
// `\approx`, `+` or `-` and after `,\quad` that stand outside every group ({…}, (…), […], \left…\right,
// \begin…\end), and never before a sign that starts the formula or follows another operator. What follows a
// `,\quad` (a definition such as `u = …` or `λ ≈ 1.0507, α ≈ 1.6733`) stays one term up to the next `,\quad`.

const opening = new Set(['{', '(', '[']);
const closing = new Set(['}', ')', ']']);

// The formula's terms, in order; joined they give back `tex` (less the white space at the breaks).
export function formulaTerms(tex) {
  const terms = [];
  let depth = 0;
  let start = 0;
  let lastSignificant = '';
  let definitions = false;
  const cut = (at) => {
    if (definitions) return;
    const term = tex.slice(start, at).trim();
    if (term) terms.push(term);
    start = at;
  };
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      const name = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i))[1];
      if (name === 'left' || name === 'begin') depth++;
      else if (name === 'right' || name === 'end') depth--;
      else if (depth === 0 && name === 'approx') cut(i);
      else if (depth === 0 && name === 'quad' && lastSignificant === ',') {
        i += name.length;
        // Each definition after a `,\quad` is a term of its own (a second one may follow).
        definitions = false;
        cut(i + 1);
        definitions = true;
        lastSignificant = '';
        continue;
      }
      // \left( and \right) count once, as the command: skip the delimiter that follows it.
      if (name === 'left' || name === 'right') i += name.length + 1;
      else i += name.length;
      lastSignificant = '\\';
      continue;
    }
    if (opening.has(c)) depth++;
    else if (closing.has(c)) depth--;
    else if (depth === 0 && (c === '=' || ((c === '+' || c === '-') && /[\w})\]']/.test(lastSignificant)))) cut(i);
    if (c.trim()) lastSignificant = c;
  }
  definitions = false;
  cut(tex.length);
  return terms;
}
