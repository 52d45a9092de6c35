/** The report's only stylesheet, inlined so the file opens offline and can be mailed alone. */
export const REPORT_STYLES = `
:root { --clean: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #656d76; --line: #d0d7de;
  --received: #cf222e; --exposed: #fb8f44; --locked: #8250df; --ok: #4ac26b; --unused: #eaeef2; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 60px; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 17px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; } h4 { font-size: 13px; margin: 0 0 4px; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace; }
a { color: #0969da; }
.verdict { border-radius: 8px; padding: 14px 18px; color: #fff; }
.verdict.clean { background: var(--clean); } .verdict.findings { background: var(--bad); }
.verdict.error { background: var(--warn); }
.verdict p { margin: 4px 0 0; }
.verdict .headline { font-size: 22px; font-weight: 700; margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; }
.counts b { display: block; font-size: 20px; }
.counts .bad b { color: var(--bad); }
nav.links { color: var(--muted); } nav.links a { margin-right: 12px; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; }
thead th { border-bottom: 1px solid var(--line); }
.matrix table.named td.cell { font-size: 12px; min-width: 150px; }
.cell.received { background: var(--received); color: #fff; }
.cell.exposed { background: var(--exposed); } .cell.locked-out { background: var(--locked); color: #fff; }
.cell.clean { background: var(--ok); } .cell.unused { background: var(--unused); }
.cell.unknown { background: #f6f8fa; color: var(--muted); }
table.folded td { padding: 1px 4px; line-height: 0; } table.folded th { font-weight: 400; font-size: 12px; }
i.cell { display: inline-block; width: 12px; height: 12px; margin: 1px; border-radius: 2px; }
.legend { margin-right: 14px; white-space: nowrap; font-size: 12px; }
.legend i { vertical-align: -2px; margin-right: 4px; }
.note { color: var(--muted); font-size: 12px; }
.incident { border: 1px solid var(--line); border-left: 4px solid var(--bad); border-radius: 6px;
  padding: 8px 14px; margin: 12px 0; content-visibility: auto; contain-intrinsic-size: auto 480px; }
.incident.lock-out { border-left-color: var(--locked); }
.incident summary { cursor: pointer; font-weight: 600; font-size: 15px; }
.incident .where { color: var(--muted); font-weight: 400; font-size: 12px; margin-left: 8px; }
ol.chain { padding-left: 20px; } ol.chain > li { margin: 10px 0; }
code.sub { font-size: 14px; letter-spacing: .5px; }
mark { background: #ffd33d; color: #1f2328; border-radius: 2px; }
.answers td, .answers th { border-bottom: 1px solid #eaeef2; font-size: 12px; }
.answers td.n { text-align: right; }
code.excerpt { display: block; max-width: 460px; white-space: pre-wrap; word-break: break-all;
  color: var(--muted); }
figure img { max-width: 560px; border: 1px solid var(--line); }
.settings th { color: var(--muted); font-weight: 400; }
pre.command { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px;
  white-space: pre-wrap; word-break: break-all; }
.idmap { display: flex; flex-wrap: wrap; gap: 2px; }
.idmap span { display: inline-flex; flex-direction: column; align-items: center; width: 22px;
  border: 1px solid var(--line); border-radius: 3px; }
.idmap span.ignored { background: var(--received); color: #fff; }
.idmap b { font: 14px ui-monospace, monospace; } .idmap small { font-size: 9px; }
i.idkey { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--line); }
i.idkey.ignored { background: var(--received); }
td.bad { color: var(--bad); } td.good { color: var(--clean); }
.chart svg { font-size: 11px; } .chart .axis { stroke: #8c959f; }
.chart .expected { fill: none; stroke: #0969da; stroke-width: 2; } .chart circle { fill: var(--bad); }
.expected-key, .observed-key { display: inline-block; width: 14px; height: 3px; background: #0969da;
  vertical-align: middle; }
.observed-key { width: 8px; height: 8px; border-radius: 4px; background: var(--bad); }
ul.errors li { color: var(--warn); }
`;
