// The public API of dist/activation-lab.js, as src/js/*.js implement it. Checked with `tsc --noEmit --checkJs`
// over tests/wasm/ and web/ (scripts/test.sh), so the tests and the page use it as written here.

/** Numbers the API accepts for arrays: copied to float64 once per call. */
export type Numbers = Float64Array | Float32Array | ArrayLike<number> | number;

/** A catalogue function's parameter, with PyTorch's name and default. */
export interface ParamInfo {
  name: string;
  default: number;
  min: number;
  max: number;
  step: number;
}

/** How smooth a curve is: with jumps, continuous with kinks (C⁰), slope continuous (C¹), or C∞. */
export type Smoothness = 'discontinuous' | 'C0' | 'C1' | 'Cinf';
/** Which side(s) the derivative goes to 0 on. */
export type Saturation = 'none' | 'negative' | 'positive' | 'both';

/** One row of the catalogue: everything the page and the tests know about a function. */
export interface CatalogueRow {
  /** PyTorch's functional name: `leaky_relu`, `gelu_tanh`, … */
  id: string;
  index: number;
  name: string;
  group: string;
  /** The article's order (1, 2, …) for its four functions, else 0. */
  articleOrder: number;
  params: ParamInfo[];
  /** Pairs of parameter names that must satisfy first < second. */
  orderedParams: [string, string][];
  /** The x range its chart opens on. */
  range: [number, number];
  tex: string;
  texDerivative: string;
  outputRange: string;
  monotonic: boolean;
  zeroCentred: boolean;
  smoothness: Smoothness;
  saturation: Saturation;
  identityNearZero: boolean;
  use: string;
  torchModule: string;
  torchFunctional: string;
  otherDefaults: { framework: string; api: string; differs: string }[];
}

/** Parameters by name; missing ones take PyTorch's defaults. */
export type Params = Record<string, number>;

/** An input and an output array in the module's heap; read them through the properties (the heap may grow). */
export interface ActivationBuffer<T extends Float32Array | Float64Array = Float32Array | Float64Array> {
  readonly length: number;
  readonly type: 'float32' | 'float64';
  readonly input: T;
  readonly output: T;
  /** output[i] = f(input[i]) (or f′ with {derivative: true}); returns the output view. */
  apply(id: string, params?: Params | null, options?: { derivative?: boolean }): T;
  /** Checks id and parameters once; the returned call applies them again on each call. */
  prepare(id: string, params?: Params | null, options?: { derivative?: boolean }): () => T;
  delete(): void;
}

export interface NeuronSpec {
  inputs?: Numbers;
  weights?: Numbers;
  bias?: number;
  activation?: string;
  params?: Params | null;
}

/** Two-dimensional points xs = [x0, y0, x1, y1, …] and their labels ys (0 or 1). */
export interface Dataset {
  xs: Float64Array;
  ys: Float64Array;
}

export interface DemoOptions {
  datasets: string[];
  outputs: string[];
  losses: string[];
  inits: string[];
  limits: Record<string, number>;
}

export interface NetworkSpec {
  /** 2 inputs, 0 to 6 hidden layers of 1 to 8 units, 1 output. */
  layers?: number[];
  /** One catalogue id for every hidden layer, or one per hidden layer (input side first). */
  /** A catalogue id or a compiled formula (lab.compile) for every hidden layer, or one per hidden layer. */
  activation?: string | Expression | (string | Expression)[];
  /** One parameter object, or one per entry of `activation` (a formula's: its parameters by name). */
  params?: Params | null | Array<Params | null>;
  output?: string;
  loss?: string;
  learningRate?: number;
  /** L2 weight decay λ in [0, 1] (weights only, not biases). */
  weightDecay?: number;
  seed?: number;
  init?: string;
  /** The weight of the `constant` init, within ±10. */
  initValue?: number;
}

/** One pass over a data set: loss, accuracy and, per hidden layer, the share of units that are 0 on every point. */
export interface NetworkEvaluation {
  loss: number;
  accuracy: number;
  dead: Float64Array;
}

export interface GridOptions {
  cols?: number;
  rows?: number;
  x?: [number, number];
  y?: [number, number];
  units?: boolean;
}

/** The grid and, per hidden unit (layer by layer), its output over the same grid: views into the heap. */
export interface GridWithUnits {
  grid: Float32Array;
  units: Float32Array[];
}

export type NumberFormat = 'float64' | 'float32' | 'bfloat16' | 'float16';

/** Where rounding to a format changes a function: an x, or null where the range holds no such point. */
export interface FormatMarkers {
  saturatesAbove: number | null;
  saturatesBelow: number | null;
  derivativeZeroAbove: number | null;
  derivativeZeroBelow: number | null;
  expOverflow: number | null;
}

export interface LayerWeights {
  inputs: number;
  outputs: number;
  weights: Float64Array;
  biases: Float64Array;
}

/** A small trainable network held by the module; free it with delete(). */
export interface Network {
  readonly layers: number[];
  /** The id given for every hidden layer, or the list given per layer. */
  readonly activation: string | Expression | (string | Expression)[];
  readonly output: string;
  readonly loss: string;
  readonly init: string;
  readonly initValue: number;
  readonly learningRate: number;
  readonly weightDecay: number;
  readonly seed: number;
  /** Trains in place; returns the loss after the last epoch. */
  train(data: Dataset, options?: { epochs?: number; batchSize?: number }): number;
  lossOn(data: Dataset): number;
  accuracy(data: Dataset): number;
  predict(xs: Numbers): Float64Array;
  /** P(class 1) on a cols × rows grid: a view into the heap, valid until the next call. */
  predictGrid(options: GridOptions & { units: true }): GridWithUnits;
  predictGrid(options?: GridOptions & { units?: false }): Float32Array;
  predictGrid(options?: GridOptions): Float32Array | GridWithUnits;
  evaluate(data: Dataset): NetworkEvaluation;
  /** Per weight layer (the output layer last): RMS over the last epoch's steps of ‖∂loss/∂W‖. */
  gradientNorms(): Float64Array;
  parameters(): Float64Array;
  /** Replaces every parameter (parameters() layout, all finite); throws RangeError otherwise. */
  setParameters(values: ArrayLike<number>): void;
  weights(): LayerWeights[];
  gradient(data: Dataset): Float64Array;
  collapsed(): { matrix: [number, number]; bias: number };
  delete(): void;
}

/** A formula in x compiled by the module (lab.compile): evaluated over arrays in one call each. */
export interface Expression {
  readonly text: string;
  /** Names that are neither x, a constant nor a function: the formula's parameters. */
  readonly params: { name: string; default: number; min: number; max: number }[];
  readonly usesX: boolean;
  evaluate(xs: Numbers, params?: Params | null): Float64Array;
  /** The exact derivative (forward-mode automatic differentiation). */
  derivative(xs: Numbers, params?: Params | null): Float64Array;
  evaluateBoth(xs: Numbers, params?: Params | null): { value: Float64Array; derivative: Float64Array };
  /** The summary table's properties, computed numerically (sampled over [−50, 50] and at far points). */
  properties(params?: Params | null): ExpressionProperties;
}

/** A formula's properties as the catalogue's rows state them, found by sampling (each one can be wrong). */
export interface ExpressionProperties {
  /** Infimum and supremum of the finite values (±Infinity when unbounded) and whether some x reaches each. */
  range: { lo: number; hi: number; loAttained: boolean; hiAttained: boolean };
  /** lim f at −∞ and +∞, estimated from far points: a number, ±Infinity, or NaN when none was found. */
  limits: { negative: number; positive: number };
  monotonic: boolean;
  /** For standard normal inputs the outputs average about 0 and take both signs. */
  zeroCentred: boolean;
  smoothness: Smoothness;
  /** Where f jumps. */
  jumps: number[];
  /** Where f is continuous and f′ jumps (or is unbounded). */
  kinks: number[];
  /** Where f′ is continuous and f″ jumps (looked for only when there is no kink). */
  bends: number[];
  saturation: Saturation;
  /** f(0) = 0 and f′ = 1 at 0 from both sides. */
  identityNearZero: boolean;
  /** Where f has no finite value, as [lo, hi] (a tail has ±Infinity; a pole has lo = hi). */
  undefinedWhere: [number, number][];
  /** The catalogue row at its defaults nearest in RMS over [−5, 5], or null if f is undefined on half of it. */
  closest: { id: string; distance: number } | null;
}

/** Thrown by lab.compile for a formula it cannot read: what (`code`) and where (`position`, `length`). */
export interface ExpressionError extends SyntaxError {
  code: string;
  position: number;
  length: number;
  minArgs?: number;
  maxArgs?: number;
}

export interface ActivationLab {
  catalogue(): CatalogueRow[];
  evaluate(id: string, xs: Numbers, params?: Params | null): Float64Array;
  derivative(id: string, xs: Numbers, params?: Params | null): Float64Array;
  createBuffer(length: number, options: { type: 'float32' }): ActivationBuffer<Float32Array>;
  createBuffer(length: number, options?: { type?: 'float64' }): ActivationBuffer<Float64Array>;
  createBuffer(length: number, options?: { type?: 'float32' | 'float64' }): ActivationBuffer;
  neuron(spec: NeuronSpec): { z: number; output: number; derivative: number };
  softmax(xs: Numbers, options?: { temperature?: number } | null): Float64Array;
  randn(n: number, seed: number | bigint): Float32Array;
  formatTensor(values: Numbers): string;
  heapStats(): { memoryBytes: number; inUseBytes: number };
  /** Compiles a formula in x; throws an ExpressionError when it cannot. */
  compile(text: string): Expression;
  /** The formula language's limits and the names it knows as functions. */
  expressionInfo(): {
    maxLength: number; maxDepth: number; maxParams: number; paramDefault: number; paramMin: number; paramMax: number;
    functions: string[];
  };
  /** How many compiled programs the module holds (bounded; for leak checks). */
  expressionCount(): number;
  demoOptions(): DemoOptions;
  Network: new (spec?: NetworkSpec) => Network;
  dataset(name: string, options?: { n?: number; noise?: number; seed?: number }): Dataset;
  gradientByDepth(options?: {
    depth?: number; width?: number; activation?: string | Expression; params?: Params | null; init?: string; samples?: number; seed?: number;
  }): { gradients: Float64Array; weightGradients: Float64Array };
  /** The formats roundToFormat and formatMarkers know, in the order formatMarkers lists them. */
  numberFormats(): NumberFormat[];
  /** Each value rounded to the nearest value of the format (ties to even), as a Float64Array. */
  roundToFormat(values: Numbers, format: NumberFormat): Float64Array;
  formatMarkers(activation: string, options?: { params?: Params | null; range?: [number, number] } | null):
    Record<NumberFormat, FormatMarkers>;
  outputHistogram(options?: {
    activation?: string; params?: Params | null; samples?: number; scale?: number; seed?: number; bins?: number;
    range?: [number, number];
  }): { counts: Float64Array; lo: number; hi: number; below: number; above: number; min: number; max: number };
}

/** Emscripten's module options; the module takes the usual ones (locateFile, print, …). */
export type ModuleOptions = Record<string, unknown>;

/** Loads the module: in a page the global `createActivationLab`, in Node `require('dist/activation-lab.js')`. */
export type CreateActivationLab = (options?: ModuleOptions) => Promise<ActivationLab>;

declare const createActivationLab: CreateActivationLab;
export default createActivationLab;

declare global {
  interface Window {
    createActivationLab: CreateActivationLab;
    activationLab?: ActivationLab;
  }
}
