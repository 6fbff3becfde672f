// Types for bundle-size.mjs (imported by packages/browser/test/bundle-size.test.ts).
export interface Scenario {
  name: string;
  /** gzip budget, bytes */
  budget: number;
  /** the goal when looser than the budget: missing it is reported, not failed */
  target?: number;
  source: string;
}
export interface Measurement {
  name: string;
  budget: number;
  target: number | undefined;
  minified: number;
  gzip: number;
  contributors: { input: string; bytes: number }[];
  packages: { name: string; bytes: number }[];
}
export const SCENARIOS: Scenario[];
export const REQUIRED_BUILDS: string[];
export function missingBuilds(): string[];
export function measure(scenario: Scenario): Promise<Measurement>;
export function measureAll(): Promise<Measurement[]>;
export function summary(m: Measurement): string;
export function report(m: Measurement, top?: number): string;
