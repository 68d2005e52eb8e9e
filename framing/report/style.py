"""The report page's CSS (the card's own CSS is in card.py, scoped under .framing-card)."""

from __future__ import annotations

REPORT_CSS = """
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;
 margin:0;background:#fafafa}
main{max-width:64rem;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:21px;margin:34px 0 8px;padding-top:8px;border-top:2px solid #e3e3e3}
h3{font-size:17px;margin:22px 0 6px}
.sub{color:#555;font-size:13.5px}
nav.toc{font-size:13.5px;margin:12px 0;padding:8px 12px;background:#f4f6f8;border-radius:6px}
nav.toc a{margin-right:14px}
figure{margin:10px 0 18px}
figure svg{display:block}
figcaption,.note{font-size:13px;color:#555}
.note{margin:4px 0 10px}
.tablewrap{overflow-x:auto;margin:8px 0 16px;max-width:100%}
table.data{border-collapse:collapse;font-size:13px}
p.tcap{font-weight:600;margin:14px 0 2px;font-size:13.5px}
table.data th,table.data td{border-bottom:1px solid #e6e6e6;padding:3px 9px;vertical-align:top}
table.data th{background:#f4f6f8;text-align:left;position:sticky;top:0}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td.text{max-width:36rem}
table.data td:first-child{white-space:nowrap}
table.data.features{table-layout:fixed;width:100%;min-width:46rem}
table.data.features td.grp{white-space:normal}
table.data.features code{overflow-wrap:normal;word-break:normal}
details>summary.tcap{cursor:pointer;font-weight:600;margin:14px 0 4px;font-size:13.5px}
.figrow{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start}
.figrow figure{flex:1 1 300px;max-width:420px}
table.data tr.first td{border-top:2px solid #cfd6de}
table.data td.ex{font-size:12px;color:#333;min-width:22rem}
table.data td.ex div{margin-bottom:3px}
.kv td:first-child{color:#555;padding-right:16px}
code{font-size:12.5px;background:#f2f2f2;padding:1px 4px;border-radius:3px;
 overflow-wrap:anywhere}
.warn{color:#8a4b00}
section.summary{font-size:14px;line-height:1.45;background:#f6f8fb;border:1px solid #dde3ea;
 border-radius:6px;padding:8px 16px 6px;margin:10px 0 8px}
section.summary h2{font-size:18px;margin:2px 0 4px;padding:0;border:0}
section.summary p{margin:2px 0}
section.summary ul{margin:4px 0;padding-left:18px}
section.summary ol{margin:1px 0 3px;padding-left:20px}
section.summary li{margin:1px 0}
section.summary code.small{font-size:11px;color:#666;background:none;padding:0}
section.summary .more{font-size:13px;color:#555}
details.sec{border-top:2px solid #e3e3e3;margin-top:14px}
details.sec>summary{cursor:pointer;list-style-position:outside;margin-left:1.1em}
details.sec>summary h2{display:inline-block;margin:10px 0 6px;padding:0;border:0}
details.grp{margin:6px 0 10px}
details.grp>summary{cursor:pointer}
.gloss{font-size:11.5px;color:#555;margin-top:2px}
table.data.idx td.text{max-width:40rem}
@page{size:A4;margin:14mm 12mm}
@media print{body{background:#fff;font-size:12px}main{padding:0;max-width:none}
 details.sec>summary{list-style:none;margin-left:0}
 nav.toc{display:none}table.data.features{min-width:0}table.data{font-size:10.5px}
 figure,tr{break-inside:avoid}h2,h3,p.tcap{break-after:avoid}
 .framing-card{font-size:12.5px}.framing-card details.fr-scores{display:none}}
"""
