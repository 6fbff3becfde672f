;; The resampler's inner loops in WebAssembly SIMD (f32x4). Assembled by build.mjs into
;; src/audio/resampler-kernel-wasm-bytes.ts; the TypeScript loops in resampler-kernel-js.ts are
;; the reference and the fallback. All offsets are byte offsets into the imported memory.
;;
;; run_*: for each of `count` outputs, the dot product of `taps` history samples starting at
;; hist[pos] with phase `phase`'s coefficients; then pos/phase step by M/L (posStep, phaseStep).
;; `taps` is a multiple of 4. Two accumulators per output, eight taps per iteration; the
;; summation order is fixed, so an output never depends on how the input was chunked.
(module
  (import "env" "memory" (memory 1))

  ;; run_*: outputs two at a time (four independent add chains, one loop for both), then a lone
  ;; last one. Each output's own arithmetic is the same whether it is paired or not, so the
  ;; split of a stream into calls never changes a result.
  ;; PCM16 outputs, rounded half away from zero and clamped (as the TypeScript loop does).
  (func (export "run_i16")
    (param $coef i32) (param $taps i32) (param $phases i32) (param $posStep i32) (param $phaseStep i32)
    (param $hist i32) (param $pos i32) (param $phase i32) (param $count i32) (param $out i32)
    (local $c i32) (local $x i32) (local $d i32) (local $y i32) (local $end i32) (local $stride i32)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128) (local $v f32)
    (local.set $stride (i32.shl (local.get $taps) (i32.const 2)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.lt_u (local.get $count) (i32.const 2)))
        (local.set $c (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $stride))))
        (local.set $x (i32.add (local.get $hist) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $end (i32.add (local.get $x) (local.get $stride)))
        (local.set $pos (i32.add (local.get $pos) (local.get $posStep)))
        (local.set $phase (i32.add (local.get $phase) (local.get $phaseStep)))
        (if (i32.ge_u (local.get $phase) (local.get $phases))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $phases)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
        (local.set $d (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $stride))))
        (local.set $y (i32.add (local.get $hist) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $pos (i32.add (local.get $pos) (local.get $posStep)))
        (local.set $phase (i32.add (local.get $phase) (local.get $phaseStep)))
        (if (i32.ge_u (local.get $phase) (local.get $phases))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $phases)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $b0 (v128.const i32x4 0 0 0 0))
        (local.set $b1 (v128.const i32x4 0 0 0 0))
        (if (i32.and (local.get $taps) (i32.const 4))
          (then
            (local.set $a0 (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x))))
            (local.set $b0 (f32x4.mul (v128.load (local.get $d)) (v128.load (local.get $y))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (local.set $y (i32.add (local.get $y) (i32.const 16)))))
        (block $dot2_done
          (br_if $dot2_done (i32.ge_u (local.get $x) (local.get $end)))
          (loop $dot2
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x)))))
            (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (v128.load (local.get $d)) (v128.load (local.get $y)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $c)) (v128.load offset=16 (local.get $x)))))
            (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (v128.load offset=16 (local.get $d)) (v128.load offset=16 (local.get $y)))))
            (local.set $c (i32.add (local.get $c) (i32.const 32)))
            (local.set $x (i32.add (local.get $x) (i32.const 32)))
            (local.set $d (i32.add (local.get $d) (i32.const 32)))
            (local.set $y (i32.add (local.get $y) (i32.const 32)))
            (br_if $dot2 (i32.lt_u (local.get $x) (local.get $end)))))
        (local.set $a0 (f32x4.add (local.get $a0) (local.get $a1)))
        (local.set $a0 (f32x4.add (local.get $a0)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a0) (local.get $a0))))
        (local.set $v (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0))))
        (local.set $v (f32.min (f32.max (local.get $v) (f32.const -32768)) (f32.const 32767)))
        (i32.store16 (local.get $out)
          (i32.trunc_sat_f32_s (f32.add (local.get $v) (f32.copysign (f32.const 0.5) (local.get $v)))))
        (local.set $out (i32.add (local.get $out) (i32.const 2)))
        (local.set $b0 (f32x4.add (local.get $b0) (local.get $b1)))
        (local.set $b0 (f32x4.add (local.get $b0)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $b0) (local.get $b0))))
        (local.set $v (f32.add (f32x4.extract_lane 0 (local.get $b0)) (f32x4.extract_lane 1 (local.get $b0))))
        (local.set $v (f32.min (f32.max (local.get $v) (f32.const -32768)) (f32.const 32767)))
        (i32.store16 (local.get $out)
          (i32.trunc_sat_f32_s (f32.add (local.get $v) (f32.copysign (f32.const 0.5) (local.get $v)))))
        (local.set $out (i32.add (local.get $out) (i32.const 2)))
        (local.set $count (i32.sub (local.get $count) (i32.const 2)))
        (br $pairs)))
    (if (local.get $count)
      (then
        (local.set $c (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $stride))))
        (local.set $x (i32.add (local.get $hist) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $end (i32.add (local.get $x) (local.get $stride)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (if (i32.and (local.get $taps) (i32.const 4))
          (then
            (local.set $a0 (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))))
        (block $dot_done
          (br_if $dot_done (i32.ge_u (local.get $x) (local.get $end)))
          (loop $dot
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $c)) (v128.load offset=16 (local.get $x)))))
            (local.set $c (i32.add (local.get $c) (i32.const 32)))
            (local.set $x (i32.add (local.get $x) (i32.const 32)))
            (br_if $dot (i32.lt_u (local.get $x) (local.get $end)))))
        (local.set $a0 (f32x4.add (local.get $a0) (local.get $a1)))
        (local.set $a0 (f32x4.add (local.get $a0)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a0) (local.get $a0))))
        (local.set $v (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0))))
        (local.set $v (f32.min (f32.max (local.get $v) (f32.const -32768)) (f32.const 32767)))
        (i32.store16 (local.get $out)
          (i32.trunc_sat_f32_s (f32.add (local.get $v) (f32.copysign (f32.const 0.5) (local.get $v)))))
        (local.set $out (i32.add (local.get $out) (i32.const 2))))))

  ;; Float outputs, multiplied by `scale` (1/32768: history is kept in PCM16 units).
  (func (export "run_f32")
    (param $coef i32) (param $taps i32) (param $phases i32) (param $posStep i32) (param $phaseStep i32)
    (param $hist i32) (param $pos i32) (param $phase i32) (param $count i32) (param $out i32) (param $scale f32)
    (local $c i32) (local $x i32) (local $d i32) (local $y i32) (local $end i32) (local $stride i32)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128) (local $v f32)
    (local.set $stride (i32.shl (local.get $taps) (i32.const 2)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.lt_u (local.get $count) (i32.const 2)))
        (local.set $c (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $stride))))
        (local.set $x (i32.add (local.get $hist) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $end (i32.add (local.get $x) (local.get $stride)))
        (local.set $pos (i32.add (local.get $pos) (local.get $posStep)))
        (local.set $phase (i32.add (local.get $phase) (local.get $phaseStep)))
        (if (i32.ge_u (local.get $phase) (local.get $phases))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $phases)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
        (local.set $d (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $stride))))
        (local.set $y (i32.add (local.get $hist) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $pos (i32.add (local.get $pos) (local.get $posStep)))
        (local.set $phase (i32.add (local.get $phase) (local.get $phaseStep)))
        (if (i32.ge_u (local.get $phase) (local.get $phases))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $phases)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $b0 (v128.const i32x4 0 0 0 0))
        (local.set $b1 (v128.const i32x4 0 0 0 0))
        (if (i32.and (local.get $taps) (i32.const 4))
          (then
            (local.set $a0 (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x))))
            (local.set $b0 (f32x4.mul (v128.load (local.get $d)) (v128.load (local.get $y))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (local.set $y (i32.add (local.get $y) (i32.const 16)))))
        (block $dot2_done
          (br_if $dot2_done (i32.ge_u (local.get $x) (local.get $end)))
          (loop $dot2
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x)))))
            (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (v128.load (local.get $d)) (v128.load (local.get $y)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $c)) (v128.load offset=16 (local.get $x)))))
            (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (v128.load offset=16 (local.get $d)) (v128.load offset=16 (local.get $y)))))
            (local.set $c (i32.add (local.get $c) (i32.const 32)))
            (local.set $x (i32.add (local.get $x) (i32.const 32)))
            (local.set $d (i32.add (local.get $d) (i32.const 32)))
            (local.set $y (i32.add (local.get $y) (i32.const 32)))
            (br_if $dot2 (i32.lt_u (local.get $x) (local.get $end)))))
        (local.set $a0 (f32x4.add (local.get $a0) (local.get $a1)))
        (local.set $a0 (f32x4.add (local.get $a0)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a0) (local.get $a0))))
        (local.set $v (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0))))
        (f32.store (local.get $out) (f32.mul (local.get $v) (local.get $scale)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $b0 (f32x4.add (local.get $b0) (local.get $b1)))
        (local.set $b0 (f32x4.add (local.get $b0)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $b0) (local.get $b0))))
        (local.set $v (f32.add (f32x4.extract_lane 0 (local.get $b0)) (f32x4.extract_lane 1 (local.get $b0))))
        (f32.store (local.get $out) (f32.mul (local.get $v) (local.get $scale)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $count (i32.sub (local.get $count) (i32.const 2)))
        (br $pairs)))
    (if (local.get $count)
      (then
        (local.set $c (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $stride))))
        (local.set $x (i32.add (local.get $hist) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $end (i32.add (local.get $x) (local.get $stride)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (if (i32.and (local.get $taps) (i32.const 4))
          (then
            (local.set $a0 (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))))
        (block $dot_done
          (br_if $dot_done (i32.ge_u (local.get $x) (local.get $end)))
          (loop $dot
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (local.get $c)) (v128.load (local.get $x)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $c)) (v128.load offset=16 (local.get $x)))))
            (local.set $c (i32.add (local.get $c) (i32.const 32)))
            (local.set $x (i32.add (local.get $x) (i32.const 32)))
            (br_if $dot (i32.lt_u (local.get $x) (local.get $end)))))
        (local.set $a0 (f32x4.add (local.get $a0) (local.get $a1)))
        (local.set $a0 (f32x4.add (local.get $a0)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a0) (local.get $a0))))
        (local.set $v (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0))))
        (f32.store (local.get $out) (f32.mul (local.get $v) (local.get $scale)))
        (local.set $out (i32.add (local.get $out) (i32.const 4))))))

  ;; PCM16 samples at src to floats at dst (history in PCM16 units), eight at a time.
  (func (export "load_i16") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32) (local $v v128)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 1))))
    (block $vec_done
      (br_if $vec_done (i32.ge_u (local.get $src) (local.get $end)))
      (loop $vec
        (local.set $v (v128.load (local.get $src)))
        (v128.store (local.get $dst) (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_s (local.get $v))))
        (v128.store offset=16 (local.get $dst) (f32x4.convert_i32x4_s (i32x4.extend_high_i16x8_s (local.get $v))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
        (br_if $vec (i32.lt_u (local.get $src) (local.get $end)))))
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const 1))))
    (block $tail_done
      (br_if $tail_done (i32.ge_u (local.get $src) (local.get $end)))
      (loop $tail
        (f32.store (local.get $dst) (f32.convert_i32_s (i32.load16_s (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 2)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br_if $tail (i32.lt_u (local.get $src) (local.get $end))))))

  ;; Floats in [-1, 1] at src to PCM16 units at dst: NaN becomes 0, magnitudes clamp at `limit`.
  (func (export "load_f32") (param $src i32) (param $dst i32) (param $n i32) (param $limit f32)
    (local $end i32) (local $v v128) (local $hi v128) (local $lo v128) (local $gain v128)
    (local.set $hi (f32x4.splat (local.get $limit)))
    (local.set $lo (f32x4.neg (local.get $hi)))
    (local.set $gain (f32x4.splat (f32.const 32768)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (loop $each
        (local.set $v (f32x4.mul (v128.load (local.get $src)) (local.get $gain)))
        (local.set $v (v128.and (local.get $v) (f32x4.eq (local.get $v) (local.get $v))))
        (v128.store (local.get $dst) (f32x4.min (f32x4.max (local.get $v) (local.get $lo)) (local.get $hi)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br_if $each (i32.lt_u (local.get $src) (local.get $end))))))
)
