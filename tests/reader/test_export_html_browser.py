"""The HTML export in a real browser: headless Chromium lays the MathML out and shows titles.

The export itself has no script, so a separate wrapper page in the temporary folder loads it in
an iframe (file pages may read each other with ``--allow-file-access-from-files``), measures it
and writes the measurements into its own DOM, which ``--dump-dom`` prints. No new dependency.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from reader.export.html_export import paper_html
from tests.reader.export_fixtures import sample, sample_notes

pytestmark = pytest.mark.chromium

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

MEASURE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<pre id="result">pending</pre>
<iframe id="page" src="export.html" style="width:1200px;height:1600px"></iframe>
<script>
const NS = "http://www.w3.org/1998/Math/MathML";
function box(e) {
  const r = e.getBoundingClientRect();
  return [r.width, r.height, r.top, r.bottom];
}
document.getElementById("page").addEventListener("load", () => {
  const out = document.getElementById("result");
  try {
    const doc = document.getElementById("page").contentDocument;
    const maths = Array.from(doc.getElementsByTagNameNS(NS, "math"));
    const blocks = maths.filter(m => m.getAttribute("display") === "block");
    const titled = Array.from(doc.querySelectorAll("math [title]"));
    const frac = doc.getElementsByTagNameNS(NS, "mfrac")[0];
    out.textContent = JSON.stringify({
      maths: maths.length,
      blocks: blocks.map(m => box(m.firstElementChild.firstElementChild)),
      display: blocks.length ? getComputedStyle(blocks[0]).display : "",
      titled: titled.slice(0, 50).map(e => ({ns: e.namespaceURI, tag: e.localName,
                                             title: e.getAttribute("title"), box: box(e)})),
      fraction: [box(frac.children[0]), box(frac.children[1])],
    });
  } catch (err) { out.textContent = "error: " + err; }
});
</script></body></html>
"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    page = tmp_path / "export.html"
    page.write_text(paper_html(sample(), sample_notes()), encoding="utf-8")
    return page


def test_chromium_lays_out_the_mathml_and_keeps_the_titles(export: Path, tmp_path: Path) -> None:
    wrapper = tmp_path / "measure.html"
    wrapper.write_text(MEASURE, encoding="utf-8")
    result = chromium("--allow-file-access-from-files", "--virtual-time-budget=15000",
                      "--dump-dom", wrapper.as_uri(), profile=tmp_path / "profile")
    match = re.search(r'<pre id="result">(.*?)</pre>', result.stdout, re.S)
    assert match, result.stderr[-2000:]
    text = unescape(match.group(1))
    assert not text.startswith(("pending", "error")), text
    data = json.loads(text)

    display = [item for item in sample().equations if item.equation.display]
    assert len(data["blocks"]) == len(display)
    assert data["maths"] > len(display)  # inline math too: bindings, notation table, notes
    assert "math" in data["display"]  # Chromium's own MathML layout, not unknown elements
    for width, height, _, _ in data["blocks"]:
        assert 10 < width < 1200 and 10 < height < 400
    numerator, denominator = data["fraction"]
    assert numerator[3] <= denominator[2] + 1  # a real fraction: numerator above denominator

    titled = data["titled"]
    assert titled and all(t["ns"] == "http://www.w3.org/1998/Math/MathML" for t in titled)
    theta = next(t for t in titled if t["title"].startswith("θ — "))
    assert "model parameters" in theta["title"]
    assert theta["box"][0] > 0 and theta["box"][1] > 0


def test_a_screenshot_of_the_page_is_not_blank(export: Path, tmp_path: Path) -> None:
    shot = tmp_path / "export.png"
    result = chromium(f"--screenshot={shot}", "--window-size=1200,1600", export.as_uri(),
                      profile=tmp_path / "profile")
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 40_000  # a blank 1200×1600 page compresses to about 9 kB
