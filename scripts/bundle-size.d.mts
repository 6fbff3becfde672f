// Types for bundle-size.mjs (imported by packages/browser/test/bundle-size.test.ts).
export type Bundler = "rolldown" | "esbuild";
export interface Scenario {
  name: string;
  /** gzip budget, bytes, for each bundler's output */
  budget: number;
  source: string;
}
export interface Measurement {
  name: string;
  bundler: Bundler;
  budget: number;
  minified: number;
  gzip: number;
  /** chunks loaded only through import(): their inputs and sizes */
  lazy: { inputs: string[]; minified: number; gzip: number }[];
  contributors: { input: string; bytes: number }[];
  packages: { name: string; bytes: number }[];
}
export const BUNDLERS: Bundler[];
export const SCENARIOS: Scenario[];
export const REQUIRED_BUILDS: string[];
export function missingBuilds(): string[];
export function measure(scenario: Scenario, bundler?: Bundler): Promise<Measurement>;
export function measureAll(): Promise<Measurement[]>;
export function summary(m: Measurement): string;
export function report(m: Measurement, top?: number): string;
