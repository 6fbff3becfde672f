import type { Spectrum, TimelineEntry } from "@voxwire/conformance";
import { formatMs, html, type Markup, n } from "./html.js";

const WIDTH = 960;
const GUTTER = 120;
const PAD = 16;
const PLOT = WIDTH - GUTTER - PAD;
/** Control markers drawn one by one (each with its tooltip); past this they are left to the list. */
const MAX_MARKERS = 400;
/** Audio frames closer than this belong to one stretch of audio (a longer gap is a pause between turns). */
export const RUN_GAP_MS = 120;

interface Lane {
  readonly label: string;
  readonly cls: string;
  readonly match: (e: TimelineEntry) => boolean;
}

const LANES: readonly Lane[] = [
  { label: "agent audio ↓", cls: "in-audio", match: (e) => e.dir === "in" && e.kind === "audio" },
  { label: "caller audio ↑", cls: "out-audio", match: (e) => e.dir === "out" && e.kind === "audio" },
  { label: "clears", cls: "clear", match: (e) => e.kind === "clear" },
  { label: "marks", cls: "mark", match: (e) => e.kind === "mark" },
  { label: "events ↓", cls: "in-event", match: (e) => e.dir === "in" && e.kind === "event" },
  { label: "events ↑", cls: "out-event", match: (e) => e.dir === "out" && e.kind === "event" },
];
const LANE_H = 24;
const TOP = 8;

/** A span to point out on a timeline (the barge-in: from the user talking to the clear). */
export interface Highlight {
  readonly fromMs: number;
  readonly toMs: number;
  readonly label: string;
}

/**
 * A call's frames on one time axis, a lane per kind: audio as ticks (one per frame) over the
 * stretches they make, clears, marks and control events as markers with their name and time
 * as a tooltip.
 */
export function timelineSvg(entries: readonly TimelineEntry[], title: string, highlight?: Highlight): Markup {
  const end = Math.max(1, ...entries.map((e) => e.atMs), highlight?.toMs ?? 0);
  const x = (t: number) => GUTTER + (Math.max(0, t) / end) * PLOT;
  const axisY = TOP + LANES.length * LANE_H;
  const height = axisY + 30;
  let markers = 0;
  const lanes = LANES.map((lane, i) => {
    const y = TOP + i * LANE_H;
    const mine = entries.filter(lane.match);
    const band = html`<rect class="lane" x="${GUTTER}" y="${y}" width="${PLOT}" height="${LANE_H - 4}"/><text class="lane-label" x="${GUTTER - 8}" y="${y + 14}" text-anchor="end">${lane.label}</text>`;
    if (lane.cls.endsWith("audio")) return [band, audioLane(mine, y, x, lane.cls)];
    const drawn = mine.slice(0, Math.max(0, MAX_MARKERS - markers));
    markers += drawn.length;
    return [
      band,
      drawn.map(
        (e) =>
          html`<g class="marker ${lane.cls}"><title>${formatMs(e.atMs)} ${e.dir === "in" ? "in" : "out"}: ${e.name ?? e.kind}${e.bytes !== undefined ? ` (${e.bytes} bytes)` : ""}</title><rect x="${n(x(e.atMs) - 2)}" y="${y + 2}" width="4" height="${LANE_H - 8}" rx="1"/></g>`,
      ),
    ];
  });
  const mark = highlight
    ? html`<g class="highlight"><title>${highlight.label}</title><rect x="${n(x(highlight.fromMs))}" y="${TOP - 4}" width="${n(Math.max(2, x(highlight.toMs) - x(highlight.fromMs)))}" height="${LANES.length * LANE_H + 2}"/><text x="${n(x(highlight.toMs) + 4)}" y="${TOP + 2 * LANE_H + 14}">${highlight.label}</text></g>`
    : "";
  return html`<svg class="chart timeline" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${lanes}${mark}${timeAxis(end, axisY, x)}</svg>`;
}

function audioLane(frames: readonly TimelineEntry[], y: number, x: (t: number) => number, cls: string): Markup {
  const runs: { from: number; to: number; frames: number; bytes: number; samples: number }[] = [];
  for (const f of frames) {
    const last = runs.at(-1);
    if (last && f.atMs - last.to <= RUN_GAP_MS) {
      last.to = f.atMs;
      last.frames++;
      last.bytes += f.bytes ?? 0;
      last.samples += f.samples ?? 0;
    } else runs.push({ from: f.atMs, to: f.atMs, frames: 1, bytes: f.bytes ?? 0, samples: f.samples ?? 0 });
  }
  const ticks = frames.map((f) => `M${n(x(f.atMs))} ${y + 3}v${LANE_H - 10}`).join("");
  return html`${runs.map(
    (r) =>
      html`<g class="run ${cls}"><title>${r.frames} frames, ${r.samples} samples, ${r.bytes} bytes: ${formatMs(r.from)} – ${formatMs(r.to)}</title><rect x="${n(x(r.from) - 1)}" y="${y + 1}" width="${n(Math.max(3, x(r.to) - x(r.from) + 2))}" height="${LANE_H - 6}" rx="2"/></g>`,
  )}${ticks ? html`<path class="ticks ${cls}" d="${ticks}"/>` : ""}`;
}

function timeAxis(end: number, y: number, x: (t: number) => number): Markup {
  const step = niceStep(end / 8);
  const ticks: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += step) ticks.push(t);
  return html`<g class="axis"><path d="M${GUTTER} ${y}H${GUTTER + PLOT}"/>${ticks.map(
    (t) => html`<path d="M${n(x(t))} ${y}v5"/><text x="${n(x(t))}" y="${y + 18}" text-anchor="middle">${formatMs(t)}</text>`,
  )}</g>`;
}

/** 1, 2 or 5 × a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** A bar per bin of `values` (ms), `binMs` wide; the last bin takes everything beyond. */
export function histogramSvg(
  values: readonly number[],
  title: string,
  { binMs = 2, maxBins = 40 }: { binMs?: number; maxBins?: number } = {},
): Markup {
  const w = 460;
  const h = 180;
  const left = 40;
  const bottom = h - 28;
  const top = 10;
  const plotW = w - left - 20;
  const top95 = [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? 0;
  const bins = Math.max(1, Math.min(maxBins, Math.ceil((top95 + binMs / 2) / binMs) + 1));
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(v / binMs)))]!++;
  const most = Math.max(1, ...counts);
  const barW = plotW / bins;
  const bars = counts.map((c, i) => {
    const bh = ((bottom - top) * c) / most;
    const range = i === bins - 1 ? `≥ ${i * binMs} ms` : `${i * binMs}–${(i + 1) * binMs} ms`;
    return html`<g class="bar"><title>${range}: ${c} gap${c === 1 ? "" : "s"}</title><rect x="${n(left + i * barW + 1)}" y="${n(bottom - bh)}" width="${n(Math.max(1, barW - 2))}" height="${n(bh)}"/></g>`;
  });
  const step = niceStep((bins * binMs) / 6);
  const labels: Markup[] = [];
  for (let t = 0; t <= bins * binMs; t += step)
    labels.push(html`<text x="${n(left + (t / binMs) * barW)}" y="${bottom + 16}" text-anchor="middle">${t}</text>`);
  return html`<svg class="chart histogram" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${bars}<g class="axis"><path d="M${left} ${bottom}H${left + plotW}"/>${labels}<text x="${left + plotW}" y="${bottom + 26}" text-anchor="end">gap, ms</text><text x="${left - 6}" y="${top + 8}" text-anchor="end">${most}</text><text x="${left - 6}" y="${bottom}" text-anchor="end">0</text></g></svg>`;
}

/** Levels (dBFS) against frequency, the peak pointed out; `expectedHz` drawn as a dashed line. */
export function spectrumSvg(spectrum: Spectrum, title: string, expectedHz?: number): Markup {
  const w = 460;
  const h = 230;
  const left = 44;
  const bottom = h - 32;
  const top = 22;
  const plotW = w - left - 28;
  const maxHz = Math.max(1, spectrum.stepHz * (spectrum.db.length - 1));
  const floor = -100;
  const x = (hz: number) => left + (hz / maxHz) * plotW;
  const y = (db: number) => top + ((0 - Math.max(floor, Math.min(0, db))) / -floor) * (bottom - top);
  const line = spectrum.db.map((db, i) => `${i === 0 ? "M" : "L"}${n(x(i * spectrum.stepHz))} ${n(y(db))}`).join("");
  const area = `${line}L${n(x(maxHz))} ${bottom}L${left} ${bottom}Z`;
  const peakDb = Math.max(...spectrum.db);
  const grid: Markup[] = [];
  for (let db = 0; db >= floor; db -= 20)
    grid.push(
      html`<path class="grid" d="M${left} ${n(y(db))}H${left + plotW}"/><text x="${left - 6}" y="${n(y(db) + 4)}" text-anchor="end">${db}</text>`,
    );
  const hzStep = niceStep(maxHz / 6);
  const labels: Markup[] = [];
  for (let hz = 0; hz <= maxHz + 1e-9; hz += hzStep) labels.push(html`<text x="${n(x(hz))}" y="${bottom + 16}" text-anchor="middle">${hz}</text>`);
  const expected =
    expectedHz !== undefined && expectedHz <= maxHz
      ? html`<g class="expected"><title>sent: ${expectedHz} Hz</title><path d="M${n(x(expectedHz))} ${top}V${bottom}"/></g>`
      : "";
  return html`<svg class="chart spectrum" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${grid}${expected}<path class="area" d="${area}"/><path class="line" d="${line}"/><g class="peak"><title>peak ${spectrum.peakHz} Hz at ${peakDb} dBFS</title><circle cx="${n(x(spectrum.peakHz))}" cy="${n(y(peakDb))}" r="4"/><text x="${n(x(spectrum.peakHz) + 8)}" y="${n(y(peakDb) + 4)}">${spectrum.peakHz} Hz, ${peakDb} dBFS</text></g><g class="axis"><path d="M${left} ${bottom}H${left + plotW}"/>${labels}<text x="${left + plotW + 24}" y="${bottom + 28}" text-anchor="end">Hz</text><text x="${left}" y="${top - 10}" text-anchor="middle">dBFS</text></g></svg>`;
}

/** A horizontal bar per value (ms), on one scale: barge-in latency across dialects. */
export function barsSvg(items: readonly { label: string; ms: number; failed?: boolean }[], title: string): Markup {
  const w = 640;
  const rowH = 22;
  const left = 130;
  const plotW = w - left - 80;
  const h = items.length * rowH + 30;
  const most = Math.max(1, ...items.map((i) => i.ms));
  const scale = niceStep(most / 4) * Math.ceil(most / niceStep(most / 4));
  const rows = items.map((item, i) => {
    const y = 6 + i * rowH;
    const bw = (Math.max(0, item.ms) / scale) * plotW;
    return html`<g class="bar${item.failed ? " failed" : ""}"><title>${item.label}: ${formatMs(item.ms)}</title><text class="lane-label" x="${left - 8}" y="${y + 13}" text-anchor="end">${item.label}</text><rect x="${left}" y="${y}" width="${n(Math.max(1, bw))}" height="${rowH - 6}" rx="2"/><text x="${n(left + bw + 6)}" y="${y + 13}">${formatMs(item.ms)}</text></g>`;
  });
  const axisY = items.length * rowH + 8;
  return html`<svg class="chart bars" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${rows}<g class="axis"><path d="M${left} ${axisY}H${left + plotW}"/><text x="${left}" y="${axisY + 16}" text-anchor="middle">0</text><text x="${left + plotW}" y="${axisY + 16}" text-anchor="middle">${formatMs(scale)}</text></g></svg>`;
}
