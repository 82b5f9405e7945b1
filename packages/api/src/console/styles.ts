// The console's one stylesheet, served from /console/assets/console.css (the page's CSP allows
// styles from this origin; the report's own inline <style> is kept by 'unsafe-inline').
export const CONSOLE_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d8dce4; --bg: #f5f6f8; --accent: #b3261e;
  --blue: #1f5fa8; --ok: #1e7b45; --warn: #a35c00; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: var(--bg); font-size: 15px; line-height: 1.5; }
header.top { background: #8c1d18; color: #fff; padding: 0.6rem 1.2rem; display: flex; gap: 1.2rem;
  align-items: center; flex-wrap: wrap; }
header.top a { color: #fff; text-decoration: none; }
header.top .brand { font-weight: 700; font-size: 1.05rem; }
header.top nav { display: flex; gap: 1rem; flex: 1; flex-wrap: wrap; }
header.top .who { font-size: 0.9rem; opacity: 0.9; display: flex; gap: 0.8rem; align-items: center; }
header.top form { margin: 0; }
header.top button { background: transparent; color: #fff; border: 1px solid #fff8; border-radius: 3px;
  padding: 0.1rem 0.6rem; cursor: pointer; font: inherit; }
main { max-width: 1200px; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0.4rem 0 0.8rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.5rem; }
a { color: var(--blue); }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 0.8rem; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; }
.figure .label { color: var(--muted); font-size: 0.85rem; }
.figure .value { font-size: 1.6rem; font-weight: 700; }
.figure .value a { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }
.figure.alert .value { color: var(--accent); }
.figure.warn .value { color: var(--warn); }
table.list { border-collapse: collapse; width: 100%; background: #fff; }
table.list th, table.list td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
table.list th { background: #eef0f4; font-weight: 600; white-space: nowrap; }
table.list td.n, table.list th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.list tr.sum td { font-weight: 700; background: #f3f4f7; }
.tag { display: inline-block; border-radius: 3px; padding: 0 0.35rem; font-size: 0.8rem; border: 1px solid; }
.tag.bad { color: var(--accent); border-color: var(--accent); }
.tag.warn { color: var(--warn); border-color: var(--warn); }
.tag.ok { color: var(--ok); border-color: var(--ok); }
.tag.muted { color: var(--muted); border-color: var(--line); }
.muted { color: var(--muted); }
.small { font-size: 0.85rem; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: end; }
form.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=password], input[type=number], select, textarea {
  border: 1px solid #b9c0cc; border-radius: 4px; padding: 0.3rem 0.4rem; background: #fff; }
textarea { width: 100%; min-height: 8rem; }
button.primary, a.button { background: var(--blue); color: #fff; border: 0; border-radius: 4px;
  padding: 0.4rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.danger { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 0.4rem 1rem; cursor: pointer; }
.pager { display: flex; gap: 1rem; margin: 0.6rem 0; align-items: center; }
.error-page { border-left: 4px solid var(--accent); }
.error-page p.en { color: var(--muted); }
.notice { border-left: 4px solid var(--ok); }
.split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 1fr); gap: 1rem; align-items: start; }
@media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
.report-frame { background: #fff; border: 1px solid var(--line); padding: 1rem; overflow-x: auto; }
.report-frame body, .report-frame html { background: #fff; }
ul.findings { padding-left: 1.1rem; margin: 0.3rem 0; }
ul.findings li { margin-bottom: 0.5rem; }
ul.findings li.error { color: var(--accent); }
ul.findings li.warning { color: var(--warn); }
ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
ol.timeline li { margin: 0 0 0.7rem 0; padding-left: 0.8rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -8px; top: 0.45rem; width: 13px; height: 13px;
  border-radius: 50%; background: var(--blue); }
.chart svg { width: 100%; height: auto; max-width: 760px; display: block; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.login { max-width: 440px; margin: 3rem auto; }
.login input[type=password] { width: 100%; }
details summary { cursor: pointer; }
@media print { header.top, form, .no-print { display: none !important; } body { background: #fff; } }
`;
