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
  smoothness: 'C0' | 'C1' | 'Cinf';
  saturation: string;
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
  layers?: number[];
  activation?: string;
  params?: Params | null;
  output?: string;
  loss?: string;
  learningRate?: number;
  seed?: number;
  init?: string;
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
  readonly activation: string;
  readonly output: string;
  readonly loss: string;
  readonly init: string;
  readonly learningRate: number;
  readonly seed: number;
  /** Trains in place; returns the loss after the last epoch. */
  train(data: Dataset, options?: { epochs?: number; batchSize?: number }): number;
  lossOn(data: Dataset): number;
  accuracy(data: Dataset): number;
  predict(xs: Numbers): Float64Array;
  /** P(class 1) on a cols × rows grid: a view into the heap, valid until the next call. */
  predictGrid(options?: { cols?: number; rows?: number; x?: [number, number]; y?: [number, number] }): Float32Array;
  parameters(): Float64Array;
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
    depth?: number; width?: number; activation?: string; params?: Params | null; init?: string; samples?: number; seed?: number;
  }): { gradients: Float64Array; weightGradients: Float64Array };
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
