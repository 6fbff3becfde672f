/*
 * The portable inner loop: one dot product of `taps` history samples with one phase's
 * coefficients per output. Four partial sums break the floating-point add chain; the order of
 * operations is fixed, so a given output never depends on how the input was chunked.
 */

export interface KernelState {
  /** History index of the oldest tap of the next output. */
  pos: number;
  /** Phase of the next output, 0 ≤ phase < phases. */
  phase: number;
}

export interface KernelGeometry {
  readonly phases: number;
  readonly step: number;
  readonly taps: number;
  readonly coefficients: Float32Array;
}

const INT16_MAX = 32767;
const INT16_MIN = -32768;
const FLOAT_FROM_INT16 = 1 / 32768;

/** Computes `count` outputs into `out[offset…]` as PCM16 (rounded half away from zero, clamped). */
export function runKernelInt16(g: KernelGeometry, history: Float32Array, state: KernelState, count: number, out: Int16Array, offset: number): void {
  const { phases, taps, coefficients: c } = g;
  const posStep = Math.floor(g.step / phases);
  const phaseStep = g.step % phases;
  let pos = state.pos;
  let phase = state.phase;
  for (let n = 0; n < count; n++) {
    let ci = phase * taps;
    let xi = pos;
    const end = xi + taps;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (; xi < end; xi += 4, ci += 4) {
      a0 += c[ci]! * history[xi]!;
      a1 += c[ci + 1]! * history[xi + 1]!;
      a2 += c[ci + 2]! * history[xi + 2]!;
      a3 += c[ci + 3]! * history[xi + 3]!;
    }
    let v = a0 + a1 + (a2 + a3);
    if (v >= INT16_MAX) v = INT16_MAX;
    else if (v <= INT16_MIN) v = INT16_MIN;
    else v += v < 0 ? -0.5 : 0.5;
    out[offset + n] = v;
    pos += posStep;
    phase += phaseStep;
    if (phase >= phases) {
      phase -= phases;
      pos++;
    }
  }
  state.pos = pos;
  state.phase = phase;
}

/** Computes `count` outputs into `out[offset…]` as floats in [−1, 1]. */
export function runKernelFloat32(
  g: KernelGeometry,
  history: Float32Array,
  state: KernelState,
  count: number,
  out: Float32Array,
  offset: number,
): void {
  const { phases, taps, coefficients: c } = g;
  const posStep = Math.floor(g.step / phases);
  const phaseStep = g.step % phases;
  let pos = state.pos;
  let phase = state.phase;
  for (let n = 0; n < count; n++) {
    let ci = phase * taps;
    let xi = pos;
    const end = xi + taps;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (; xi < end; xi += 4, ci += 4) {
      a0 += c[ci]! * history[xi]!;
      a1 += c[ci + 1]! * history[xi + 1]!;
      a2 += c[ci + 2]! * history[xi + 2]!;
      a3 += c[ci + 3]! * history[xi + 3]!;
    }
    out[offset + n] = (a0 + a1 + (a2 + a3)) * FLOAT_FROM_INT16;
    pos += posStep;
    phase += phaseStep;
    if (phase >= phases) {
      phase -= phases;
      pos++;
    }
  }
  state.pos = pos;
  state.phase = phase;
}
