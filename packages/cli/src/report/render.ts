import { type DialectReport, type ScenarioResult, type ScenarioStatus, type Tally, type TimelineEntry, TONE_HZ } from "@voxwire/conformance";
import { SecretSet } from "@voxwire/core";
import { formatMs, html, type Markup, trusted } from "./html.js";
import { REPORT_CSS } from "./style.js";
import { barsSvg, type Highlight, histogramSvg, RUN_GAP_MS, spectrumSvg, timelineSvg } from "./svg.js";

export interface CheckReportMeta {
  /** When the run ended (ISO 8601). */
  readonly generatedAt: string;
  readonly summary: Tally;
  /**
   * Values that must not appear in the page wherever they turn up (the run's key): the reports
   * are redacted already, this is the second lock.
   */
  readonly secrets?: readonly (string | undefined)[];
}

const WORD: Readonly<Record<ScenarioStatus, string>> = { passed: "PASS", failed: "FAIL", skipped: "skip" };
/** Control events listed under a timeline at most. */
const MAX_LISTED = 200;

/**
 * `voxwire check --report`: one self-contained HTML page (inline CSS and SVG, no script, no
 * external resource; its Content-Security-Policy forbids loading anything) with each dialect's
 * scenarios and, where a scenario recorded its call, the frames on a timeline, the gaps between
 * audio frames, the barge-in latency and the tone's spectrum. Pure: the same reports give the
 * same page. Every string from the run is escaped.
 */
export function renderCheckReport(reports: readonly DialectReport[], meta: CheckReportMeta): string {
  const secrets = new SecretSet().add(...(meta.secrets ?? []));
  const safe = scrub(reports, secrets) as readonly DialectReport[];
  const { summary } = meta;
  const verdict = summary.failed > 0 ? "failed" : "passed";
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="voxwire check">
<title>voxwire check: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header class="${verdict}">
<h1>voxwire check</h1>
<p class="meta">${safe.map((r) => r.dialect).join(", ")} · generated ${meta.generatedAt}</p>
<p class="tally"><span class="badge passed">${summary.passed} passed</span> <span class="badge failed">${summary.failed} failed</span> <span class="badge skipped">${summary.skipped} skipped</span></p>
<label class="filter"><input type="checkbox" id="only-problems"> show only failures</label>
</header>
<main>
${overview(safe)}
${safe.map((report, i) => dialectSection(report, i))}
</main>
<footer>Made by <code>voxwire check --report</code>. Self-contained: nothing here loads from the network, and the page runs no script.</footer>
</body>
</html>
`;
  return page.toString();
}

/** With several dialects: a grid of every scenario's status, and the barge-in latencies side by side. */
function overview(reports: readonly DialectReport[]): Markup | "" {
  if (reports.length < 2) return "";
  const ids = [...new Set(reports.flatMap((r) => r.results.map((s) => s.id)))];
  const latencies = reports.flatMap((r) => {
    const barge = r.results.find((s) => typeof s.measured.bargeInMs === "number");
    return barge ? [{ label: r.dialect, ms: barge.measured.bargeInMs as number, failed: barge.status === "failed" }] : [];
  });
  return html`<section class="overview"><h2>Overview</h2>
<table class="grid"><thead><tr><th>dialect</th>${ids.map((id) => html`<th>${id}</th>`)}</tr></thead><tbody>${reports.map(
    (r, i) =>
      html`<tr><th><a href="#dialect-${i}">${r.dialect}</a></th>${ids.map((id) => {
        const s = r.results.find((x) => x.id === id);
        return s ? html`<td class="${s.status}" title="${s.detail}">${WORD[s.status]}</td>` : html`<td class="none">–</td>`;
      })}</tr>`,
  )}</tbody></table>
${latencies.length > 0 ? html`<figure><figcaption>Barge-in latency: from the user talking over the agent to the agent's playback-clear</figcaption>${barsSvg(latencies, "barge-in latency by dialect")}</figure>` : ""}
</section>`;
}

function dialectSection(report: DialectReport, index: number): Markup {
  const how = report.target.startsWith("built-in") ? `${report.target}, ${report.fast ? "fast (no pacing)" : "real time"}` : report.target;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of report.results) counts[r.status]++;
  return html`<section class="dialect" id="dialect-${index}">
<h2>${report.dialect} <span class="target">${how}</span></h2>
<p class="tally small">${counts.passed} passed · ${counts.failed} failed · ${counts.skipped} skipped</p>
<table class="scenarios"><thead><tr><th>status</th><th>scenario</th><th>what was seen</th><th>measured</th></tr></thead>
<tbody>${report.results.map((r) => scenarioRow(r))}</tbody></table>
${report.results.map((r) => scenarioCharts(report, r, index))}
</section>`;
}

function scenarioRow(result: ScenarioResult): Markup {
  const measured = Object.entries(result.measured);
  return html`<tr class="scenario ${result.status}" data-scenario="${result.id}">
<td><span class="badge ${result.status}">${WORD[result.status]}</span></td>
<td><strong>${result.id}</strong><br><span class="title">${result.title}</span></td>
<td>${result.status === "passed" && result.summary ? html`<p class="summary">${result.summary}</p>` : ""}${result.status === "passed" && result.summary === result.detail ? "" : html`<p class="detail">${result.detail}</p>`}</td>
<td>${measured.length > 0 ? html`<dl>${measured.map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === "number" ? v : String(v)}</dd>`)}</dl>` : ""}</td>
</tr>`;
}

function scenarioCharts(report: DialectReport, result: ScenarioResult, index: number): Markup | "" {
  const timeline = result.timeline;
  if (!timeline?.length && !result.spectrum) return "";
  const parts: Markup[] = [];
  if (timeline?.length) {
    const bargeInMs = result.measured.bargeInMs;
    const clear = timeline.find((e) => e.dir === "in" && e.kind === "clear");
    const highlight: Highlight | undefined =
      typeof bargeInMs === "number" && clear
        ? { fromMs: clear.atMs - bargeInMs, toMs: clear.atMs, label: `barge-in ${formatMs(bargeInMs)}` }
        : undefined;
    const whose = result.id === "audio" ? "the shared call (the scenarios after bootstrap read it)" : "its own call";
    parts.push(
      html`<figure class="wide"><figcaption>Frames in (↓ from the vendor) and out (↑ to it), ${whose}: ${timeline.length} frames over ${formatMs(timeline.at(-1)!.atMs)}${result.timelineDropped ? html`; <strong>${result.timelineDropped} more left out</strong>` : ""}. Hover for details.</figcaption>${timelineSvg(timeline, `${report.dialect} ${result.id}: frames over time`, highlight)}</figure>`,
    );
    if (highlight)
      parts.push(
        html`<p class="latency">Barge-in latency: <strong>${formatMs(bargeInMs as number)}</strong> from the user's first frame to the agent's playback-clear; ${result.measured.audioAfterClearMs ?? 0} ms of agent audio after it.</p>`,
      );
    parts.push(gapCharts(timeline, report.fast));
    parts.push(eventList(timeline));
  }
  if (result.spectrum) {
    const s = result.spectrum;
    parts.push(
      html`<figure><figcaption>Spectrum of ${s.of}: ${s.seconds} s at ${s.sampleRate} Hz, ${s.db.length} bins of ${Math.round(s.stepHz * 10) / 10} Hz; peak ${s.peakHz} Hz (sent: ${TONE_HZ} Hz, dashed)</figcaption>${spectrumSvg(s, `${report.dialect}: spectrum of the tone`, TONE_HZ)}</figure>`,
    );
  }
  return html`<section class="charts ${result.status}" id="dialect-${index}-${result.id}"><h3>${result.id} <span class="title">${result.title}</span></h3><div class="figures">${parts}</div></section>`;
}

/** Histograms of the gaps between consecutive audio frames, each way. */
function gapCharts(timeline: readonly TimelineEntry[], fast: boolean): Markup {
  const charts = (["in", "out"] as const).flatMap((dir) => {
    const times = timeline.filter((e) => e.kind === "audio" && e.dir === dir).map((e) => e.atMs);
    const all = times.slice(1).map((t, i) => t - times[i]!);
    // A pause between turns is not jitter: only gaps within a stretch of audio count.
    const gaps = all.filter((g) => g <= RUN_GAP_MS);
    const pauses = all.length - gaps.length;
    if (gaps.length < 2) return [];
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    const who = dir === "in" ? "agent audio as it arrived" : "caller audio as it left";
    return [
      html`<figure><figcaption>Jitter: gaps between frames of ${who} (${gaps.length} gaps; median ${formatMs(median)}, p95 ${formatMs(p95)}, max ${formatMs(sorted.at(-1)!)}${pauses > 0 ? `; ${pauses} pause${pauses === 1 ? "" : "s"} over ${RUN_GAP_MS} ms left out` : ""})</figcaption>${histogramSvg(gaps, `gaps between ${who}`)}</figure>`,
    ];
  });
  if (charts.length === 0) return html``;
  return html`${charts}${fast ? html`<p class="note">Fast simulator: audio is not paced, so these gaps say nothing about jitter.</p>` : ""}`;
}

/** The control frames (everything but audio) as a list, folded. */
function eventList(timeline: readonly TimelineEntry[]): Markup {
  const control = timeline.filter((e) => e.kind !== "audio");
  if (control.length === 0) return html``;
  const shown = control.slice(0, MAX_LISTED);
  return html`<details class="events wide"><summary>${control.length} control frames</summary><table><thead><tr><th>time</th><th>way</th><th>kind</th><th>name</th><th>bytes</th></tr></thead><tbody>${shown.map(
    (e) =>
      html`<tr class="${e.kind}"><td>${formatMs(e.atMs)}</td><td>${e.dir === "in" ? "↓ in" : "↑ out"}</td><td>${e.kind}</td><td>${e.name ?? ""}</td><td>${e.bytes ?? ""}</td></tr>`,
  )}</tbody></table>${control.length > shown.length ? html`<p class="note">${control.length - shown.length} more not listed.</p>` : ""}</details>`;
}

/** A deep copy of plain data with every string redacted. */
function scrub(value: unknown, secrets: SecretSet): unknown {
  if (typeof value === "string") return secrets.redact(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [secrets.redact(k), scrub(v, secrets)]));
  }
  return value;
}
