"""arXiv ids in every form a user copies them, and the stamp in the margin of arXiv PDFs."""

from __future__ import annotations

import pytest

from reader.sources.arxiv_id import ArxivId, find_arxiv_stamp, parse_arxiv_id

IDS = [
    ("2006.11239", "2006.11239", None),
    ("2006.11239v2", "2006.11239", 2),
    ("  2006.11239v12\n", "2006.11239", 12),
    ("arXiv:2006.11239", "2006.11239", None),
    ("arxiv:2006.11239v2", "2006.11239", 2),
    ("ARXIV: 2006.11239", "2006.11239", None),
    ("1412.6980", "1412.6980", None),
    ("0704.0001v1", "0704.0001", 1),
    ("hep-th/9901001", "hep-th/9901001", None),
    ("hep-th/9901001v3", "hep-th/9901001", 3),
    ("arXiv:cond-mat/0102536v1", "cond-mat/0102536", 1),
    ("math.GT/0309136", "math/0309136", None),
    ("math/0211159", "math/0211159", None),
    ("https://arxiv.org/abs/2006.11239v2", "2006.11239", 2),
    ("https://arxiv.org/abs/2006.11239", "2006.11239", None),
    ("http://arxiv.org/pdf/2006.11239.pdf", "2006.11239", None),
    ("https://arxiv.org/pdf/2006.11239v1.pdf", "2006.11239", 1),
    ("arxiv.org/pdf/2006.11239v1", "2006.11239", 1),
    ("https://www.arxiv.org/abs/1412.6980", "1412.6980", None),
    ("http://export.arxiv.org/abs/2006.11239v2", "2006.11239", 2),
    ("https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001", 1),
    ("https://arxiv.org/e-print/2006.11239", "2006.11239", None),
    ("https://arxiv.org/abs/2006.11239v2?context=cs", "2006.11239", 2),
    ("https://arxiv.org/abs/2006.11239/", "2006.11239", None),
]

NOT_IDS = [
    "", "   ", "paper.tex", "2006.11239.tar.gz", "2006.11239.gz", "2006.11239.pdf",
    "sample/2006.11239", "./2006.11239", "2006.11239v0", "2006.11239v", "2006.1123",
    "2006.112390", "1501.0001", "1412.69801", "0703.0001", "2013.12345", "2000.12345",
    "hep-th/9913001", "hep-th/0805001", "hep-th/990100", "hep_th/9901001", "arXiv:",
    "https://example.org/abs/2006.11239", "https://arxiv.org/list/cs.LG/recent",
    "https://arxiv.org/abs/", "2006.11239 extra", "10.48550/arXiv.2006.11239",
]


@pytest.mark.parametrize(("text", "paper", "version"), IDS)
def test_every_form_of_an_id_parses_to_one_spelling(text, paper, version):
    parsed = parse_arxiv_id(text)
    assert parsed == ArxivId(paper, version)


@pytest.mark.parametrize("text", NOT_IDS)
def test_what_is_not_an_id_is_none(text):
    assert parse_arxiv_id(text) is None


def test_versioned_spelling_is_what_urls_take():
    assert ArxivId("2006.11239", 2).versioned == "2006.11239v2"
    assert ArxivId("2006.11239").versioned == "2006.11239"
    assert str(ArxivId("hep-th/9901001", 1)) == "hep-th/9901001v1"


STAMP = "arXiv:1412.6980v9  [cs.LG]  30 Jan 2017"


@pytest.mark.parametrize("page", [
    STAMP,
    f"ADAM: A METHOD FOR STOCHASTIC OPTIMIZATION\n{STAMP}\nDiederik P. Kingma",
    "arXiv:1412.6980v9 [cs.LG] 30 Jan 2017",
    "arXiv:1412.6980v9\n[cs.LG]\n30\nJan\n2017",
    "a r X i v : 1 4 1 2 . 6 9 8 0 v 9   [ c s . L G ]   3 0   J a n   2 0 1 7",
    "\n".join("arXiv:1412.6980v9 [cs.LG] 30 Jan 2017"),
    "7102 naJ 03  ]GL.sc[  9v0896.2141:viXra",
    "\n".join(reversed("arXiv:1412.6980v9 [cs.LG] 30 Jan 2017")),
])
def test_the_margin_stamp_is_found_whatever_the_spacing(page):
    assert find_arxiv_stamp(page) == ArxivId("1412.6980", 9)


def test_stamps_of_other_eras():
    assert find_arxiv_stamp("arXiv:2006.11239v2  [cs.LG]  16 Dec 2020") == ArxivId(
        "2006.11239", 2)
    assert find_arxiv_stamp("arXiv:math/0211159v1  [math.DG]  11 Nov 2002") == ArxivId(
        "math/0211159", 1)
    assert find_arxiv_stamp("arXiv:0704.0001v2 [hep-ph] 24 Jul 2007") == ArxivId("0704.0001", 2)
    assert find_arxiv_stamp("arXiv:2301.00001v1 [astro-ph.CO] 1 Jan 2023") == ArxivId(
        "2301.00001", 1)


@pytest.mark.parametrize("page", [
    "[12] D. P. Kingma and M. Welling. Auto-encoding variational Bayes. arXiv preprint "
    "arXiv:1312.6114, 2013.",
    "Kingma, D. P. and Welling, M. arXiv:1312.6114v10 [stat.ML], 2014.",
    "see arXiv:1312.6114v10, 1 May 2014",
    "arXiv:1312.6114 [stat.ML] 1 May 2014",
    "arXiv:1412.6980v9 30 Jan 2017",
    "Published as a conference paper at ICLR 2015",
    "",
])
def test_references_are_not_the_stamp(page):
    assert find_arxiv_stamp(page) is None
