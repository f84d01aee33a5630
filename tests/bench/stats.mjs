// What the benchmarks share: they report medians (a run on a shared 2-core machine can be far off,
// and a mean would carry it). Never asserts; timings belong in notes, not in tests.

/** The middle value of `values` once sorted (the upper middle for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
