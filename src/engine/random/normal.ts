// Standard normal variates by the Marsaglia–Tsang ziggurat (128 layers, 2000):
// one 32-bit draw, one table look-up and one multiply in about 99 % of cases.
import type { StreamBank } from './streams';

const LAYERS = 128;
const R = 3.442619855899;
/** The ziggurat's tables (exported for the WebAssembly kernel, which draws with the same ones). */
export const kn = new Int32Array(LAYERS);
export const wn = new Float64Array(LAYERS);
export const fn = new Float64Array(LAYERS);

(function buildTables() {
  const m1 = 2147483648.0;
  const vn = 9.91256303526217e-3;
  let dn = R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.trunc((dn / q) * m1);
  kn[1] = 0;
  wn[0] = q / m1;
  wn[LAYERS - 1] = dn / m1;
  fn[0] = 1.0;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.trunc((dn / tn) * m1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / m1;
  }
})();

/** A standard normal variate from stream b of the bank. */
export function standardNormal(bank: StreamBank, b: number): number {
  const hz = bank.nextInt(b);
  const iz = hz & (LAYERS - 1);
  if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  return slowPath(bank, b, hz, iz);
}

/**
 * Writes `count` standard normals from stream b to out[at], out[at + step], …,
 * exactly the numbers `count` calls of standardNormal would give. The stream's
 * state stays in locals across the draws, which is what makes this the fast way.
 */
export function fillNormals(
  bank: StreamBank,
  b: number,
  out: Float64Array,
  at: number,
  step: number,
  count: number
): void {
  const s = bank.state;
  const j = 4 * b;
  let s01 = s[j];
  let s00 = s[j + 1];
  let s11 = s[j + 2];
  let s10 = s[j + 3];
  for (let c = 0; c < count; c++) {
    // xoroshiro128+ step, as StreamBank.nextInt.
    const hz = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const n00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s00 = n00;
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < kn[iz]) {
      out[at + c * step] = hz * wn[iz];
      continue;
    }
    s[j] = s01;
    s[j + 1] = s00;
    s[j + 2] = s11;
    s[j + 3] = s10;
    out[at + c * step] = slowPath(bank, b, hz, iz);
    s01 = s[j];
    s00 = s[j + 1];
    s11 = s[j + 2];
    s10 = s[j + 3];
  }
  s[j] = s01;
  s[j + 1] = s00;
  s[j + 2] = s11;
  s[j + 3] = s10;
}

/** The draws outside a layer's core: the tail and the wedges (about 1 % of draws). */
function slowPath(bank: StreamBank, b: number, hz: number, iz: number): number {
  for (;;) {
    const x = hz * wn[iz];
    if (iz === 0) {
      // The tail beyond R, by Marsaglia's exponential rejection.
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(bank.uniform(b)) / R;
        ty = -Math.log(bank.uniform(b));
      } while (ty + ty < tx * tx);
      // Stryker disable next-line EqualityOperator: hz is never 0 here: hz = 0 (layer 0) takes the fast path, |0| < k[0]
      return hz > 0 ? R + tx : -R - tx;
    }
    if (fn[iz] + bank.uniform(b) * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = bank.nextInt(b);
    iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  }
}
