/** The report's stylesheet, inline: light and dark, print-friendly, no web fonts. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --dim: #5b6470; --line: #d5d9de; --lane: #f3f5f7;
  --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700; --in: #0969da; --out: #8250df; --clear: #cf222e; --mark: #bf8700; --event: #57606a; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --dim: #8d96a0; --line: #30363d; --lane: #161b22;
  --pass: #3fb950; --fail: #f85149; --skip: #d29922; --in: #4493f8; --out: #a371f7; --clear: #f85149; --mark: #e3b341; --event: #8d96a0; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { padding: 16px 24px; border-bottom: 4px solid var(--pass); }
header.failed { border-bottom-color: var(--fail); }
h1 { margin: 0 0 4px; font-size: 22px; }
h2 { margin: 28px 0 4px; font-size: 18px; }
h3 { margin: 18px 0 6px; font-size: 15px; }
main { padding: 0 24px 24px; }
footer { padding: 12px 24px; color: var(--dim); border-top: 1px solid var(--line); font-size: 12px; }
.meta, .target, .title, .small, .note { color: var(--dim); }
.target { font-weight: normal; font-size: 14px; margin-left: 8px; }
.badge { display: inline-block; min-width: 44px; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; font-size: 12px; text-align: center; }
.badge.passed { background: var(--pass); } .badge.failed { background: var(--fail); } .badge.skipped { background: var(--skip); }
.filter { display: inline-block; margin-top: 6px; color: var(--dim); }
table { border-collapse: collapse; }
table.scenarios { width: 100%; }
table.scenarios th, table.scenarios td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
table.scenarios td:nth-child(3) { max-width: 640px; overflow-wrap: anywhere; }
tr.scenario.failed td:first-child { box-shadow: inset 3px 0 var(--fail); }
p.summary { margin: 0 0 2px; font-weight: 600; } p.detail { margin: 0; white-space: pre-wrap; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0 10px; margin: 0; font-size: 12px; }
dt { color: var(--dim); } dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
table.grid th, table.grid td { padding: 3px 8px; border: 1px solid var(--line); text-align: center; font-size: 12px; }
table.grid td.passed { color: var(--pass); } table.grid td.failed { color: #fff; background: var(--fail); } table.grid td.skipped { color: var(--skip); }
a { color: var(--in); }
.figures { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: flex-start; }
figure { margin: 0; max-width: 100%; } figure.wide, details.wide { flex-basis: 100%; }
figcaption { color: var(--dim); font-size: 12px; margin-bottom: 4px; max-width: 960px; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
svg text { fill: var(--fg); } .axis path, .grid { stroke: var(--line); fill: none; } .axis text { fill: var(--dim); }
.lane { fill: var(--lane); } .lane-label { fill: var(--dim); }
.run.in-audio rect { fill: var(--in); opacity: .18; } .run.out-audio rect { fill: var(--out); opacity: .18; }
.ticks { fill: none; stroke-width: 1; } .ticks.in-audio { stroke: var(--in); } .ticks.out-audio { stroke: var(--out); }
.marker.clear rect { fill: var(--clear); } .marker.mark rect { fill: var(--mark); }
.marker.in-event rect { fill: var(--in); } .marker.out-event rect { fill: var(--out); }
.highlight rect { fill: var(--clear); opacity: .12; stroke: var(--clear); stroke-dasharray: 3 2; } .highlight text { fill: var(--clear); font-weight: 600; }
.histogram .bar rect { fill: var(--in); } .bars .bar rect { fill: var(--in); } .bars .bar.failed rect { fill: var(--fail); }
.spectrum .line { fill: none; stroke: var(--in); stroke-width: 1.5; } .spectrum .area { fill: var(--in); opacity: .12; }
.spectrum .expected path { stroke: var(--pass); stroke-dasharray: 4 3; } .spectrum .peak circle { fill: var(--fail); } .spectrum .peak text { font-weight: 600; }
p.latency { flex-basis: 100%; margin: 0; }
details.events table td, details.events table th { padding: 2px 10px; border-bottom: 1px solid var(--line); text-align: left; font-size: 12px; font-variant-numeric: tabular-nums; }
body:has(#only-problems:checked) tr.scenario.passed, body:has(#only-problems:checked) tr.scenario.skipped,
body:has(#only-problems:checked) section.charts.passed, body:has(#only-problems:checked) section.charts.skipped { display: none; }
@media print { .filter { display: none; } details.events { display: none; } }
`;
