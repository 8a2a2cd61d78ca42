// The globals the page's scripts read besides the module (src/js/activation-lab.d.ts declares that one): Chart.js
// from its own classic script, and the flag the host page's resize script sets. For `tsc --checkJs` only.
interface Window {
  Chart: any;
  activationLabEmbed?: { version: number };
}
