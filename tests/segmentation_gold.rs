//! Scores newstag's segmentation against hand-made gold segmentations: the real
//! issues in `../shared/samples/*.gold.toml` (skipped when `../shared` is absent),
//! the built-in sample corpus's `tests/fixtures/sample_expected.toml`, the blind
//! unseen set `tests/fixtures/unseen_expected.toml` and the blind sets
//! `tests/fixtures/blind_expected.toml`, `blind2_expected.toml`, `blind3_expected.toml`,
//! `blind4_expected.toml`, `blind5_expected.toml`, `blind6_expected.toml`,
//! `blind7_expected.toml`, `blind8_expected.toml`, `blind9_expected.toml`,
//! `blind10_expected.toml`, `blind11_expected.toml`, `blind12_expected.toml`,
//! `blind13_expected.toml`, `blind14_expected.toml`, `blind15_expected.toml`,
//! `blind16_expected.toml`, `blind17_expected.toml`, `blind18_expected.toml`,
//! `blind19_expected.toml`, `blind20_expected.toml`, `blind21_expected.toml`,
//! `blind22_expected.toml`, `blind23_expected.toml`, `blind24_expected.toml`,
//! `blind25_expected.toml`, `blind26_expected.toml`, `blind27_expected.toml`,
//! `blind28_expected.toml`, `blind29_expected.toml`, `blind30_expected.toml`,
//! `blind31_expected.toml`, `blind32_expected.toml`, `blind33_expected.toml`,
//! `blind34_expected.toml`, `blind35_expected.toml`, `blind36_expected.toml`,
//! `blind37_expected.toml`, `blind38_expected.toml`, `blind39_expected.toml`,
//! `blind40_expected.toml`, `blind41_expected.toml`, `blind42_expected.toml`,
//! `blind43_expected.toml`, `blind44_expected.toml`, `blind45_expected.toml`,
//! `blind46_expected.toml`, `blind47_expected.toml`, `blind48_expected.toml`,
//! `blind49_expected.toml`, `blind50_expected.toml`, `blind51_expected.toml`,
//! `blind52_expected.toml`, `blind53_expected.toml`, `blind54_expected.toml`,
//! `blind55_expected.toml`, `blind56_expected.toml`, `blind57_expected.toml`,
//! `blind58_expected.toml`, `blind59_expected.toml`, `blind60_expected.toml`,
//! `blind61_expected.toml`, `blind62_expected.toml`, `blind63_expected.toml`,
//! `blind64_expected.toml`, `blind65_expected.toml`, `blind66_expected.toml`,
//! `blind67_expected.toml`, `blind68_expected.toml`, `blind69_expected.toml`,
//! `blind70_expected.toml`, `blind71_expected.toml`, `blind72_expected.toml`,
//! `blind73_expected.toml`, `blind74_expected.toml`, `blind75_expected.toml`,
//! `blind76_expected.toml`, `blind77_expected.toml`, `blind78_expected.toml`,
//! `blind79_expected.toml`, `blind80_expected.toml`, `blind81_expected.toml`,
//! `blind82_expected.toml`, `blind83_expected.toml`, `blind84_expected.toml` and
//! `blind85_expected.toml`.
//!
//! Every page of every set is also re-rendered in the extraction styles of
//! `common::styles` (hard-wrapped, no blank lines, page furniture, indents, converter
//! Markdown) and scored with the same gold; a print that keeps its page's geometry
//! (columns side by side, `common::styles::keeps_geometry`) keeps it in every style,
//! rendered by `render_layout` (as printed, without blank rows, with furniture rows or
//! with `#` marks). The result for every gold article of every
//! set and style is stored in `tests/fixtures/segmentation_ratchet.toml`: the ratchet
//! test fails when an article that was right goes wrong, and prints what improved.
//! Re-bless after an improvement (or a deliberate trade) with
//! `NEWSTAG_BLESS=1 cargo test --test segmentation_gold ratchet`. To measure a change on
//! a few sets or styles, `NEWSTAG_ONLY_SETS=blind13,blind27` and
//! `NEWSTAG_ONLY_STYLES=markdown` limit the run (a bless then re-writes only their entries).
//!
//! ## First score of the blind set
//! `tests/fixtures/blind/` scored unchanged with the segmentation of main at 0787b43 (the set came in 35cf094), before any tuning,
//! plain style (the pages as committed); heads are counted over articles found by title:
//!
//! | page | title F1 | whole | kicker | subtitle | byline | kind |
//! |---|---|---|---|---|---|---|
//! | 澄川日报_2025-09-16_第1版.txt | 1.000 | 8/8 | 7/7 | 7/7 | 7/7 | 7/7 |
//! | 澄川日报_2025-09-16_第2版.txt | 0.875 | 8/10 | 7/7 | 7/7 | 6/7 | 6/7 |
//! | 澄川晚报_20250917_p5.txt | 0.875 | 6/9 | 6/7 | 7/7 | 7/7 | 5/7 |
//! | 九域日报_2025-10-20_第12版.txt | 0.333 | 3/7 | 1/2 | 2/2 | 1/2 | 1/2 |
//! | 九域日报_2025-10-21_第5版.txt | 0.000 | 6/7 | 0/0 | 0/0 | 0/0 | 0/0 |
//! | 澄川日报_2025-09-18_第3版.txt | 0.769 | 4/7 | 4/5 | 5/5 | 4/5 | 5/5 |
//! | 九域日报_2025-10-22_第7版.txt | 0.308 | 5/6 | 2/2 | 2/2 | 0/2 | 0/2 |
//! | 澄川晚报_2025-09-20_第2版.txt | 1.000 | 4/8 | 6/6 | 6/6 | 6/6 | 6/6 |
//! | 澄川日报_2025-09-22_第4版.txt | 0.833 | 7/7 | 5/5 | 5/5 | 5/5 | 4/5 |
//! | 澄川日报_2025-09-23_第6版.md | 0.500 | 4/9 | 3/4 | 4/4 | 3/4 | 3/4 |
//! | 澄川日报_2025-09-24_第5-7版.txt | 0.875 | 8/8 | 5/7 | 7/7 | 7/7 | 7/7 |
//! | 澄川日报_2025-09-25_第8版.pdftotext.txt | 0.182 | 3/9 | 2/2 | 2/2 | 2/2 | 2/2 |
//! | 澄川日报_2025-09-25_第8版.layout.txt | 0.167 | 1/9 | 0/1 | 1/1 | 1/1 | 1/1 |
//! | overall | 0.585 | 67/104 | 48/55 | 55/55 | 49/55 | 47/55 |
//!
//! In the other styles at that commit: hardwrap F1 0.087 / whole 58.7%, noblank 0.585 /
//! 58.7%, furniture 0.028 / 64.4%, indent 0.624 / 61.5%, markdown 0.617 / 66.3%.
//!
//! ## First score of the second blind set
//! `tests/fixtures/blind2/` (16 pages, 87 gold articles; came in 02d955e and f9f5f00, written
//! without reading `src/segment`) scored unchanged with the segmentation of main at f9f5f00,
//! before any change made after seeing it; plain style:
//!
//! | page | title F1 | whole | kicker | subtitle | byline | kind |
//! |---|---|---|---|---|---|---|
//! | 石砚县报_2025-11-06_第1版.txt | 0.923 | 5/7 | 4/6 | 6/6 | 6/6 | 6/6 |
//! | 石砚县报_2025-11-13_第2版.txt | 0.667 | 2/6 | 1/3 | 3/3 | 2/3 | 2/3 |
//! | 石砚县报_2025-11-20_第4版.txt | 0.667 | 3/3 | 2/2 | 2/2 | 2/2 | 0/2 |
//! | 溱原晚报_2025-11-07_A06.txt | 0.000 | 4/8 | 0/0 | 0/0 | 0/0 | 0/0 |
//! | 溱原晚报_2025-11-15_A03.raw.txt | 0.667 | 1/7 | 3/3 | 3/3 | 2/3 | 1/3 |
//! | 溱原晚报_2025-11-15_A03.layout.txt | 0.545 | 2/7 | 3/3 | 3/3 | 2/3 | 2/3 |
//! | 溱原晚报_2025-11-16_A08.ocr.txt | 0.333 | 1/4 | 1/1 | 1/1 | 1/1 | 1/1 |
//! | 明川日报_2025-11-10_第9版.txt | 0.727 | 4/6 | 3/4 | 4/4 | 2/4 | 0/4 |
//! | 溱原日报_2025-11-12_第7版.txt | 0.909 | 6/6 | 4/5 | 5/5 | 3/5 | 2/5 |
//! | 溱原日报_2025-11-12_第5版.txt | 0.600 | 4/5 | 1/3 | 3/3 | 2/3 | 0/3 |
//! | 溱原日报_2025-11-13_第1版.txt | 0.800 | 5/5 | 4/4 | 4/4 | 4/4 | 4/4 |
//! | 溱原日报_2025-11-13_第3版.md | 0.000 | 4/5 | 0/0 | 0/0 | 0/0 | 0/0 |
//! | 溱原日报_2025-11-14_第2版.web.txt | 0.200 | 3/3 | 0/1 | 1/1 | 0/1 | 0/1 |
//! | 明川日报_2025-11-11_第6-7版.txt | 0.857 | 2/3 | 1/3 | 3/3 | 1/3 | 2/3 |
//! | 溱原日报_2025-11-17_第8版.md | 0.600 | 3/4 | 1/3 | 3/3 | 2/3 | 3/3 |
//! | 明川日报_2025-11-18_第4版.txt | 0.769 | 3/8 | 3/5 | 5/5 | 3/5 | 1/5 |
//! | overall | 0.594 | 52/87 | 31/46 | 46/46 | 32/46 | 24/46 |
//!
//! In the other styles at that commit: hardwrap F1 0.171 / whole 51.7%, noblank 0.588 /
//! 59.8%, furniture 0.594 / 59.8%, indent 0.555 / 62.1%, markdown 0.568 / 72.4%.
//!
//! ## First score of the third blind set
//! `tests/fixtures/blind3/` (15 files, 80 gold articles; came in 9e45d93, written without reading
//! `src/segment`), title F1 / whole: with the segmentation of b9e67d4 before it came, plain
//! 0.770 / 71.2%, hardwrap 0.497 / 66.2%, noblank 0.765 / 61.3%, furniture 0.785 / 71.2%, indent
//! 0.734 / 60.0%, markdown 0.653 / 53.8%; when it was wired in (main at 8f745af, nothing tuned on
//! it yet): plain 0.776 / 71.2%, hardwrap 0.604 / 68.8%, noblank 0.770 / 61.3%, furniture
//! 0.791 / 71.2%, indent 0.730 / 57.5%, markdown 0.662 / 56.2%.
//!
//! ## First score of the fourth blind set
//! `tests/fixtures/blind4/` (16 files, 98 gold articles of a new city's party paper, tabloid,
//! county weekly and economic daily; came in 5e222c8..d2f8eda, written without reading
//! `src/segment`), title F1 / whole, scored by the lead with nothing tuned on it: with the
//! segmentation of d2f8eda (before this session's segmentation changes), plain 0.701 / 53.1%,
//! hardwrap 0.532 / 56.1%, noblank 0.688 / 54.1%, furniture 0.718 / 55.1%, indent 0.641 / 49.0%,
//! markdown 0.641 / 52.0%; after them (6b41d74), plain 0.742 / 58.2%, hardwrap 0.558 / 64.3%,
//! noblank 0.728 / 59.2%, furniture 0.758 / 60.2%, indent 0.680 / 54.1%, markdown 0.663 / 55.1%.
//!
//! ## First score of the fifth blind set
//! `tests/fixtures/blind5/` (15 files, 93 gold articles of a new region's daily, evening paper,
//! legal paper, WeChat account, science paper and digest, and a Hong Kong-style and a Taiwan-style
//! page in traditional characters; came in 7d66d8f, written without reading `src/segment`),
//! title F1 / whole / kind, scored by the lead with nothing tuned on it: with the segmentation of
//! f0943b7 (before session 7's segmentation changes), plain 0.579 / 39.8% / 0.46, hardwrap
//! 0.311 / 49.5% / 0.38, noblank 0.538 / 38.7% / 0.44, furniture 0.583 / 38.7% / 0.46, indent
//! 0.435 / 32.3% / 0.41, markdown 0.493 / 44.1% / 0.44; after them (bd0e568, tuned on the
//! other sets only), plain 0.583 / 45.2% / 0.74, hardwrap 0.346 / 54.8% / 0.70, noblank
//! 0.538 / 44.1% / 0.72, furniture 0.588 / 44.1% / 0.74, indent 0.435 / 37.6% / 0.67,
//! markdown 0.497 / 49.5% / 0.53.
//!
//! ## First score of the sixth blind set
//! `tests/fixtures/blind6/` (14 files, 13 pages, 86 gold articles of a new province's daily,
//! evening paper and county paper and a national daily: Shanxi-sample habits, national front,
//! commentary and international pages, a four-column PDF typeset by the writer and printed by
//! pdftotext in default and -layout modes, a Word draft with field labels in GB18030, spaced-
//! punctuation OCR, a CMS export with HTML remnants, readers' letters, a 问/答 interview; came
//! in 4915576..16f422f, written without reading `src/segment`), title F1 / whole / kind, scored
//! by the lead with nothing tuned on it: with the segmentation of 1eb5d0b (before session 8's
//! segmentation changes), plain 0.683 / 59.3% / 0.60, hardwrap 0.646 / 54.7% / 0.63, noblank
//! 0.683 / 61.6% / 0.60, furniture 0.694 / 58.1% / 0.58, indent 0.646 / 59.3% / 0.62, markdown
//! 0.560 / 65.1% / 0.38; after them (92b59c6, tuned on the other sets only), plain 0.683 /
//! 59.3% / 0.60, hardwrap 0.641 / 54.7% / 0.63, noblank 0.694 / 61.6% / 0.60, furniture
//! 0.694 / 58.1% / 0.58, indent 0.656 / 60.5% / 0.62, markdown 0.556 / 65.1% / 0.38.
//!
//! ## First score of the seventh blind set
//! `tests/fixtures/blind7/` (13 files, 12 pages, 92 gold articles of a new province's papers
//! in 1984 and 2026 and an overseas daily, printed by tools the earlier sets lack: antiword,
//! Apache Tika, pdftotext default and -layout of a three-column page, calibre, unrtf, a GB18030
//! page with heads centred by U+3000, a web clipper's and pandoc's Markdown, docx2txt and a
//! PyMuPDF span dump; came in 7108e2c..17cb5e9, written without reading `src/`), title F1 /
//! whole / kind, scored by the lead with nothing tuned on it: with the segmentation of
//! 6c1c6ad (before session 9's segmentation changes), plain 0.582 / 54.3% / 0.54, hardwrap
//! 0.522 / 53.3% / 0.57, noblank 0.564 / 55.4% / 0.52, furniture 0.582 / 54.3% / 0.54, indent
//! 0.515 / 50.0% / 0.51, markdown 0.526 / 56.5% / 0.38; after them (1028917, tuned on blind6
//! and the other sets only), plain 0.599 / 57.6% / 0.54, hardwrap 0.531 / 55.4% / 0.56,
//! noblank 0.582 / 58.7% / 0.52, furniture 0.599 / 57.6% / 0.54, indent 0.533 / 53.3% / 0.51,
//! markdown 0.526 / 56.5% / 0.38.
//!
//! ## First score of the eighth blind set
//! `tests/fixtures/blind8/` (18 files, 16 pages, 130 gold articles of a new region's city,
//! evening and county papers and two national dailies, written without reading `src/` in
//! 4860a41..ffeb539; new forms: OCR noise, GB18030 notices with box-drawing tables, a six-column
//! A3 spread printed by pdftotext default and -layout and by pdfminer, `mutool draw -F txt`, a
//! newspaper database's field records, `w3m -dump`, vertical presentation-form punctuation,
//! ABBYY's wrong column joins, tables as CSV lines), title F1 / whole / kind, scored by the lead
//! with nothing tuned on it: with the segmentation of 13a7440 (before session 10's changes),
//! plain 0.643 / 56.2% / 0.66, hardwrap 0.584 / 53.8% / 0.65, noblank 0.670 / 56.9% / 0.71,
//! furniture 0.628 / 56.2% / 0.69, indent 0.532 / 47.7% / 0.69, markdown 0.525 / 43.8% / 0.60;
//! after them (959f13d, tuned on blind7 and the other sets only), plain 0.664 / 61.5% / 0.65,
//! hardwrap 0.613 / 58.5% / 0.65, noblank 0.688 / 63.1% / 0.70, furniture 0.649 / 60.8% / 0.68,
//! indent 0.682 / 61.5% / 0.71, markdown 0.598 / 53.8% / 0.65.
//!
//! ## First score of the ninth blind set
//! `tests/fixtures/blind9/` (18 files, 15 pages, 129 gold articles, 111 distinct, of a new
//! province's daily, city daily and evening paper, a county paper, a farm paper, a national daily
//! and a finance paper, written without reading `src/` in session 11; new forms: two PDFs typeset
//! for the set (an A3 page in four columns whose lead jumps a column, printed by pdftotext default
//! and -layout; an A4 page in three columns, by pdftotext and mutool), an HTML page printed by
//! `w3m -dump` and by pandoc's Markdown, a LibreOffice text export of an .odt, two pages in one
//! file with running heads and a form feed, a byline over three hard-wrapped lines, CRLF,
//! GB18030, OCR misreadings), title F1 / whole / kind, scored by the lead with nothing tuned on
//! it: with the segmentation of bf9b9d2 (before session 11's changes), plain 0.833 / 69.0% /
//! 0.79, hardwrap 0.814 / 72.1% / 0.80, noblank 0.844 / 72.9% / 0.79, furniture 0.839 / 70.5% /
//! 0.80, indent 0.852 / 73.6% / 0.79, markdown 0.821 / 70.5% / 0.79; after them (1afff27, tuned
//! on blind8 and the other sets only), plain 0.833 / 70.5% / 0.79, hardwrap 0.814 / 72.1% /
//! 0.80, noblank 0.844 / 74.4% / 0.79, furniture 0.839 / 72.1% / 0.80, indent 0.852 / 75.2% /
//! 0.79, markdown 0.821 / 72.1% / 0.79.
//!
//! ## First score of the tenth blind set
//! `tests/fixtures/blind10/` (15 files, 13 pages, 122 gold articles, 83 distinct, of a new
//! province's daily, city paper, county paper, law paper, a national daily and a finance paper,
//! written without reading `src/` in fc9dae2..d5ec501; new forms: a two-page PDF typeset for the
//! set whose lead jumps to the second page, printed by pdftotext default and -layout and by
//! pdfminer's pdf2txt.py; couplet heads; TV, stock and weather listings on a page without blank
//! lines; a spread whose feature runs across a form feed; a footer, form feed and running head
//! inside a hard-wrapped paragraph; a .docx through pandoc plain and Markdown; an HTML page
//! through `elinks -dump` and pandoc plain; OCR with doubled characters in GB18030), title F1 /
//! whole / kind, scored by the lead with nothing tuned on it: with the segmentation of 679699a
//! (before session 12's changes), plain 0.744 / 63.1% / 0.77, hardwrap 0.654 / 59.0% / 0.70,
//! noblank 0.740 / 63.9% / 0.81, furniture 0.715 / 63.1% / 0.78, indent 0.740 / 63.9% / 0.81,
//! markdown 0.715 / 63.1% / 0.78; after them (ace49b4, tuned on blind..blind9 and the other
//! sets only), plain 0.772 / 73.0% / 0.80, hardwrap 0.667 / 62.3% / 0.70, noblank 0.752 / 66.4%
//! / 0.80, furniture 0.737 / 66.4% / 0.79, indent 0.752 / 66.4% / 0.80, markdown 0.727 / 65.6% /
//! 0.79.
//!
//! ## First score of the eleventh blind set
//! `tests/fixtures/blind11/` (13 files, 12 pages, 112 gold articles, 103 distinct, of seven new
//! papers: a province's daily, a city daily and evening paper, a county paper, a national daily,
//! a finance paper and a Taiwan-style paper; written without reading `src/` in 1ded59b..41b507b;
//! new forms: UTF-16LE with BOM and CRLF, Big5, a UTF-8 BOM, web copy indented with no-break
//! spaces, Tesseract-like spaces around Chinese characters, full-width letters and digits, a
//! four-column PDF typeset for the set printed by `mutool draw -F txt` and by pdftotext
//! default, a weekend supplement with columnists' names and bios before their titles, glued
//! 【…】 labels, ten photo items with different credit forms, a personnel list, a listed
//! company's notice), title F1 / whole / kind, scored by the lead with nothing tuned on it:
//! with the segmentation of 3fe9e18 (before session 13's changes), which skipped the Big5 page
//! as undecodable (its 8 gold articles count as missed), plain 0.693 / 60.7% / 0.69, hardwrap
//! 0.678 / 63.4% / 0.69, noblank 0.697 / 60.7% / 0.71, furniture 0.711 / 62.5% / 0.70, indent
//! 0.697 / 60.7% / 0.71, markdown 0.697 / 60.7% / 0.69; after them (fcb1634, tuned on
//! blind..blind10 and the other sets only, with 2972f6f reading Big5), plain 0.710 / 66.1% /
//! 0.68, hardwrap 0.695 / 68.8% / 0.68, noblank 0.714 / 66.1% / 0.70, furniture 0.727 / 67.9% /
//! 0.69, indent 0.714 / 66.1% / 0.70, markdown 0.735 / 66.1% / 0.69. Apart from the Big5 page
//! (now 3 of 6 titles, 6 of 8 whole), the session's rule changes moved one title on one page
//! in the plain style.
//!
//! ## First score of the twelfth blind set
//! `tests/fixtures/blind12/` (13 files, 12 pages, 103 gold articles, 95 distinct, of seven new
//! papers of a new province: a provincial daily, a city daily and its evening paper, a county
//! paper, a legal paper, a farmers' paper and a national daily; written without reading `src/`
//! in 4de4409..f8d9bc8; new forms: four consecutive issues of one evening paper's page (the same
//! running heads, labels and columnist, other articles), one article printed word for word by
//! the morning and the evening paper, a GB18030 page, a page hard-wrapped twice, furniture
//! printed mid-page through a paragraph, converter Markdown with `#` on non-heads, a web copy
//! with its chrome and a list of the page's titles, a four-column PDF printed by pdftotext
//! default and by pdfminer), title F1 / whole / kind, scored by the lead with nothing tuned on
//! it: with the segmentation of c8f6270 (before session 14's changes), plain 0.777 / 77.7% /
//! 0.83, hardwrap 0.760 / 77.7% / 0.79, noblank 0.785 / 75.7% / 0.81, furniture 0.760 / 79.6% /
//! 0.81, indent 0.794 / 76.7% / 0.81, markdown 0.766 / 76.7% / 0.81; after them (53ea8b4,
//! tuned without reading this set), plain 0.746 / 77.7% / 0.83, hardwrap 0.729 / 77.7% / 0.80,
//! noblank 0.754 / 75.7% / 0.82, furniture 0.729 / 79.6% / 0.81, indent 0.762 / 76.7% / 0.82,
//! markdown 0.734 / 76.7% / 0.81. The fall is three heads with a glued label (`【以案说法】…`,
//! `【乡村振兴】…`, `【民生实事】…`): 53ea8b4 makes the label the kicker, as this set's header and
//! notes say, but its gold fields keep the label in the title (its generator wrote them as
//! titles); likewise its inline datelines (`本报讯（记者　…）`), which its notes call bylines, have
//! an empty gold byline. Session 15 fixed the set's generator to follow its own header (65b1f73:
//! 3 kickers and titles, 26 bylines; no page changed): at ef5cacd (53ea8b4's rules) the set
//! then scores plain 0.777 / 77.7% / byline 0.93 / kind 0.83, hardwrap 0.760 / 76.7%, noblank
//! 0.785 / 75.7%, furniture 0.760 / 79.6%, indent 0.794 / 76.7%, markdown 0.766 / 76.7%.
//!
//! ## First score of the thirteenth blind set
//! `tests/fixtures/blind13/` (15 files, 14 pages, 108 gold articles, 96 distinct, of seven new
//! papers of a new province and a traditional-character city paper; written without reading
//! `src/` in 5b25cb1; new forms: a main title on two lines between kicker and subtitle, heads
//! with trailing spaces, an interview in `记者：`/name form, a hotline page whose paragraphs open
//! with bracketed labels, readers' letters signed after the text, a serial instalment, a page of
//! classified notices among ads, weather and TV boxes, photo groups, a page whose every byline
//! comes last in brackets, a converter export with every printed line its own paragraph, a
//! five-column A3 PDF typeset for the set printed by pdftotext default and `-layout`), title
//! F1 / whole / kind, scored by the lead at 13:14 UTC with a build of ef5cacd (session 15's
//! start) before any segmentation change of the session: plain 0.834 / 77.8% / 0.78, hardwrap
//! 0.763 / 72.2% / 0.76, noblank 0.793 / 72.2% / 0.77, furniture 0.796 / 74.1% / 0.81, indent
//! 0.793 / 72.2% / 0.77, markdown 0.779 / 72.2% / 0.80. Worst pages (plain): the pdftotext
//! default print 0.353 / 7 of 12 whole; the city daily's front page 0.571 (a photo group and
//! untitled numbered briefs under a banner); the classified page 0.600 / 3 of 6 whole; the
//! provincial front page's two-line main title is cut at its line break (0.833). The converter
//! export, the traditional page and the `-layout` print keep 3 of 6, 3 of 7 and 6 of 12
//! articles whole.
//! After session 15's two segmentation changes (102b9e9, a page's own list of its titles is
//! furniture; 1a8b5f9, web chrome; neither tuned on this set) every style scores the same as
//! at first.
//!
//! ## First score of the fourteenth blind set
//! `tests/fixtures/blind14/` (15 files, 13 pages, 106 gold articles, 86 distinct, of six new
//! papers of a new province plus a WeChat account's and an app's copies of one of them;
//! written without reading `src/` in 7e45c3f; new forms: Markdown in the habits of three PDF
//! converters (every head `#`, HTML and pipe tables, image lines, italic captions, footnotes),
//! an OCR print with spaced characters, column rules and misread characters, an ABBYY-style
//! print with tab-separated tables and lone page numbers, a four-column A3 PDF with a boxed
//! vertical sidebar printed by pdftotext default, `-layout` and `-raw`, a BOM page, a GB18030
//! page, a CR-only page and one with mixed CRLF and LF, a county page in the samples' habits),
//! title F1 / whole / kind, scored by the lead at 15:58 UTC with a build of 9c8f31f (session
//! 16's start) before any segmentation change of the session: plain 0.749 / 64.2% / 0.73,
//! hardwrap 0.697 / 60.4% / 0.66, noblank 0.723 / 64.2% / 0.73, furniture 0.749 / 64.2% / 0.73,
//! indent 0.728 / 63.2% / 0.71, markdown 0.775 / 65.1% / 0.70. Worst pages (plain): the
//! evening paper's 民生 page 0.333 / 0 of 7 whole (its heads flush left over indented
//! paragraphs are read as intertitles of one article); the WeChat copy 0.333 and the app copy
//! 0.500; the `-layout` print 0.462 / 2 of 10 whole, the default print 0.667 / 3 of 10, `-raw`
//! 0.632 / 7 of 10; the OCR print 0.800 / 3 of 7 whole.
//! After session 16's segmentation change (a678f81, a head printed away from its text is moved
//! above it; not tuned on this set) every style scores the same as at first.
//!
//! ## First score of the fifteenth blind set
//! `tests/fixtures/blind15/` (14 files, 13 pages, 98 gold articles, 89 distinct, of six new
//! papers of a new province; written without reading `src/` in 29c2832; new forms: a national
//! paper's habits (datelines alone on a line, a 评论员文章 with its `——一论…` subtitle, 综合消息
//! signed by a bracketed list, jumps with Chinese numerals), a browser copy of an e-paper site,
//! a database export wrapped at 30 characters, a PaddleOCR-style print, pandoc's Markdown of a
//! Word file, a three-column A3 PDF printed by pdftotext default and `-layout`, a GB18030 page
//! and a CRLF page), title F1 / whole / kind, scored by the lead at 00:50 UTC with a build of
//! f37f45d's segmentation (session 17's start) before any segmentation change of the session:
//! plain 0.739 / 76.5% / 0.70, hardwrap 0.628 / 69.4% / 0.70, noblank 0.744 / 77.6% / 0.69,
//! furniture 0.747 / 77.6% / 0.69, indent 0.736 / 75.5% / 0.68, markdown 0.732 / 74.5% / 0.70.
//! Worst pages (plain): the browser copy 0.000 (no title of 4 found); the `-layout` print
//! 0.429 / 4 of 9 whole, the default print 0.750 / 4 of 9; the evening paper's run-in briefs
//! page 0.500 / 5 of 9; the pandoc Markdown 0.500 / 3 of 7; the county paper's CRLF page 0.667
//! / 4 of 6.
//!
//! ## First score of the sixteenth blind set
//! `tests/fixtures/blind16/` (14 files, 13 pages, 93 gold articles, 84 distinct, of five new
//! papers; written without reading `src/` in 9e7d000; new forms: a columnist's name and a
//! one-line bio above the title, WeChat and app prints (read counts, 责任编辑 lines, share
//! lines, readers' comments), numbered briefs under a banner in three numbering styles,
//! photo groups with one credit, stories continued on another page of the set, a whole
//! traditional-character page and traditional heads on a simplified OCR page, weather boxes
//! and TV listings as furniture, a catdoc print wrapped at 36 characters, MinerU-style
//! Markdown, a three-column A3 PDF whose lead head spans two columns, printed by pdftotext
//! default and `-layout`, a GB18030 page and a CRLF page), title F1 / whole / kind, scored by
//! the lead at 03:53 UTC with a build of 9e7d000 (session 18's start; segmentation as at
//! f37f45d) before any segmentation change of the session: plain 0.805 / 66.7% / 0.62,
//! hardwrap 0.741 / 61.3% / 0.63, noblank 0.810 / 63.4% / 0.64, furniture 0.812 / 67.7% /
//! 0.61, indent 0.815 / 63.4% / 0.64, markdown 0.810 / 66.7% / 0.62. Worst pages (plain):
//! the `-layout` print 0.308 / 3 of 9 whole, the default print 0.571 / 2 of 9; the app print
//! 0.400 and the WeChat copy 0.600 / 1 of 6 whole; the provincial front page 0.833 / 3 of 7.
//!
//! ## First score of the seventeenth blind set
//! `tests/fixtures/blind17/` (14 files, 12 pages, 100 gold articles, 80 distinct, of five new
//! papers; written without reading `src/` in ab6aa2a; new forms: a four-column broadsheet PDF
//! whose lead runs through three columns, printed by pdftotext default, `-layout` and `-raw`;
//! a WPS text save in GB18030 with CRLF; pandoc reStructuredText; an e-mail reply quoting a
//! page in `> ` lines; a news app's reader-view copy; untitled numbered briefs under a banner),
//! title F1 / whole / kind, scored by the lead at 07:25 UTC with a build of 098b8d8 (session
//! 19's start) before any segmentation change of the session: plain 0.804 / 72.0% / 0.74,
//! hardwrap 0.782 / 67.0% / 0.76, noblank 0.800 / 68.0% / 0.74, furniture 0.804 / 69.0% /
//! 0.75, indent 0.800 / 68.0% / 0.74, markdown 0.750 / 68.0% / 0.74. Worst pages (plain): the
//! e-mail reply 0.000 (no title of 4 found), the app copy 0.250 / 0 of 6 whole, the pdftotext
//! default print 0.667 / 3 of 10 (`-layout` 0.800 / 8 of 10, `-raw` 0.900 / 10 of 10), the
//! provincial front page 0.727 / 5 of 9, its GB18030 third page 0.857 / 4 of 8.
//!
//! ## First score of the eighteenth blind set
//! `tests/fixtures/blind18/` (14 files, 12 pages, 102 gold articles, 78 distinct, of six new
//! papers; written without reading `src/` in 8de1638; new forms: a five-column tabloid PDF
//! with a story wrapped round a photo, printed by pdftotext default, `-layout` and
//! pdfminer.six's `pdf2txt.py`; a `lynx -dump` of a news site; Tesseract output with a space
//! between characters; a 1993 scan; an archive database export with field labels; rows
//! pasted from a spreadsheet; a traditional-character overseas paper), title F1 / whole /
//! kind, scored by the lead at 10:30 UTC with a build of e75b018 (session 20's start) before
//! any segmentation change of the session: plain 0.621 / 54.9% / 0.75, hardwrap 0.562 / 53.9%
//! / 0.70, noblank 0.647 / 52.9% / 0.75, furniture 0.671 / 52.0% / 0.72, indent 0.647 / 52.9%
//! / 0.75, markdown 0.610 / 52.0% / 0.69. Worst pages (plain): the database export 0.000
//! (none of 5 titles, bodies whole), the spreadsheet paste 0.000 / 0 of 4, the `-layout`
//! print 0.182 / 4 of 12, the default print 0.444 / 2 of 12, the pdfminer print 0.636 / 3 of
//! 12, the lynx dump 0.400, the provincial front page 0.500 / 2 of 9, the 1993 scan 1.000 /
//! 2 of 6.
//!
//! ## First score of the nineteenth blind set
//! `tests/fixtures/blind19/` (14 files, 12 pages, 101 gold articles, 69 distinct, of eight new
//! sources; written without reading `src/` in 1011ce4; new forms: a six-column broadsheet PDF
//! with a pull quote, a boxed sidebar and a jump, printed by `pdftotext -raw`, PyMuPDF and
//! pdfplumber; an e-paper copy with its page's title list; a forum repost; antiword output of
//! an editor's manuscript; OCR of a vertical traditional-character page; an RSS feed; a 1972
//! page; a trailing space on every line), title F1 / whole / kind, scored by the lead at 13:30
//! UTC with a build of b3d97b3 (session 21's start) before any segmentation change of the
//! session: plain 0.648 / 52.5% / 0.61, hardwrap 0.609 / 58.4% / 0.66, noblank 0.624 / 50.5% /
//! 0.60, furniture 0.651 / 56.4% / 0.65, indent 0.620 / 50.5% / 0.60, markdown 0.659 / 52.5% /
//! 0.63. Worst pages (plain): the pdfplumber print 0.000 / 0 of 16 (every row runs across the
//! columns), the forum repost 0.000 / 0 of 2, the RSS feed 0.000 (none of 5 titles, bodies
//! whole), the front page with trailing spaces 0.364 / 2 of 9, the vertical OCR 0.286, the
//! `-raw` and PyMuPDF prints 0.857 / 7 of 16 each, the county paper's second page 0.600.
//!
//! ## First score of the twentieth blind set
//! `tests/fixtures/blind20/` (15 files, 13 pages, 101 gold articles, 75 distinct, of ten new
//! sources; written without reading `src/` in 7dcbcd5; new forms: a four-column tabloid PDF
//! with column rules, a head across two columns, a boxed 编者按, a drop cap, a score table and
//! a story round a photo, printed by pdftotext default, `-layout` and `-bbox-layout` turned to
//! text; a Big5 page with CRLF; UTF-16LE from Notepad with each body on one line; `w3m -dump`
//! and `html2text` of news sites; OCR with half-width punctuation; a vision model's Markdown
//! transcription; a 1956 page in Wikisource style; a tab at the end of every line), title F1
//! / whole / kind, scored by the lead at 16:25 UTC with a build of fa8350d (session 22's
//! start) before any segmentation change of the session: plain 0.745 / 60.4% / 0.70, hardwrap
//! 0.692 / 56.4% / 0.75, noblank 0.685 / 57.4% / 0.66, furniture 0.717 / 53.5% / 0.73, indent
//! 0.663 / 54.5% / 0.67, markdown 0.703 / 53.5% / 0.69. Worst pages (plain): the pdftotext
//! default print 0.583 / 2 of 13, the bbox print 0.640 / 4 of 13, the `-layout` print 0.615 /
//! 7 of 13, the w3m dump 0.400 / 0 of 4, the Big5 page 0.400 (bodies whole), the front page
//! with a tab on every line 0.667 / 5 of 10, the national page 1.000 / 5 of 8.
//!
//! ## First score of the twenty-first blind set
//! `tests/fixtures/blind21/` (15 files, 14 documents, 100 gold articles, 90 distinct, of a new
//! region's papers; written without reading `src/` in 70cb417; new forms: a top-ten page whose
//! every head is numbered 一、…十、 beside a theory article whose numbered lines are
//! intertitles; a two-page PDF with vertical titles and a jump, printed by `pdftotext -fixed 3`
//! and `-nopgbrk -eol dos`; Acrobat's Save As Text cut at 13 characters; a WiseNews-style
//! database export of six articles; an RIS file with full text; PaddleOCR rows with boxes and
//! confidences; a Weibo timeline; a mobile paper; court notices; a finance page in GB18030; a
//! 1995 DOS GB2312 file ending in 0x1A; a Taiwan-style page with credits opening paragraphs; a
//! web clipper's Markdown with YAML front matter), title F1 / whole, scored by the lead at
//! 20:38 UTC with a build of 70cb417 (session 23's segmentation unchanged from a9589be):
//! plain 0.533 / 56.0%, hardwrap 0.437 / 58.0%, noblank 0.479 / 50.0%, furniture 0.533 /
//! 57.0%, indent 0.480 / 51.0%, markdown 0.519 / 73.0%. Worst pages (plain): the RIS file
//! 0.000 / 0 of 5, the PaddleOCR rows 0.000 / 0 of 6, the Weibo timeline 0.000 / 4 of 8, the
//! mobile paper 0.000 / 5 of 10, the clipper Markdown 0.250 / 1 of 4, the numbered top-ten
//! page 0.533 / 3 of 10, the `-nopgbrk` print 0.556 / 5 of 10, the Acrobat print 0.800 / 2 of 6.
//!
//! ## First score of the twenty-second blind set
//! `tests/fixtures/blind22/` (13 files, 13 documents, 91 gold articles, of a new region's
//! papers; written without reading `src/` in 3abd30b; new forms: an obituary page of notices
//! under one head; a sports page with a score in a title and tables; a Hong Kong-style page in
//! Big5-HKSCS with characters beyond the BMP; a Southeast Asian Chinese daily's credits; a
//! NoteExpress export of a newspaper database; a scraper's JSON Lines; pandoc Markdown of a
//! .docx with tracked changes; a Founder typesetting proof with its codes; a WeChat repost of a
//! county front page; a pull quote and a boxed sidebar; CR CR LF line ends; an InDesign story
//! dump; a 1936 page with old punctuation), title F1 / whole, scored by the lead at 23:00 UTC
//! with a build of df9fa79 (segmentation as at 61e24ec, session 23's end): plain 0.636 /
//! 69.2%, hardwrap 0.557 / 67.0%, noblank 0.636 / 69.2%, furniture 0.636 / 69.2%, indent
//! 0.628 / 67.0%, markdown 0.566 / 78.0%. Worst pages (plain): the NoteExpress export 0.000 /
//! 0 of 8, the JSON Lines file 0.000 / 0 of 7, the Founder proof 0.000 / 4 of 6, the Southeast
//! Asian daily 0.375 / 8 of 8, the Big5-HKSCS page 0.571 / 7 of 7, the sports page 0.615 / 5
//! of 7, the obituary page 0.632 / 1 of 7, the 1936 page 1.000 / 4 of 7.
//!
//! ## First score of the twenty-third blind set
//! `tests/fixtures/blind23/` (13 files, 13 documents, 91 gold articles, of a new province's
//! papers; written without reading `src/` in 147226c; new forms: a letters page answered on
//! the page, in GB18030 with four-byte characters; a county page of untitled 本报讯 briefs; a
//! database's CSV export with quoted multi-line bodies; a NewsML-style XML feed in UTF-16BE; a
//! file of press releases; TV news scripts with 【导语】/【同期】 labels; calibre text of a prize
//! anthology; a newsroom's WeChat group export; a PDF copy with Kangxi radicals; a web
//! editor's copy with zero-width and no-break spaces and U+2028; a literary supplement; TV
//! and radio listings; a bilingual page), title F1 / whole, scored by the lead at 02:05 UTC
//! with main at 147226c and titles compared without leading decoration marks (1e77311):
//! plain 0.801 / 76.9%, hardwrap 0.731 / 70.3%, noblank 0.801 / 76.9%, furniture 0.801 /
//! 76.9%, indent 0.801 / 76.9%, markdown 0.720 / 78.0%. Worst pages (plain): the CSV export
//! 0.000 / 0 of 7, the bilingual page 0.400 / 3 of 5, the literary supplement 0.923 / 3 of 7,
//! the letters page 0.842 / 5 of 8, the web editor's copy 0.625 / 8 of 8, the listings page
//! 0.833 / 6 of 6, the county briefs page 1.000 / 9 of 11.
//!
//! ## First score of the twenty-fourth blind set
//! `tests/fixtures/blind24/` (13 files, 13 documents, 91 gold articles, of a new province's
//! papers; written without reading `src/` in 2b74488; new forms: a front page and an inside
//! page printed as the shared samples print theirs; a theory page with footnote marks and
//! reference lists; a securities page of quote tables; a service page of boxes; a children's
//! paper with a pinyin line over every line; a county notices page with a 公示 of names; a
//! village loudspeaker script under 【第一条】 labels; a roundtable page of speakers' turns;
//! a Kindle clippings file; news-app share texts; an Org-mode notes file; a public-opinion
//! digest), title F1 / whole, scored by the lead at 05:27 UTC with main at 2b74488:
//! plain 0.774 / 81.3%, hardwrap 0.754 / 80.2%, noblank 0.760 / 82.4%, furniture 0.786 /
//! 81.3%, indent 0.762 / 78.0%, markdown 0.783 / 80.2%. Worst pages (plain): the children's
//! pinyin page 0.000 / 3 of 9, the Org-mode notes 0.000 / 1 of 6, the evening paper's A11
//! 0.769 / 4 of 6, the public-opinion digest 0.800 / 6 of 8, the county paper's page 4 0.727
//! / 7 of 8, the national paper's page 11 0.800 / 5 of 5.
//!
//! ## First score of the twenty-fifth blind set
//! `tests/fixtures/blind25/` (17 files, 16 documents, 122 gold articles, of a new province's
//! papers; written without reading `src/` in 8ee3a3d; four pages printed as the shared samples
//! print theirs, two national-paper pages, a PDF typeset for the set and printed by
//! `pdftotext` and `pdftotext -layout`, and new forms: SubRip subtitles of a TV news
//! programme, a Logseq page, a Zotero BibTeX export, an EndNote export, a story register as a
//! Markdown table, a CMS's mysqldump, a scraper's YAML, a county yearbook chapter in GB18030),
//! title F1 / whole, scored by the lead at 11:43 UTC with main at d04606d: plain 0.485 /
//! 55.7%, hardwrap 0.472 / 55.7%, noblank 0.477 / 52.5%, furniture 0.485 / 55.7%, indent
//! 0.482 / 53.3%, markdown 0.447 / 60.7%. The newspaper pages (plain): the samples' habits
//! 0.909 / 5 of 7, 0.947 / 10 of 10, 1.000 / 8 of 8, 0.714 / 6 of 7; the national paper
//! 1.000 / 6 of 6 and 1.000 / 5 of 5; the county paper's page 4 0.923 / 4 of 7; the PDF
//! 0.750 / 4 of 5 (default) and 0.667 / 1 of 5 (`-layout`). Every record or notes file is
//! 0.000 in titles: the subtitles 0 of 8 whole, BibTeX 0 of 7, the register table 0 of 7, the
//! yearbook 0 of 11, the mysqldump 2 of 8, Logseq 5 of 7, EndNote 6 of 7, YAML 6 of 7.
//!
//! ## First score of the twenty-sixth blind set
//! `tests/fixtures/blind26/` (13 files, 93 gold articles, of a new province's papers; written
//! without reading `src/` in 31ac6b5 and a9c11e1; five pages printed as the shared samples
//! print theirs, two national-paper pages, a PDF typeset for the set and printed by
//! `pdftotext` and `pdftotext -layout`, a 1947 vertical page in traditional characters as a
//! microfilm OCR prints it, and new forms: an Evernote ENEX export, a CSL JSON export, a web
//! page saved as text by a browser), title F1 / whole, scored by the lead at 14:24 UTC with
//! main at a9c11e1 (segmentation as at 9a2e437): plain 0.871 / 89.2%, hardwrap 0.706 / 91.4%,
//! noblank 0.860 / 88.2%, furniture 0.700 / 89.2%, indent 0.693 / 87.1%, markdown 0.612 /
//! 84.9%. Pages (plain): the samples' habits 0.857 / 8 of 8, 0.947 / 10 of 10, 1.000 / 7 of
//! 7, 1.000 / 8 of 8, 0.769 / 6 of 7 (county); the national paper 1.000 / 6 of 6 and 1.000 /
//! 8 of 8; the PDF 0.909 / 5 of 7 (default) and 1.000 / 7 of 7 (`-layout`); the OCR page
//! 0.615 / 6 of 6; the ENEX export 0.500 / 1 of 6; the CSL JSON 1.000 / 7 of 7 (0.000 in the
//! hardwrap, furniture, indent and markdown styles, which break its JSON); the saved web
//! page 0.727 / 4 of 6.
//!
//! ## First score of the twenty-seventh blind set
//! `tests/fixtures/blind27/` (12 files, 88 gold articles, of a new province's papers; written
//! without reading `src/` or any test but the gold structs in 63d1a76, 7868335 and c244835;
//! five pages printed as the shared samples print theirs, two national-paper pages, a PDF
//! typeset for the set and printed by `pdftotext` and `pdftotext -layout`, and new forms: an
//! ALTO XML OCR of a 1936 vertical page in traditional characters, a TEI P5 transcription of
//! the next page, a WARC web archive of a city news site), title F1 / whole, scored by the
//! lead at 17:47 UTC with segmentation as at e720332: plain 0.721 / 78.4%, hardwrap 0.696 /
//! 79.5%, noblank 0.698 / 78.4%, furniture 0.724 / 80.7%, indent 0.702 / 77.3%, markdown
//! 0.557 / 79.5%. Pages (plain): the samples' habits 1.000 / 7 of 8, 0.947 / 10 of 10,
//! 1.000 / 7 of 7, 1.000 / 8 of 8, 0.769 / 6 of 7 (county front page: a `乡镇快讯` box of
//! briefs swallowed); the national paper 1.000 / 6 of 6 and 1.000 / 9 of 9; the PDF 0.909 /
//! 5 of 7 in both prints (a head lost, two stories swallowed); the ALTO and TEI files 0.000
//! / 0 of 6 each (no XML reader knows them); the WARC archive 0.308 / 6 of 7 (every HTTP and
//! WARC header line a title).
//!
//! ## First score of the twenty-eighth blind set
//! `tests/fixtures/blind28/` (13 files, 96 gold articles, of a new province's papers; written
//! without reading `src/` or any test but the gold structs in 20410d5 and 159e078: six pages
//! printed as the shared samples print theirs, two national-paper pages, a PDF typeset for the
//! set and printed by `pdftotext` and `pdftotext -layout`, and new forms: a 1931 vertical page
//! as tesseract's hOCR, a researcher's clippings as a Zotero RDF export, a newspaper account's
//! post saved by a browser as MHTML), title F1 / whole, scored by the lead at 20:05 UTC with
//! segmentation as at ef07d53: plain 0.719 / 76.0%, hardwrap 0.696 / 76.0%, noblank 0.719 /
//! 76.0%, furniture 0.719 / 76.0%, indent 0.719 / 76.0%, markdown 0.660 / 76.0%. Pages
//! (plain): the samples' habits 1.000 / 9 of 9, 1.000 / 7 of 8, 1.000 / 7 of 8, 0.857 / 4 of 8
//! (a page of notices and lists), 0.923 / 6 of 8 (an evening paper's city page), 1.000 / 7 of
//! 7; the national paper 1.000 / 7 of 7 and 1.000 / 7 of 9; the PDF 1.000 / 7 of 7 (default)
//! and 0.857 / 6 of 7 (`-layout`); the hOCR page 0.000 / 0 of 6, the Zotero RDF 0.000 / 6 of 6
//! (25 titles from markup), the MHTML post 0.000 / 0 of 6.
//!
//! ## First score of the twenty-ninth blind set
//! `tests/fixtures/blind29/` (14 files, 99 gold articles, of a new province's papers; written
//! without reading `src/` or any test in 4899727: seven pages printed as the shared samples
//! print theirs, two national-paper pages, a PDF typeset for the set and printed by `pdftotext`
//! and `pdftotext -layout`, and new forms: a 1934 vertical page as Transkribus PAGE XML, two
//! 1962 pages as the Internet Archive's DjVu XML, a researcher's clippings as a Simplenote JSON
//! export), title F1 / whole, scored by the lead at 22:52 UTC with segmentation as at 46ec313:
//! plain 0.663 / 80.8%, hardwrap 0.635 / 79.8%, noblank 0.663 / 78.8%, furniture 0.667 /
//! 79.8%, indent 0.652 / 78.8%, markdown 0.565 / 78.8%. Pages (plain): the samples' habits
//! 1.000 / 9 of 9, 0.833 / 6 of 7, 1.000 / 6 of 8, 0.769 / 5 of 7 (a page of notices and
//! lists), 1.000 / 7 of 7, 1.000 / 6 of 6, 1.000 / 6 of 6; the national paper 1.000 / 7 of 7
//! and 1.000 / 8 of 8; the PDF 0.909 / 7 of 7 (default) and 0.769 / 6 of 7 (`-layout`); the
//! PAGE XML 0.000 / 4 of 6, the DjVu XML 0.000 / 0 of 8, the Simplenote export 0.000 / 3 of 6.
//!
//! ## First score of the thirtieth blind set
//! `tests/fixtures/blind30/` (13 files, 88 gold articles, of a new province's papers; written
//! without reading `src/` or any test in b19a443, weighted to pages like the shared samples;
//! its writer saw last session's note, which names two weak page kinds, before writing: see its
//! README): eleven pages printed as the shared samples print theirs (economy, supplement,
//! evening city, culture and sports, letters, political, legal, notices and lists, rural, two
//! front pages in converter Markdown) and two national-paper pages, title F1 / whole, scored
//! by the lead at 23:08 UTC with segmentation as at 3c3830b: plain 0.868 / 84.1%, hardwrap
//! 0.850 / 84.1%, noblank 0.868 / 81.8%, furniture 0.874 / 83.0%, indent 0.868 / 81.8%,
//! markdown 0.868 / 84.1%. Pages (plain), in file order: 0.833 / 7 of 7, 1.000 / 8 of 8,
//! 0.545 / 4 of 6, 0.667 / 7 of 7, 0.889 / 4 of 6, 0.615 / 2 of 8, 0.923 / 4 of 8, 1.000 / 7
//! of 7, 1.000 / 6 of 6, 1.000 / 6 of 6, 0.909 / 6 of 6; the national paper 1.000 / 5 of 5
//! and 0.933 / 8 of 8.
//!
//! ## First score of the thirty-first blind set
//! `tests/fixtures/blind31/` (14 files, 86 gold articles, of a new province's papers; written
//! without reading `src/` or any test in fadd79e, and without the last notes' scores: see its
//! README): eleven pages printed as the shared samples print theirs (front page, economy,
//! culture supplement, city political, commentary, notices and lists, evening city with two
//! stories woven together, sports, letters, a county front page and its page 2), two
//! national-paper pages and a 1954 page as an OCR prints it (hard-wrapped, spaced heads,
//! misread characters), title F1 / whole, scored by the lead at 01:06 UTC on 2026-12-05 with
//! segmentation as at 0638408: plain 0.855 / 86.0%, hardwrap 0.855 / 84.9%, noblank 0.853 /
//! 83.7%, furniture 0.855 / 86.0%, indent 0.853 / 83.7%, markdown 0.857 / 88.4%. Pages
//! (plain), in the scorer's order: the samples' habits 0.833 / 7 of 7, 0.923 / 7 of 7, 0.444 / 3 of 5
//! (a culture supplement: pen names taken as titles), 1.000 / 3 of 5, 0.833 / 7 of 7, 0.857 /
//! 5 of 8 (notices and lists), 1.000 / 6 of 7, 0.727 / 4 of 6, 1.000 / 5 of 5, 1.000 / 6 of 6,
//! 0.833 / 7 of 7; the national paper 1.000 / 4 of 4 and 1.000 / 7 of 7; the 1954 OCR page
//! 0.545 / 3 of 5.
//!
//! ## First score of the thirty-second blind set
//! `tests/fixtures/blind32/` (14 files, 84 gold articles, of a new province's papers; written
//! without reading `src/` or any test in 89db528, nor the notes' scores: see its README):
//! eleven pages printed as the shared samples print theirs (two front pages in converter
//! Markdown, economy, culture supplement with pen names, political, commentary, notices and
//! lists with a weather box and a correction, evening city, sports, letters, county rural), two
//! national-paper pages and a legal page written in Word and saved as text by `pandoc -t plain`,
//! title F1 / whole, scored by the lead at 03:40 UTC on 2026-12-05 with segmentation as at
//! f7a5b1f: plain 0.889 / 85.7%, hardwrap 0.875 / 88.1%, noblank 0.889 / 85.7%, furniture 0.889
//! / 85.7%, indent 0.889 / 85.7%, markdown 0.890 / 88.1%. Pages (plain), in the scorer's
//! order: the provincial front page 1.000 / 8 of 8, economy 1.000 / 6 of 6, culture supplement
//! 0.600 / 3 of 5, the pandoc page 0.909 / 3 of 6, political 0.909 / 6 of 6, commentary 0.800 /
//! 6 of 6, notices and lists 0.857 / 5 of 8, evening city 0.889 / 4 of 6, sports 0.600 / 4 of 6,
//! letters 1.000 / 5 of 5, the county front page 1.000 / 5 of 5, county rural 0.909 / 7 of 7;
//! the national paper 1.000 / 4 of 4 and 1.000 / 6 of 6.
//!
//! ## First score of the thirty-third blind set
//! `tests/fixtures/blind33/` (14 files, 86 gold articles, of a new province's papers; written
//! without reading `src/` or any test in 3d3326d, nor the notes' scores, its page plan taken
//! from blind32's README: see its README): ten pages printed as the shared samples print theirs
//! (two front pages in converter Markdown, economy, political, commentary, notices and lists,
//! evening city, sports, letters, county rural), two national-paper pages, and a three-column
//! culture supplement typeset for the set as a PDF and printed by `pdftotext` by default and with
//! `-layout` (one gold for both), title F1 / whole, scored by the lead at 04:03 UTC on
//! 2026-12-05 with segmentation as at f7a5b1f: plain 0.904 / 74.4%, hardwrap 0.897 / 74.4%,
//! noblank 0.899 / 77.9%, furniture 0.904 / 74.4%, indent 0.899 / 77.9%, markdown 0.873 /
//! 76.7%. Pages (plain), in the scorer's order: the provincial front page 1.000 / 8 of 8,
//! economy 1.000 / 4 of 6, the PDF by `pdftotext` 0.750 / 0 of 6 and by `pdftotext -layout`
//! 0.800 / 3 of 6, political 0.909 / 6 of 6, commentary 0.571 / 6 of 7, notices and lists 0.933
//! / 6 of 8, evening city 0.889 / 3 of 6, sports 0.800 / 4 of 6, letters 1.000 / 3 of 5, the
//! county front page 1.000 / 5 of 5, county rural 0.909 / 6 of 7; the national paper 1.000 / 4
//! of 4 and 1.000 / 6 of 6.
//!
//! ## First score of the thirty-fourth blind set
//! `tests/fixtures/blind34/` (13 files, 82 gold articles, of a new province's papers; written
//! without reading `src/` or any test in 54df443 and 320919f, nor the notes' scores: see its
//! README): ten pages printed as the shared samples print theirs (a front page in converter
//! Markdown, economy, culture supplement with pen names and a group of poems, political,
//! commentary, notices and lists with a weather box, a correction and a timeline, evening city,
//! sports, letters, county rural), two national-paper pages (one an e-paper copy with no blank
//! lines), and a city daily's web edition printed by `w3m -dump`, title F1 / whole, scored by the
//! lead at 06:24 UTC on 2026-12-05 with segmentation as at 654b1a1: plain 0.865 / 80.5%,
//! hardwrap 0.839 / 80.5%, noblank 0.865 / 80.5%, furniture 0.865 / 80.5%, indent 0.865 /
//! 80.5%, markdown 0.873 / 82.9%. Pages (plain), in the scorer's order: the provincial front
//! page 1.000 / 8 of 8, economy 0.909 / 5 of 7, culture supplement 0.250 / 1 of 5, political
//! 1.000 / 5 of 5, commentary 0.923 / 6 of 7, notices and lists 0.800 / 5 of 8, evening city
//! 0.909 / 4 of 7, sports 0.667 / 4 of 6, letters 0.889 / 5 of 5, county rural 0.909 / 6 of 7;
//! the national paper 0.667 / 4 of 4 and 1.000 / 7 of 7; the `w3m` web edition 1.000 / 6 of 6.
//!
//! ## First score of the thirty-fifth blind set
//! `tests/fixtures/blind35/` (13 files, 85 gold articles, of a new province's papers; written
//! without reading `src/` or any test in e0cd049 and 2124003, nor the notes' scores: see its
//! README): ten pages printed as the shared samples print theirs (a front page in converter
//! Markdown, political, economy, culture supplement with pen names, poems and a serial,
//! commentary, notices and lists, evening city, sports, letters, county rural), two
//! national-paper pages, and a science paper's two-column PDF page copied from a browser's PDF
//! viewer into Notepad (17-character lines, no blank lines, CRLF), title F1 / whole, scored by
//! the lead at 06:34 UTC on 2026-12-05 with segmentation as at 654b1a1: plain 0.823 / 81.2%,
//! hardwrap 0.831 / 83.5%, noblank 0.823 / 81.2%, furniture 0.823 / 81.2%, indent 0.823 /
//! 81.2%, markdown 0.831 / 82.4%. Pages (plain), in the scorer's order: the provincial front
//! page 1.000 / 8 of 8, political 0.909 / 4 of 6, economy 0.909 / 5 of 7, culture supplement
//! 0.444 / 3 of 6, commentary 0.727 / 7 of 7, notices and lists 0.750 / 6 of 8, evening city
//! 0.909 / 4 of 7, sports 0.250 / 2 of 6, letters 0.909 / 6 of 6, county rural 0.909 / 7 of 7;
//! the national paper 1.000 / 5 of 5 and 1.000 / 6 of 6; the browser copy 0.800 / 6 of 6.
//!
//! ## First score of the thirty-sixth blind set
//! `tests/fixtures/blind36/` (13 files, 84 gold articles, of a new province's papers; written
//! without reading `src/` or any test in bbc4b20 and a38363a, nor the notes' scores: see its
//! README): ten pages printed as the shared samples print theirs (a front page in converter
//! Markdown, political, economy with a price box, culture supplement with pen names and two
//! poems under one head, commentary, notices and lists, evening city, sports with a results box,
//! letters, county rural), two national-paper pages (one an e-paper copy with no blank lines),
//! and a city daily's two-column A5 PDF page printed by `pdftotext -raw` (16-character lines,
//! heads set on two lines, a form feed), title F1 / whole, scored by the lead at 09:23 UTC on
//! 2026-12-05 with segmentation as at f7321f6: plain 0.806 / 76.2%, hardwrap 0.800 / 76.2%,
//! noblank 0.791 / 75.0%, furniture 0.806 / 76.2%, indent 0.785 / 77.4%, markdown 0.806 /
//! 76.2%. Pages (plain), in the scorer's order: the provincial front page 1.000 / 8 of 8,
//! political 0.909 / 4 of 6, economy 0.545 / 3 of 7, culture supplement 0.286 / 2 of 5;
//! the city daily's commentary 0.857 / 6 of 6, notices and lists 0.500 / 3 of 8; the evening
//! city page 0.889 / 3 of 6, sports 0.545 / 5 of 7, letters 0.889 / 5 of 5; county rural
//! 0.909 / 7 of 7; the national paper 1.000 / 6 of 6 and 1.000 / 7 of 7; the `pdftotext -raw`
//! page 1.000 / 5 of 6.
//!
//! ## First score of the thirty-seventh blind set
//! `tests/fixtures/blind37/` (13 files, 85 gold articles, of another new province's papers;
//! written without reading `src/` or any test in 157f527 and 44a181a, nor the notes' scores,
//! at the same time as blind36 and without reading it: see its README): ten pages printed as the
//! shared samples print theirs (a front page in converter Markdown, political, economy with a data
//! box, culture supplement, commentary, notices and lists with a weather box and a correction,
//! evening city, sports, letters, county rural), two national-paper pages (one an e-paper copy
//! with no blank lines), and a legal paper's web edition saved through `html2text` (Markdown heads
//! by level, bold bylines, navigation wrapped at 78 columns), title F1 / whole, scored by the lead
//! at 09:26 UTC on 2026-12-05 with segmentation as at f7321f6: plain 0.867 / 78.8%, hardwrap
//! 0.851 / 75.3%, noblank 0.867 / 78.8%, furniture 0.867 / 78.8%, indent 0.845 / 75.3%, markdown
//! 0.847 / 77.6%. Pages (plain), in the scorer's order: the provincial front page 1.000 / 8 of 8,
//! political 0.909 / 4 of 6, economy 0.909 / 5 of 7, culture supplement 0.667 / 1 of 6; the city
//! daily's commentary 0.909 / 7 of 7, notices and lists 0.889 / 7 of 9; the evening city page
//! 0.889 / 3 of 6, sports 0.444 / 4 of 6, letters 0.909 / 6 of 6; county rural 0.727 / 6 of 7;
//! the national paper 1.000 / 5 of 5 and 1.000 / 6 of 6; the `html2text` page 0.909 / 5 of 6.
//!
//! ## First score of the thirty-eighth blind set
//! `tests/fixtures/blind38/` (13 files, 85 gold articles, of a new province's papers; written
//! without reading `src/` or any test in 570a66d..c7daac4, nor the notes' scores: see its
//! README): ten pages printed as the shared samples print theirs (a front page in converter
//! Markdown with a jump line, political with continuations, economy with a data box and a
//! numbered Q&A, culture supplement with pen names, a poem and a serial, commentary, notices and
//! lists, evening city, sports, letters, county rural), two national-paper pages (one an e-paper
//! copy with no blank lines and U+3000 indents), and a workers' paper's four-column A4 PDF
//! typeset with reportlab and printed by `mutool draw -F txt` (hard-wrapped at column width,
//! blank lines between MuPDF's blocks, a form feed), title F1 / whole, scored by the lead at
//! 10:18 UTC on 2026-12-05 with segmentation as at 9f5df1d: plain 0.820 / 76.5%, hardwrap
//! 0.820 / 74.1%, noblank 0.835 / 75.3%, furniture 0.820 / 76.5%, indent 0.835 / 75.3%,
//! markdown 0.835 / 76.5%. Pages (plain), in the scorer's order: the provincial front page
//! 1.000 / 8 of 8, political 0.750 / 3 of 6, economy 1.000 / 5 of 7, culture supplement 0.444 /
//! 4 of 6; the city daily's commentary 0.923 / 8 of 8, notices and lists 0.750 / 6 of 9; the
//! evening city page 1.000 / 3 of 6, sports 0.444 / 3 of 6, letters 0.889 / 5 of 5; county rural
//! 0.889 / 6 of 6; the national paper 1.000 / 5 of 5 and 1.000 / 6 of 6; the `mutool` page
//! 0.571 / 3 of 7.
//!
//! ## First score of the thirty-ninth blind set
//! `tests/fixtures/blind39/` (13 files, 87 gold articles, of another new province's papers;
//! written without reading `src/` or any test in 2dcaacf..63d5bc6, nor the notes' scores, at the
//! same time as blind38 and without reading it: see its README): ten pages printed as the shared
//! samples print theirs (a front page in converter Markdown with a jump line and a box of briefs,
//! political, economy with a data box, a supplement with a poem and signatures, commentary,
//! notices and lists, evening city, sports with a results box, letters with a reply, county
//! rural), two national-paper pages (one with no blank lines), and an education paper's e-book
//! saved as text in the manner of calibre's `ebook-convert` (five empty lines before every head
//! group, `* * *` between stories, CRLF), title F1 / whole, scored by the lead at 10:19 UTC on
//! 2026-12-05 with segmentation as at 9f5df1d: plain 0.847 / 77.0%, hardwrap 0.841 / 74.7%,
//! noblank 0.839 / 74.7%, furniture 0.847 / 77.0%, indent 0.839 / 74.7%, markdown 0.875 /
//! 79.3%. Pages (plain), in the scorer's order: the provincial front page 1.000 / 8 of 8,
//! political 0.909 / 4 of 6, economy 0.909 / 5 of 7, supplement 0.444 / 2 of 6; the city daily's
//! commentary 0.909 / 7 of 7, notices and lists 0.750 / 4 of 9; the evening city page 0.800 / 3 of
//! 7, sports 0.667 / 4 of 6, letters 0.909 / 6 of 6; county rural 0.833 / 6 of 7; the national
//! paper 1.000 / 5 of 5 and 1.000 / 6 of 6; the e-book page 0.833 / 7 of 7.
//!
//! ## First score of the fortieth blind set
//! `tests/fixtures/blind40/` (13 files, 90 gold articles, of another new province's papers;
//! written without reading `src/` or any test in da80b1e..0f709e5, at the same time as blind41
//! and without reading it: see its README): ten pages printed as the shared samples print theirs
//! (a front page in converter Markdown, political with a list of appointments, economy with a
//! price list, a supplement with pen names, a poem and a serial, commentary with a box of
//! readers' comments, notices with briefs printed without heads, evening city, sports with a
//! league table, letters with an office's reply, county), two national-paper pages, and **real
//! OCR**: a two-column county page typeset with reportlab, rendered at 300 dpi, degraded as a
//! scan and read by Tesseract 5.3 (`chi_sim`), kept as printed, misreads included. Title F1 /
//! whole, scored by the lead at 13:58 UTC on 2026-12-05 with segmentation as at 25bb999: plain
//! 0.855 / 74.4%, hardwrap 0.830 / 72.2%, noblank 0.869 / 75.6%, furniture 0.855 / 74.4%, indent
//! 0.869 / 75.6%, markdown 0.855 / 74.4%. Pages (plain), in the scorer's order: the provincial
//! front page 1.000 / 8 of 8, political 0.909 / 4 of 6, economy 0.833 / 5 of 7, supplement 0.889
//! / 4 of 6; the city daily's commentary 0.727 / 7 of 7, notices 0.750 / 7 of 11; the evening
//! city page 0.800 / 3 of 7, sports 0.750 / 2 of 6, letters 0.800 / 4 of 6; county 0.833 / 6 of
//! 7; the national paper 1.000 / 5 of 5 and 1.000 / 6 of 6; the OCR page 0.857 / 6 of 8.
//!
//! ## First score of the forty-first blind set
//! `tests/fixtures/blind41/` (13 files, 88 gold articles, of another new province's papers;
//! written without reading `src/` or any test in 4655349..7447318, at the same time as blind40
//! and without reading it: see its README): ten pages printed as the shared samples print theirs
//! (a front page in converter Markdown with a teaser box and briefs, political with stacked heads
//! and a continued lead, economy with a data box, a supplement with `□`/`◇` signatures and a
//! continued travel essay, commentary, notices with a timeline, evening city, sports with a
//! results box, letters, county), two national-paper pages, and a science paper's web edition
//! printed by **`lynx -dump`** (navigation, every title twice, `[18]` link markers, alt texts,
//! lines wrapped at 74 columns, a References list). Title F1 / whole, scored by the lead at 13:58
//! UTC on 2026-12-05 with segmentation as at 25bb999: plain 0.867 / 73.9%, hardwrap 0.839 /
//! 73.9%, noblank 0.867 / 73.9%, furniture 0.867 / 79.5%, indent 0.867 / 73.9%, markdown 0.867 /
//! 73.9%. Pages (plain), in the scorer's order: the provincial front page 1.000 / 8 of 8,
//! political 0.909 / 4 of 6, economy 0.909 / 5 of 7, supplement 0.667 / 2 of 6; the city daily's
//! commentary 0.909 / 7 of 7, notices 0.889 / 7 of 9; the evening city page 1.000 / 6 of 7, sports
//! 0.889 / 4 of 6, letters 0.800 / 4 of 6; county 0.833 / 6 of 7; the national paper 1.000 / 6 of
//! 6 and 1.000 / 6 of 6; the lynx page 0.000 / 0 of 7 (no article found at all).
//!
//! ## First score of the forty-second blind set
//! `tests/fixtures/blind42/` (13 files, 89 gold articles, of another new province's papers;
//! written without reading `src/` or any test in 23f0672..1695137, at the same time as blind43
//! and without reading it: see its README): ten pages printed as the shared samples print theirs
//! (a front page with a teaser box and stacked heads, political with a continued lead and an
//! appointment notice, economy in converter Markdown with a data box, a supplement with a poem,
//! a serial and `■`/`◎` signatures, commentary with a cartoon and readers' comments, notices
//! with a weather box and a timeline, evening city, sports with a results box, letters with a
//! reply and no head, county in Markdown), two national-paper pages, and a four-column rural
//! paper's page typeset with reportlab and printed by **pdfminer.six `pdf2txt.py`** (default
//! layout analysis: text boxes in its own order, a paragraph split into two boxes, a jump line
//! among the next box's briefs, a form feed at the end). Title F1 / whole, scored by the lead at
//! 16:12 UTC on 2026-12-05 with segmentation as at cf56924: plain 0.871 / 78.7%, hardwrap 0.865
//! / 83.1%, noblank 0.849 / 75.3%, furniture 0.886 / 83.1%, indent 0.849 / 75.3%, markdown 0.872
//! / 78.7%. Pages (plain), in the scorer's order: the provincial front page 0.833 / 4 of 8,
//! political 1.000 / 6 of 6, economy 0.909 / 5 of 7, supplement 0.444 / 1 of 6; the city daily's
//! commentary 0.727 / 7 of 7, notices 0.800 / 4 of 9; the evening city page 1.000 / 6 of 6,
//! sports 0.889 / 4 of 6, letters 0.909 / 6 of 6; county 0.800 / 5 of 6; the national paper
//! 1.000 / 6 of 6 and 1.000 / 6 of 6; the pdfminer page 0.941 / 10 of 10.
//!
//! ## First score of the forty-third blind set
//! `tests/fixtures/blind43/` (13 files, 90 gold articles, of another new province's papers;
//! written without reading `src/` or any test in 5a61c06..defcb65, at the same time as blind42
//! and without reading it: see its README): ten pages printed as the shared samples print theirs
//! (a front page in converter Markdown with a box of briefs, political with stacked heads and a
//! byline after the text, economy with a data box inside the lead, a supplement with pen names,
//! a poem and `□`/`○` signatures, commentary with a cartoon and readers' calls, notices with a
//! weather box, a correction and a timeline, evening city with a Q&A, sports, letters with an
//! office's reply, county with a price list), two national-paper pages (one with no blank lines
//! and U+3000 indents), and a city paper's district page exported as RTF by an editorial system
//! and printed by **`unrtf --text`** (GNU UnRTF 0.21.10: its `###` header and rule lines, no
//! blank lines, table rows a line each with tabs, page header and footer dropped; the file is
//! GBK). Title F1 / whole, scored by the lead at 16:08 UTC on 2026-12-05 with segmentation as at
//! cf56924: plain 0.863 / 84.4%, hardwrap 0.821 / 82.2%, noblank 0.863 / 84.4%, furniture 0.863
//! / 84.4%, indent 0.863 / 84.4%, markdown 0.870 / 84.4%. Pages (plain), in the scorer's order:
//! the provincial front page 1.000 / 8 of 8, political 1.000 / 6 of 6, economy 0.909 / 5 of 7,
//! supplement 0.600 / 4 of 6; the city daily's commentary 0.909 / 7 of 7, notices 0.824 / 8 of 9;
//! the evening city page 1.000 / 7 of 8, sports 0.889 / 4 of 6, letters 0.727 / 6 of 6; county
//! 0.667 / 4 of 7; the national paper 1.000 / 6 of 6 and 1.000 / 6 of 6; the unrtf page 0.667 /
//! 5 of 8.
//!
//! ## First score of the forty-fourth blind set
//! `tests/fixtures/blind44/` (13 files, 91 gold articles, of another new province's papers;
//! written without reading `src/` or any test in e75c0f1..0f74183, at the same time as blind45
//! and without reading it: see its README): ten pages printed as the shared samples print theirs
//! (a front page with a jump line and a box of briefs, political in converter Markdown with a
//! continued lead and a list of names, economy with a data box and a byline after the text, a
//! supplement with a poem, a serial and `□`/`◇` signatures, commentary with two signed short
//! pieces under one label and a cartoon, notices with a timeline, evening city with briefs and a
//! Q&A, sports, letters, county in Markdown with a price list), two national-paper pages, and a
//! three-column legal paper's page typeset with reportlab and printed by **pypdf's
//! `extract_text()`** (boxes in drawing order: the box of briefs first, masthead and footer
//! last; no blank lines; a first-line indent as one ASCII space). Title F1 / whole, scored by the
//! lead at 18:10 UTC on 2026-12-05 with segmentation as at main 6ed7804 with b29f3e1 and
//! 1ef63c0 (a furniture and a date commit written before the set was seen): plain 0.879 / 82.4%, hardwrap
//! 0.823 / 84.6%, noblank 0.879 / 82.4%, furniture 0.879 / 82.4%, indent 0.879 / 82.4%, markdown
//! 0.892 / 81.3%. Pages (plain), in the scorer's order: the provincial front page 1.000 / 8 of 8,
//! political 0.923 / 5 of 6, economy 0.909 / 5 of 7, supplement 0.909 / 6 of 6; the city daily's
//! commentary 1.000 / 7 of 7, notices 0.750 / 4 of 9; the evening city page 1.000 / 8 of 8,
//! sports 0.889 / 3 of 6, letters 0.600 / 3 of 6; county 0.800 / 5 of 6; the national paper
//! 1.000 / 6 of 6 and 0.909 / 5 of 6; the pypdf page 0.778 / 10 of 10.
//!
//! ## First score of the forty-fifth blind set
//! `tests/fixtures/blind45/` (13 files, 91 gold articles, of another new province's papers;
//! written without reading `src/` or any test in d0ff05c..96f5718, at the same time as blind44
//! and without reading it: see its README): ten pages printed as the shared samples print theirs
//! (a front page with a box of teasers, political, economy in converter Markdown, a supplement,
//! commentary, notices, evening city and sports, a county page in Markdown with a continued
//! story, a second city daily's page), two national-paper pages (one with no blank lines and
//! U+3000 indents), and a four-column workers' paper's page typeset with reportlab and printed
//! by **PyMuPDF's `get_text()`** (text in drawing order: the footer first, then reading order;
//! every typeset line a line, no blank lines, indents dropped, a glued credit cut by the wrap).
//! Title F1 / whole, scored as blind44 (18:10 UTC, the same segmentation): plain 0.908 /
//! 84.6%, hardwrap 0.895 / 86.8%, noblank 0.901 / 82.4%, furniture 0.928 / 86.8%, indent 0.901 /
//! 82.4%, markdown 0.908 / 84.6%. Pages (plain), in the scorer's order: the provincial front page
//! 0.714 / 5 of 8, political 1.000 / 6 of 6, economy 0.909 / 5 of 7, supplement 0.889 / 3 of 6;
//! the city daily's commentary 0.909 / 7 of 7, notices 0.875 / 6 of 9; the evening city page
//! 1.000 / 8 of 8, sports 0.889 / 4 of 6; county 0.800 / 5 of 6; the second city daily 1.000 / 6
//! of 6; the national paper 1.000 / 6 of 6 and 1.000 / 6 of 6; the PyMuPDF page 0.889 / 10 of
//! 10.
//!
//! ## First scores of the forty-sixth and forty-seventh blind sets
//! `tests/fixtures/blind46/` (13 files, 92 gold articles) and `tests/fixtures/blind47/` (13
//! files, 91 gold articles), each of another new province's papers, written by two helpers at
//! the same time without reading `src/`, any test, the ratchet or each other (see their
//! READMEs): ten pages each printed as the shared samples print theirs (front, political,
//! economy, supplement, commentary, notices, an evening city page and a sports and weather page
//! with short heads after finished paragraphs and short intertitles inside stories, a county
//! page, a second city daily), two national-paper pages, and one page printed by a tool no
//! earlier set used: blind46, a four-column farmers' paper's page typeset with reportlab and
//! printed by **pdfplumber's `extract_text()`** (lines of all columns at one height joined by a
//! space, so every article's lines are interleaved; heads of other sizes land between them;
//! the footer last); blind47, a farmers' paper's page written as a Word document with
//! python-docx and printed by **docx2txt** (headings print as body text, every paragraph after
//! two line ends, table cells a paragraph each, the header first and the footer last). Title F1
//! / whole, scored by the lead at 20:28 UTC on 2026-12-05 with segmentation as at main fac7ba8
//! (session 40's last change, before either set was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind46 | 0.816 / 73.9% | 0.776 / 75.0% | 0.816 / 71.7% | 0.831 / 76.1% | 0.816 / 71.7% | 0.825 / 78.3% |
//! | blind47 | 0.886 / 79.1% | 0.880 / 79.1% | 0.886 / 79.1% | 0.886 / 79.1% | 0.886 / 79.1% | 0.915 / 84.6% |
//!
//! Pages (plain), in the scorer's order. blind46: the provincial front page 1.000 / 8 of 8,
//! political 1.000 / 6 of 6, economy 0.909 / 5 of 7, supplement 0.800 / 3 of 6; the city
//! daily's commentary 0.857 / 6 of 8, notices 0.667 / 5 of 9; the evening city page 1.000 / 8
//! of 8, sports and weather 0.600 / 4 of 7; county 0.800 / 5 of 6; the second city daily 1.000
//! / 6 of 6; the national paper 1.000 / 6 of 6 and 1.000 / 6 of 6; the pdfplumber page 0.143 / 0
//! of 9. blind47: front 0.923 / 6 of 8, political 1.000 / 7 of 7, economy 0.909 / 5 of 7,
//! supplement 0.889 / 2 of 6; commentary 1.000 / 7 of 7, notices 0.571 / 3 of 9; evening city
//! 1.000 / 8 of 8, sports and weather 0.727 / 3 of 7; county 0.800 / 5 of 6; the second city
//! daily 1.000 / 6 of 6; the national paper 1.000 / 6 of 6 and 1.000 / 6 of 6; the docx2txt page
//! 0.769 / 8 of 8.
//!
//! ## First scores of the forty-eighth and forty-ninth blind sets
//! `tests/fixtures/blind48/` (13 files, 91 gold articles) and `tests/fixtures/blind49/` (13
//! files, 91 gold articles), each of another new province's papers, written by two helpers at
//! the same time without reading `src/`, any test, the ratchet or each other (see their
//! READMEs): ten pages each in the shared samples' habits (front, political, economy,
//! supplement, commentary, notices, an evening city page and a sports and weather page, a
//! county page, a second city daily), two national-paper pages, and one page printed by a tool
//! no earlier set used: blind48, a farmers' paper's e-edition page written as HTML and dumped by
//! **elinks** (`-dump -no-references -no-numbering`, 80 columns: the site's page list printed
//! beside the lead's head on the same lines, a briefs box's heads wrapped in a narrow cell
//! beside their text, the content column indented 25 spaces, `&nbsp;` as U+00A0, a line opening
//! with `，`); blind49, a farmers' paper's page written as a Word document with python-docx and
//! converted to Markdown by **markitdown** (heading levels as `#`..`####`, heads set as bold
//! runs printed as `**…**`, tables with an empty header row, a one-cell box on one table line,
//! the picture as a `data:` image). Title F1 / whole, scored by the lead at 23:20 UTC on
//! 2026-12-05 with segmentation as at main f72b50f (session 41's last change, before either set
//! was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind48 | 0.872 / 83.5% | 0.832 / 80.2% | 0.867 / 78.0% | 0.867 / 79.1% | 0.867 / 78.0% | 0.855 / 78.0% |
//! | blind49 | 0.903 / 83.5% | 0.850 / 78.0% | 0.903 / 81.3% | 0.903 / 83.5% | 0.896 / 79.1% | 0.910 / 84.6% |
//!
//! Pages (plain), in the scorer's order. blind48: front 1.000 / 8 of 8, political 1.000 / 6 of
//! 6, economy 0.909 / 5 of 7, supplement 1.000 / 4 of 6; the city daily's commentary 1.000 / 7
//! of 7, notices 0.667 / 5 of 9; the evening city page 1.000 / 8 of 8, sports and weather 0.800
//! / 4 of 7; county 0.727 / 4 of 6; the second city daily 1.000 / 6 of 6; the national paper
//! 1.000 / 6 of 6 and 1.000 / 6 of 6; the elinks page 0.333 / 7 of 9. blind49: front 0.933 / 7
//! of 8, political 0.909 / 5 of 5, economy 0.909 / 5 of 7, supplement 0.889 / 4 of 6;
//! commentary 1.000 / 7 of 7, notices 0.667 / 4 of 9; evening city 0.933 / 8 of 9, sports and
//! weather 0.909 / 5 of 7; county 0.889 / 5 of 6; the second city daily 0.909 / 6 of 6; the
//! national paper 1.000 / 6 of 6 and 1.000 / 7 of 7; the markitdown page 0.857 / 7 of 8.
//!
//! ## First scores of the fiftieth and fifty-first blind sets
//! `tests/fixtures/blind50/` (13 files, 87 gold articles) and `tests/fixtures/blind51/` (13
//! files, 91 gold articles), each of another new province's papers, written by two helpers at
//! the same time without reading `src/`, any test, the ratchet or each other (see their
//! READMEs): ten pages each in the shared samples' habits, two national-paper pages, and one
//! page printed by a tool no earlier set used: blind50, a farmers' paper's e-edition page
//! written as HTML and extracted by **trafilatura** 2.3.1 as plain text (no blank lines, no
//! marks; it drops the photo's figure with its caption and every byline paragraph, and prints
//! a U+3000 as a space); blind51, a youth paper's page written as an OpenDocument text with
//! odfpy and printed by **odt2txt** 0.5 at its default width (Chinese paragraphs never
//! wrapped, as it breaks only at ASCII spaces; headings underlined with `=` or `-`; a frame
//! and the picture printed as `[-- Image: Frame1 --]`; a table one cell a paragraph). Title F1
//! / whole, scored by the lead at 02:04 UTC on 2026-12-06 with segmentation as at main f93041c
//! (session 42's last change, before either set was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind50 | 0.917 / 80.5% | 0.895 / 80.5% | 0.923 / 80.5% | 0.917 / 80.5% | 0.923 / 80.5% | 0.932 / 82.8% |
//! | blind51 | 0.903 / 80.2% | 0.872 / 79.1% | 0.903 / 80.2% | 0.903 / 80.2% | 0.903 / 80.2% | 0.904 / 83.5% |
//!
//! Pages (plain), in the scorer's order. blind50: front 0.923 / 6 of 8, political 1.000 / 6 of
//! 6, economy 0.909 / 5 of 7, supplement 0.889 / 3 of 6; the city daily's commentary 1.000 / 7
//! of 7, notices 0.615 / 3 of 8; the evening city page 1.000 / 8 of 8, sports and weather 0.667
//! / 2 of 6; county 0.889 / 5 of 6; the second city daily 1.000 / 6 of 6; the national paper
//! 1.000 / 6 of 6 and 1.000 / 6 of 6; the trafilatura page 1.000 / 7 of 7. blind51: front 1.000
//! / 7 of 8, political 0.857 / 5 of 6, economy 0.909 / 5 of 7, supplement 0.750 / 2 of 6;
//! commentary 1.000 / 7 of 7, notices 0.750 / 5 of 9; evening city 1.000 / 8 of 8, sports and
//! weather 0.909 / 5 of 7; county 0.800 / 5 of 6; the second city daily 1.000 / 6 of 6; the
//! national paper 1.000 / 6 of 6 and 1.000 / 6 of 6; the odt2txt page 0.824 / 6 of 9.
//!
//! ## First scores of the fifty-second and fifty-third blind sets
//! `tests/fixtures/blind52/` (13 files, 92 gold articles) and `tests/fixtures/blind53/` (13
//! files, 92 gold articles), each of another new province's papers, written by two helpers at
//! the same time without reading `src/`, any test, the ratchet or each other (see their
//! READMEs): ten pages each in the shared samples' habits, two national-paper pages, and one
//! page printed by a tool no earlier set used: blind52, a youth paper's page typeset as a
//! four-column PDF with reportlab and printed by **PDFium** through pypdfium2 5.15.2
//! (`get_text_range()`; its CR LF turned into LF; the banner head and its subtitle printed on
//! one line, the page's footer as its first line, a table row one line of single-spaced
//! cells); blind53, an evening paper's e-edition page written as HTML and dumped by **links**
//! 2.28 (`links -dump`; Chinese paragraphs never wrapped, a three-column layout table printed
//! side by side in 154-character rows, `<h1>` centred, `<h3>`/`<h4>` indented, `<strong>` heads
//! run in). Title F1 / whole, scored by the lead at 04:43 UTC on 2026-12-06 with segmentation
//! as at main 86407eb (session 43's last change, before either set was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind52 | 0.865 / 77.2% | 0.865 / 77.2% | 0.865 / 77.2% | 0.870 / 77.2% | 0.865 / 77.2% | 0.866 / 78.3% |
//! | blind53 | 0.827 / 71.7% | 0.816 / 76.1% | 0.838 / 71.7% | 0.840 / 73.9% | 0.838 / 71.7% | 0.867 / 73.9% |
//!
//! Pages (plain), in the scorer's order. blind52: front 1.000 / 8 of 8, political 0.909 / 4 of
//! 6, economy 0.833 / 5 of 7, supplement 0.600 / 2 of 6; commentary 0.923 / 5 of 7, notices
//! 0.800 / 4 of 9; evening city 1.000 / 8 of 8, sports and weather 0.727 / 4 of 7; county 0.889
//! / 5 of 6; the second city daily 1.000 / 5 of 6; the national paper 1.000 / 6 of 6 and 1.000
//! / 6 of 6; the PDFium page 0.667 / 9 of 10. blind53: front 1.000 / 8 of 8, political 1.000 /
//! 7 of 7, economy 0.833 / 5 of 7, supplement 0.750 / 1 of 6; commentary 0.909 / 7 of 7,
//! notices 0.667 / 5 of 9; evening city 1.000 / 8 of 8, sports and weather 0.600 / 3 of 7;
//! county 0.727 / 5 of 6; the second city daily 0.909 / 5 of 7; the national paper 0.909 / 5
//! of 6 and 1.000 / 6 of 6; the links page 0.364 / 1 of 8.
//!
//! ## First scores of the fifty-fourth and fifty-fifth blind sets
//! `tests/fixtures/blind54/` (13 files, 91 gold articles) and `tests/fixtures/blind55/` (13
//! files, 93 gold articles), each of another new province's papers, written by two helpers at
//! the same time without reading `src/`, any test, the ratchet or each other (see their
//! READMEs): ten pages each in the shared samples' habits, two national-paper pages, and one
//! page printed by a tool no earlier set used: blind54, a city daily's WeChat public-account
//! post reposting its page 4, written as HTML the way the WeChat editor writes it and printed
//! by **inscriptis** 2.7.6 (`get_text`, defaults: every line indented two spaces per enclosing
//! `<div>`, a `<section>` without `<p>` printed inline so a lead-in label and its head share a
//! line, spaces around a `<strong>` phrase, table cells padded into columns); blind55, a
//! county paper's four-column broadsheet typeset with reportlab and printed by **pypdf** 7.1's
//! layout mode (`extract_text(extraction_mode="layout")`: the four columns side by side on
//! every printed line, a wrapped head's lines apart, a table cell printed above its row, the
//! footer last). Title F1 / whole, scored by the lead at 07:38 UTC on 2026-12-06 with
//! segmentation as at main 5e247aa (session 44's last change, before either set was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind54 | 0.868 / 81.3% | 0.853 / 76.9% | 0.868 / 79.1% | 0.868 / 81.3% | 0.853 / 74.7% | 0.882 / 80.2% |
//! | blind55 | 0.850 / 79.6% | 0.810 / 75.3% | 0.829 / 76.3% | 0.812 / 81.7% | 0.827 / 74.2% | 0.826 / 75.3% |
//!
//! Pages (plain), in the scorer's order. blind54: front 1.000 / 8 of 8, political 1.000 / 6 of
//! 6, economy 0.909 / 5 of 7, supplement 0.889 / 3 of 6; commentary 0.923 / 8 of 8, notices
//! 0.750 / 5 of 9; evening city 1.000 / 8 of 8, sports and weather 0.667 / 2 of 7; county 0.923
//! / 7 of 7; the second city daily 1.000 / 6 of 6; the national paper 1.000 / 6 of 6 and 1.000
//! / 6 of 6; the inscriptis page 0.308 / 4 of 7. blind55: front 0.933 / 7 of 8, political 0.833
//! / 6 of 6, economy 0.769 / 6 of 7, supplement 0.750 / 1 of 6; commentary 0.923 / 8 of 8,
//! notices 0.750 / 6 of 9; evening city 1.000 / 8 of 8, sports and weather 0.909 / 5 of 7;
//! county 0.909 / 6 of 6; the second city daily 0.909 / 6 of 6; the national paper 1.000 / 6
//! of 6 and 1.000 / 6 of 6; the pypdf layout page 0.556 / 3 of 10.
//!
//! ## First scores of the fifty-sixth to fifty-eighth blind sets
//! `tests/fixtures/blind56/` (13 files, 91 gold articles), `tests/fixtures/blind57/` (13
//! files, 90) and `tests/fixtures/blind58/` (13 files, 90), each of another new province's
//! papers, written by three helpers at the same time without reading `src/`, any test, the
//! ratchet or each other (see their READMEs). blind56 and blind57 have the usual ten pages in
//! the shared samples' habits, two national-paper pages and one page printed by a tool no
//! earlier set used: blind56, a city daily's e-paper page written as HTML and printed by
//! **BeautifulSoup** 4.15's `get_text()` with no separator (whitespace between tags cut to
//! one line end, runs of empty lines, text on its own line inside an element keeping the
//! source's indentation, the page's own list of titles before the articles); blind57, a
//! three-column reportlab PDF converted by **pymupdf4llm** 2.0 (`to_markdown`: kicker, banner
//! and subtitle on one `#` line, heads `##` to `#####` by size, bylines as `#####`, every
//! paragraph one line with a space at each typeset line end, even inside words). blind58 holds
//! only the kinds of page every new set scores worst on (four notices and lists pages, four
//! culture supplements, three evening sports and weather pages, a PDF printed by `pdftotext`
//! and an HTML page by `lynx -dump`), written blind but opened to tuning after this score
//! (unseen stays blind34..57). Title F1 / whole, scored by the lead at 10:25-10:33 UTC on
//! 2026-12-06 with segmentation as at main 5a8bce3 (session 45's last change, before any set
//! was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind56 | 0.918 / 81.3% | 0.879 / 80.2% | 0.918 / 79.1% | 0.918 / 81.3% | 0.918 / 79.1% | 0.925 / 82.4% |
//! | blind57 | 0.886 / 82.2% | 0.859 / 82.2% | 0.886 / 82.2% | 0.886 / 82.2% | 0.873 / 82.2% | 0.881 / 81.1% |
//! | blind58 | 0.761 / 65.6% | 0.725 / 57.8% | 0.792 / 66.7% | 0.774 / 65.6% | 0.784 / 64.4% | 0.747 / 63.3% |
//!
//! Pages (plain), in the scorer's order. blind56: front 1.000 / 8 of 8, political 0.933 / 6 of
//! 7, economy 0.909 / 5 of 7, supplement 0.800 / 2 of 6; commentary 1.000 / 6 of 8, notices
//! 0.875 / 5 of 9; evening city 1.000 / 8 of 8, sports and weather 0.909 / 6 of 7; county 0.909
//! / 6 of 6; the second city daily 1.000 / 6 of 6; the national paper 1.000 / 6 of 6 and 1.000
//! / 6 of 6; the BeautifulSoup page 0.645 / 4 of 7. blind57: front 0.933 / 7 of 8, political
//! 0.923 / 5 of 6, economy 0.909 / 5 of 7, supplement 0.600 / 4 of 6; commentary 0.923 / 5 of
//! 7, notices 0.714 / 5 of 8; evening city 1.000 / 8 of 8, sports and weather 0.909 / 3 of 7;
//! county 0.909 / 6 of 6; the second city daily 1.000 / 6 of 6; the national paper 1.000 / 6
//! of 6 and 1.000 / 6 of 6; the pymupdf4llm page 0.778 / 8 of 9. blind58: notices 0.750 / 5 of
//! 9, 0.875 / 6 of 8, 0.923 / 6 of 7, 0.833 / 6 of 7; supplements 0.667 / 3 of 7, 1.000 / 6 of
//! 6, 0.769 / 5 of 7, 1.000 / 6 of 6; sports and weather 0.545 / 2 of 7, 0.800 / 2 of 6, 0.727
//! / 4 of 7; the pdftotext page 0.222 / 3 of 6; the lynx page 0.667 / 5 of 7.
//!
//! ## First scores of the fifty-ninth to sixty-first blind sets
//! `tests/fixtures/blind59/` (13 files, 92 gold articles), `tests/fixtures/blind60/` (13
//! files, 90) and `tests/fixtures/blind61/` (13 files, 88), each of another new province's
//! papers, written by three helpers at the same time without reading `src/`, any test, the
//! ratchet or each other (see their READMEs). blind59 has the usual ten pages in the shared
//! samples' habits, two national-paper pages and one page printed by a tool no earlier set
//! used: a city daily's e-paper page written as HTML and converted to Markdown by python's
//! **markdownify** 1.2 (`heading_style="ATX"`: the `<title>` as the file's first line, the
//! navigation and the sidebar's briefs as `* [title](#)` lists with the brief's text indented
//! under its item, kickers in `<h3>` marked `###` and in `<p>` not, tables as Markdown
//! tables). blind60 and blind61 hold, like blind58, only the kinds of page every new set
//! scores worst on (four notices and lists pages, four culture supplements, three evening
//! sports and weather pages and two tool prints each: blind60 a three-column reportlab PDF
//! printed by PyMuPDF's `get_text()` and an HTML notices page by `w3m -dump`; blind61 a
//! four-column PDF supplement by `pdftotext -raw` and an HTML sports page by `html2text`),
//! written blind and opened to tuning after this score (unseen is blind34..57 and blind59).
//! Title F1 / whole, scored by the lead at 13:14 UTC on 2026-12-06 with segmentation as at
//! main b1975d3 (session 46's last change, before any set was seen):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind59 | 0.822 / 80.4% | 0.832 / 75.0% | 0.822 / 80.4% | 0.798 / 80.4% | 0.822 / 80.4% | 0.831 / 84.8% |
//! | blind60 | 0.784 / 68.9% | 0.667 / 62.2% | 0.784 / 68.9% | 0.831 / 70.0% | 0.784 / 68.9% | 0.772 / 70.0% |
//! | blind61 | 0.773 / 68.2% | 0.715 / 63.6% | 0.773 / 68.2% | 0.787 / 69.3% | 0.773 / 68.2% | 0.747 / 67.0% |
//!
//! Pages (plain), in the scorer's order. blind59: front 1.000 / 8 of 8, political 1.000 / 6 of
//! 6, economy (Markdown) 0.923 / 6 of 7, supplement 0.571 / 2 of 5; commentary 0.769 / 6 of 8,
//! notices 0.800 / 3 of 9; evening city 1.000 / 9 of 9, sports and weather 0.600 / 1 of 6;
//! county (Markdown) 0.923 / 6 of 6; the second city daily 0.833 / 7 of 7; the national paper
//! 0.833 / 6 of 6 and 1.000 / 6 of 6; the markdownify page 0.444 / 8 of 9. blind60: notices
//! 0.923 / 5 of 7, supplement 0.667 / 5 of 7, sports 0.857 / 6 of 8, notices 0.833 / 3 of 7,
//! supplement 0.833 / 6 of 7, sports 1.000 / 8 of 8, notices 0.500 / 2 of 6, supplement
//! (hard-wrapped) 0.800 / 4 of 6, sports 0.909 / 5 of 7, notices 0.667 / 4 of 7, supplement
//! 0.833 / 5 of 7; the PyMuPDF page 0.500 / 4 of 7, the w3m page 0.923 / 5 of 6. blind61:
//! notices 0.667 / 4 of 7, 0.875 / 6 of 9, 0.545 / 2 of 7, 0.889 / 7 of 8; supplements 0.444 /
//! 4 of 6, 0.909 / 6 of 6, 0.727 / 4 of 6, 0.909 / 5 of 6; sports and weather 0.727 / 4 of 7,
//! 0.769 / 5 of 7, 0.727 / 3 of 6; the `pdftotext -raw` page 1.000 / 4 of 6, the html2text
//! page 0.667 / 6 of 7.
//!
//! ## First scores of the sixty-second and sixty-third blind sets
//! `tests/fixtures/blind62/` (13 files, 90 gold articles) and `tests/fixtures/blind63/` (13
//! files, 90), each of another new province's papers, written by two helpers at the same time
//! without reading `src/`, any test, the ratchet or each other (see their READMEs), and like
//! blind58, blind60 and blind61 of only the kinds of page every new set scores worst on:
//! notices and lists pages, culture supplements, evening sports and weather pages, and two
//! tool prints each. blind62: a Word notices page (python-docx, heads as bold runs, a table
//! inside a notice) converted by `pandoc -t plain`, and a four-column reportlab supplement
//! printed by pdfminer.six's `pdf2txt.py` (which reads column 2's top first). blind63: an HTML
//! sports page dumped by python's `html-text`, and a three-column reportlab notices page
//! printed by poppler's `pdftohtml -xml` read back block by block by the writer's own script.
//! Both are opened to tuning after this score (unseen stays blind34..57 and blind59). Title F1
//! / whole, scored by the lead at 16:05 UTC on 2026-12-06 with segmentation as at main
//! 4d613c8 (session 47's last change; b0cad9e changes no output):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind62 | 0.711 / 67.8% | 0.650 / 64.4% | 0.727 / 64.4% | 0.731 / 67.8% | 0.727 / 64.4% | 0.717 / 73.3% |
//! | blind63 | 0.755 / 67.8% | 0.730 / 61.1% | 0.725 / 64.4% | 0.745 / 70.0% | 0.725 / 64.4% | 0.744 / 74.4% |
//!
//! Pages (plain), in the scorer's order. blind62: notices (heads centred by U+3000) 0.667 / 4
//! of 7, notices (e-paper) 0.800 / 4 of 7, sports 1.000 / 8 of 8, the pandoc page 0.833 / 3
//! of 6, supplement (Markdown) 0.750 / 2 of 5, notices 0.667 / 6 of 8, supplement (e-paper)
//! 0.909 / 5 of 6, weather and sports (no blank lines) 0.800 / 5 of 6, supplement 0.182 / 1
//! of 6, supplement 0.600 / 6 of 6, the pdf2txt page 0.429 / 6 of 8, notices (heads centred
//! by spaces) 0.667 / 5 of 9, sports and weather (Markdown) 0.923 / 6 of 8. blind63: notices
//! 0.545 / 2 of 7, 0.909 / 4 of 6, 0.714 / 4 of 8, 0.727 / 3 of 6 (hard-wrapped); the
//! pdftohtml page 0.933 / 8 of 8; supplements 0.727 / 5 of 6, 0.500 / 4 of 6, 0.857 / 3 of
//! 5, 0.667 / 4 of 5; sports 0.857 / 5 of 9, weather and sports 0.727 / 4 of 8, sports and
//! weather 1.000 / 8 of 8; the html-text page 0.545 / 7 of 8.
//!
//! ## First scores of the sixty-fourth and sixty-fifth blind sets
//! `tests/fixtures/blind64/` (14 files, 96 gold articles) and `tests/fixtures/blind65/` (13
//! files, 92), each of another new province's papers, written by two helpers at the same time
//! without reading `src/`, any test, the ratchet or each other (see their READMEs). blind64 is
//! a GENERAL set, the pages an archive holds most (county papers' front, local, farm,
//! politics and feature pages in the shared samples' habits, hard-wrapped, without blank lines
//! and U+3000-indented; a city daily's front and opinion pages; two national-daily pages with
//! agency datelines; a four-column reportlab page printed by `pdftotext` in default and
//! `-layout` modes; an e-paper page printed by boilerpy3's `KeepEverythingExtractor`), and is
//! UNSEEN (never tuned on; unseen is now blind34..57, blind59 and blind64). blind65 holds only
//! the weak kinds (notices and lists, culture supplements, evening sports and weather pages;
//! a three-column page printed by Apache PDFBox 2.0.27 `ExtractText`, an HTML page by
//! boilerpy3) and is OPEN. Title F1 / whole, scored by the lead at 19:13 UTC on 2026-12-06
//! with segmentation as at main 0f6ed82 (session 48's last change):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind64 | 0.902 / 84.4% | 0.878 / 85.4% | 0.897 / 86.5% | 0.897 / 87.5% | 0.897 / 86.5% | 0.897 / 84.4% |
//! | blind65 | 0.794 / 57.6% | 0.824 / 53.3% | 0.794 / 57.6% | 0.812 / 55.4% | 0.803 / 57.6% | 0.845 / 65.2% |
//!
//! Pages (plain), in the scorer's order. blind64: nine of the eleven text pages 1.000 and
//! whole; the hard-wrapped farm page 0.909 / 3 of 7, the indented feature page 0.750 / 5 of
//! 5; the `pdftotext` print 0.667 / 1 of 6, the `-layout` print 0.200 / 3 of 6, the boilerpy3
//! page 0.833 / 4 of 7. blind65: notices 0.833 / 6 of 10, 0.727 / 5 of 8, 0.800 / 4 of 8,
//! 0.000 / 1 of 7, 0.571 / 2 of 8; sports and weather 1.000 / 6 of 8, 0.800 / 4 of 7, the
//! boilerpy3 page 0.909 / 5 of 6, 0.667 / 3 of 5; supplements 0.923 / 5 of 7, 0.833 / 4 of 7,
//! 1.000 / 5 of 5, the PDFBox page 0.889 / 3 of 6. Ordinary pages in text are near the aim
//! (blind64's eleven text pages 77 of 84 whole); the PDF prints and the weak kinds are not.
//!
//! ## First scores of the sixty-sixth and sixty-seventh blind sets
//! `tests/fixtures/blind66/` (12 files, 73 gold articles) and `tests/fixtures/blind67/` (12
//! files, 76), each of another new province's papers, written by two helpers at the same time
//! without reading `src/`, any test, the ratchet or each other (see their READMEs). blind66 is
//! a GENERAL set from outside the samples' region (a city daily's front, meeting and opinion
//! pages; a county paper's local and farm pages, one hard-wrapped; an evening paper's feature
//! page, U+3000-indented without blank lines, and its culture page typeset in four columns and
//! printed by `pdftotext`; a national daily's report page; an industry paper in converter
//! Markdown; an e-paper printed by `html-to-markdown`) and is UNSEEN (unseen is now
//! blind34..57, blind59, blind64 and blind66). blind67 holds only PDF prints: six pages
//! typeset with reportlab (three to six columns, heads across columns, photo boxes, run-on
//! stories, a jump line, running heads and folios), each printed by two of `pdftotext`
//! default, `-layout` and `-raw`, `mutool draw`, PDFBox `ExtractText`, pdfminer `pdf2txt.py`,
//! PyMuPDF `get_text()` and pdfplumber `extract_text()`; it is OPEN. Title F1 / whole, scored
//! by the lead at 21:45 UTC on 2026-12-06 with segmentation as at main 22890fd (session 49's
//! last change):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind66 | 0.880 / 86.3% | 0.816 / 86.3% | 0.880 / 86.3% | 0.880 / 86.3% | 0.880 / 86.3% | 0.880 / 86.3% |
//! | blind67 | 0.433 / 30.3% | 0.405 / 27.6% | 0.473 / 34.2% | 0.446 / 31.6% | 0.448 / 34.2% | 0.398 / 30.3% |
//!
//! Pages (plain), in the scorer's order. blind66: front page 1.000 / 8 of 8, meeting page
//! 0.769 / 5 of 6, opinion page (no blank lines) 0.833 / 7 of 7, local news (hard-wrapped)
//! 1.000 / 6 of 6, farm page 0.727 / 4 of 6, feature page (indented) 0.857 / 3 of 4, the
//! `pdftotext` culture page 1.000 / 6 of 6, national reports 1.000 / 7 of 7, the Markdown
//! industry page 0.750 / 4 of 6, the `html-to-markdown` page 0.909 / 6 of 6, economy page
//! 0.857 / 5 of 5, city page 0.800 / 2 of 6. blind67 (each page's two prints): county front
//! page 0.667 / 2 of 6 (`pdftotext`) and 0.889 / 3 of 6 (PyMuPDF); local news 0.500 / 1 of 6
//! (`-layout`) and 1.000 / 6 of 6 (`mutool`); national reports 0.273 / 1 of 7 (`-raw`) and
//! 0.273 / 1 of 7 (PDFBox); sports 0.364 / 0 of 6 (pdfplumber) and 0.667 / 3 of 6 (pdf2txt);
//! culture 0.889 / 1 of 6 (pdf2txt) and 0.909 / 5 of 6 (PyMuPDF); notices 0.000 / 0 of 7
//! (pdfplumber) and 0.000 / 0 of 7 (`pdftotext`). A general unseen set in text is near the
//! aim; PDF prints of several tools are the project's weakest input by far.
//!
//! ## First scores of the sixty-eighth and sixty-ninth blind sets
//! `tests/fixtures/blind68/` (14 files, 85 gold articles) and `tests/fixtures/blind69/` (12
//! files, 92), each of another new province's papers, written by two helpers at the same time
//! without reading `src/`, any test, the ratchet or each other (see their READMEs). blind68 is
//! a GENERAL set and UNSEEN (unseen is now blind34..57, blind59, blind64, blind66 and
//! blind68): half of its pages in the shared samples' habits (a city daily's and a county
//! paper's pages, two of them in converter Markdown), half from other regions (an e-paper
//! front page printed by `turndown`, a meeting page, a county page hard-wrapped at 30 without
//! blank lines, a feature page printed by `node-html-markdown`, a culture page typeset in four
//! columns and printed by `pdftotext`, a national daily's report page indented without blank
//! lines, an industry paper). blind69 holds only PDF prints in the shared samples' habits: six
//! pages typeset with reportlab (three to six columns), each printed by `pdftotext` in its
//! default mode and by one of `pdftotext -layout` (two pages), PyMuPDF's blocks, pdfplumber's
//! `extract_text(layout=True)` and `pdf2txt.py -M 3.0` (two pages); it is OPEN. Title F1 /
//! whole, scored by the lead at 00:28 UTC on 2026-12-07 with segmentation as at main b686369
//! (session 50's last change):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind68 | 0.943 / 90.6% | 0.914 / 85.9% | 0.958 / 90.6% | 0.944 / 90.6% | 0.950 / 88.2% | 0.929 / 88.2% |
//! | blind69 | 0.675 / 56.5% | 0.617 / 52.2% | 0.735 / 60.9% | 0.671 / 52.2% | 0.671 / 55.4% | 0.485 / 43.5% |
//!
//! Pages (plain), in the scorer's order. blind68: seven pages in the samples' habits 1.000 /
//! 7 of 7, 1.000 / 4 of 6, 0.800 / 7 of 7, 1.000 / 7 of 7, 1.000 / 5 of 5, 0.909 / 4 of 6,
//! 0.800 / 6 of 6; the `turndown` front page 1.000 / 7 of 7, the meeting page 1.000 / 6 of 6,
//! the hard-wrapped county page 1.000 / 6 of 6, the `node-html-markdown` feature page 0.889 /
//! 5 of 5, the `pdftotext` culture page 0.750 / 4 of 6, the national page 1.000 / 6 of 6, the
//! industry page 1.000 / 3 of 5. blind69 (each page's `pdftotext` default print, then its
//! second): county front page 0.857 / 6 of 7 and `-layout` 0.923 / 5 of 7; briefs page 0.400 /
//! 2 of 11 and PyMuPDF blocks 0.600 / 10 of 11; farm page 0.444 / 2 of 6 and pdfplumber
//! 0.222 / 3 of 6; supplement 0.800 / 5 of 6 and `pdf2txt.py` 1.000 / 3 of 6; special page
//! 0.667 / 4 of 7 and `pdf2txt.py` 0.727 / 4 of 7; law and services page 0.500 / 0 of 9 and
//! `-layout` 0.875 / 8 of 9. A general unseen set in text meets the unseen aim of whole
//! articles (90.6%) and nearly that of titles (0.943); PDF prints in the samples' own habits
//! are as weak as last session's (blind67 plain 0.433 / 30.3% at its first score).
//!
//! ## First scores of the seventieth and seventy-first blind sets
//! `tests/fixtures/blind70/` (13 files, 72 gold articles) and `tests/fixtures/blind71/` (12
//! files, 78), each of another new province's papers, written by two helpers at the same time
//! without reading `src/`, any test, the ratchet or each other (see their READMEs). blind70 is
//! a GENERAL set and UNSEEN (unseen is now blind34..57, blind59, blind64, blind66, blind68 and
//! blind70): seven pages in the shared samples' habits (two of them in converter Markdown),
//! and six in other papers' habits (a meeting page hard-wrapped at 30 without blank lines, a
//! national page indented without blank lines, an industry paper, a feature page typeset in
//! four columns and printed by `pdftotext`, an opinion page printed by Perl's
//! `HTML::FormatText` and a culture page by `xmllint`). blind71 holds only PDF prints in other
//! papers' habits (a national daily's 要闻 and 国际 pages, a provincial 经济 page with a jumped
//! lead, an evening paper's 民生 page, a 读书 page, an industry weekly with a head set beside
//! its text): six pages typeset with reportlab (three to five columns), each printed by
//! `pdftotext` in its default mode and by one of `pdftotext -layout` (two pages), `-raw` (two
//! pages), PyMuPDF's blocks and `pdf2txt.py -M 3.0`; it is OPEN. Title F1 / whole, scored by
//! the lead at 03:08 UTC on 2026-12-07 with segmentation as at main b5aa954 (session 51's
//! last change):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind70 | 0.937 / 84.7% | 0.937 / 84.7% | 0.945 / 87.5% | 0.921 / 84.7% | 0.945 / 87.5% | 0.937 / 84.7% |
//! | blind71 | 0.699 / 53.8% | 0.592 / 53.8% | 0.516 / 57.7% | 0.667 / 53.8% | 0.516 / 57.7% | 0.593 / 46.2% |
//!
//! Pages (plain), in the scorer's order. blind70: the city daily's front page 1.000 / 8 of 8,
//! the county paper's local page 1.000 / 6 of 7, the provincial front page in Markdown 1.000 / 4 of 4, the
//! evening paper's page 0.769 / 4 of 6, the hard-wrapped meeting page 0.889 / 5 of 5, the
//! indented national page 1.000 / 6 of 6, the industry page 1.000 / 4 of 6, the `pdftotext`
//! feature page 0.857 / 3 of 5, the `HTML::FormatText` opinion page 1.000 / 5 of 5, the
//! `xmllint` culture page 0.857 / 3 of 4, the provincial page 2 1.000 / 4 of 4, the county
//! front page in Markdown 0.909 / 3 of 6, the city economy page 0.909 / 6 of 6. blind71 (each
//! page's `pdftotext` default print, then its second): 要闻 0.727 / 3 of 7 and `-layout` 0.500
//! / 6 of 7; 经济 0.889 / 3 of 6 and `-raw` 0.750 / 5 of 6; 民生 0.833 / 3 of 8 and PyMuPDF
//! 0.857 / 7 of 8; 国际 0.909 / 1 of 7 and `-layout` 0.667 / 5 of 7; 读书 0.857 / 1 of 5 and
//! `pdf2txt.py` 0.571 / 2 of 5; the industry weekly 0.667 / 3 of 6 and `-raw` 0.182 / 3 of 6.
//! A general unseen set in text stays near, and below, the unseen aim (0.937 / 84.7%);
//! `pdftotext`'s default order loses most articles whole (14 of 39), the second prints keep
//! more (28 of 39).
//!
//! ## First scores of the seventy-second and seventy-third blind sets
//! `tests/fixtures/blind72/` (14 files, 70 gold articles) and `tests/fixtures/blind73/` (14
//! files, 77), each of another new province's papers, written by two helpers at the same time
//! without reading `src/`, any test, the ratchet or each other (see their READMEs). blind72 is
//! a GENERAL set and UNSEEN (unseen is now blind34..57, blind59, blind64, blind66, blind68,
//! blind70 and blind72): six pages in the shared samples' habits (one in converter Markdown,
//! one a four-column page typeset with reportlab and printed by pypdfium2) and eight in other
//! papers' habits (a 要闻 front page without blank lines, a county 三农 page hard-wrapped at 31,
//! a meeting page with sidebars, an opinion page, a feature page printed from HTML by lxml's
//! `text_content()`, a culture page by pyquery's `.text()`, a national daily indented with
//! U+3000 and agency datelines, an industry paper). blind73 is OPEN and about head stacks and
//! kinds: section labels over several stories and column labels over one, kickers of one and
//! two lines, run-in briefs under banners, and the kinds an editor tells apart (briefs with
//! and without credits, features opening on a scene, single-answer Q&A, commentaries, essays,
//! letters, notices, service boxes, corrections), over seven papers, in every way text
//! arrives (blank lines or none, indents, hard wrap at 30, converter Markdown, an HTML page
//! by lxml and a PDF page by pypdfium2). Title F1 / whole, scored by the lead at 06:13 UTC on
//! 2026-12-07 with segmentation as at main 4946839 (session 52's last change):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind72 | 0.852 / 78.6% | 0.862 / 78.6% | 0.852 / 78.6% | 0.852 / 78.6% | 0.852 / 78.6% | 0.852 / 78.6% |
//! | blind73 | 0.889 / 90.9% | 0.868 / 90.9% | 0.889 / 88.3% | 0.889 / 92.2% | 0.889 / 88.3% | 0.882 / 89.6% |
//!
//! Pages (plain), in the scorer's order. blind72: the city daily's front page 1.000 / 5 of 5,
//! its page 5 0.909 / 4 of 5, the evening paper's page 0.750 / 4 of 5, the county front page in
//! Markdown 1.000 / 5 of 5, the county page 3 0.769 / 4 of 8, the pypdfium2 print 0.500 / 5 of
//! 5, the 要闻 front page 1.000 / 4 of 6, the hard-wrapped 三农 page 0.667 / 2 of 5, the meeting
//! page 0.857 / 2 of 4, the opinion page 0.909 / 5 of 5, the lxml feature page 1.000 / 3 of 3,
//! the pyquery culture page 0.750 / 4 of 4, the indented national page 1.000 / 5 of 5, the
//! industry page 0.889 / 3 of 5. blind73: 1.000 / 4 of 4, 1.000 / 5 of 6, 1.000 / 4 of 4, 0.571
//! / 2 of 4, 1.000 / 6 of 6, 0.800 / 6 of 6, 0.833 / 5 of 6, 0.923 / 7 of 7, 1.000 / 5 of 5,
//! the pypdfium2 print 0.500 / 5 of 5, 0.833 / 5 of 7, 1.000 / 6 of 6, 0.909 / 5 of 6, the
//! lxml print 1.000 / 5 of 5. The general unseen set falls short of the unseen aim (78.6%
//! whole, title F1 0.852), further than blind70 did (84.7%); pypdfium2's prints keep articles
//! whole but lose half their titles.
//!
//! ## First scores of the seventy-fourth and seventy-fifth blind sets
//! `tests/fixtures/blind74/` (15 files, 89 gold articles) and `tests/fixtures/blind75/` (14
//! files, 98 gold entries: 49 articles on 7 pages, each page printed twice), each of another
//! new province's papers, written by two helpers at the same time without reading `src/`, any
//! test, the ratchet or each other (see their READMEs). blind74 is a GENERAL set and UNSEEN
//! (unseen is now blind34..57, blind59, blind64, blind66, blind68, blind70, blind72 and
//! blind74): seven pages in the shared samples' habits (one in converter Markdown) and eight in
//! other papers' habits (a 要闻 front page without blank lines and indented, an opinion page, a
//! meeting page printed from HTML by cheerio, a feature page by readabilipy, a county 三农 page
//! hard-wrapped at 30, a national daily with agency datelines, an industry paper without blank
//! lines, a four-column culture page typeset with reportlab and printed by the `pdftext`
//! package). blind75 is OPEN and about PDF prints: seven pages typeset with reportlab in three
//! to six columns, each with a head set beside its text, head bands, stories run from a
//! column's foot to the next, boxed sidebars and tables, run-in briefs and photo credits, each
//! printed by `pdftotext` in its default order and by a second tool (`-layout`, pdfplumber,
//! PyMuPDF, pypdfium2, pdfminer's `pdf2txt.py`, `pdftext`, pdf.js). Title F1 / whole, scored by
//! the lead at 09:14 UTC on 2026-12-07 with segmentation as at main b965aca (session 53's last
//! change):
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind74 | 0.947 / 89.9% | 0.907 / 89.9% | 0.947 / 89.9% | 0.920 / 87.6% | 0.947 / 89.9% | 0.947 / 89.9% |
//! | blind75 | 0.542 / 67.3% | 0.526 / 65.3% | 0.529 / 65.3% | 0.459 / 67.3% | 0.529 / 65.3% | 0.537 / 61.2% |
//!
//! Pages (plain), in the scorer's order. blind74: the city daily's Markdown front page 1.000 /
//! 7 of 7, its page 2 (a jumped lead, a timeline) 0.769 / 4 of 8, its economy page 1.000 / 4 of
//! 6, its commentary page 0.750 / 6 of 6, the evening paper 1.000 / 6 of 6, the county paper's
//! pages 1.000 / 6 of 6 and 0.889 / 4 of 6, the 要闻 front page 1.000 / 6 of 6, the cheerio
//! print 0.909 / 4 of 5, the opinion page 0.857 / 5 of 5, the readabilipy print 1.000 / 4 of 4,
//! the hard-wrapped 三农 page 1.000 / 6 of 6, the national page 1.000 / 6 of 6, the industry
//! page 1.000 / 6 of 6, the `pdftext` print 1.000 / 6 of 6. blind75, each page's `pdftotext`
//! default print, then its second: front page 0.267 / 5 of 8 and `-layout` 0.286 / 6 of 8;
//! city page 0.615 / 5 of 8 and pdfplumber 0.500 / 3 of 8; evening page 0.600 / 4 of 7 and
//! PyMuPDF 0.400 / 5 of 7; county page 0.800 / 4 of 6 and pypdfium2 0.600 / 4 of 6; national
//! page 0.545 / 6 of 8 and `pdf2txt.py` 0.333 / 5 of 8; industry page 0.923 / 6 of 8 and
//! `pdftext` 0.714 / 7 of 8; culture page 0.400 / 2 of 4 and pdf.js 0.667 / 4 of 4. The
//! general unseen set comes within a hair of the unseen aim on whole articles (89.9%) but not
//! on titles (0.947); PDF pages whose heads sit beside their text lose most of their titles in
//! every print.
//!
//! ## First scores of the seventy-sixth and seventy-seventh blind sets
//! `tests/fixtures/blind76/` (14 files, 83 gold articles) and `tests/fixtures/blind77/` (14
//! files, 118 gold entries: 59 articles on 7 pages, each page printed twice), each of another
//! new province's papers, written by two helpers at the same time without reading `src/`, any
//! test, the ratchet or each other (see their READMEs). blind76 is a GENERAL set and UNSEEN
//! (unseen is now blind34..57, blind59, blind64, blind66, blind68, blind70, blind72, blind74
//! and blind76): six pages in the shared samples' habits (one in converter Markdown) and eight
//! in other papers' habits (a 要闻 front page hard-wrapped at 30, a national daily without blank
//! lines and indented, an industry weekly with CRLF line ends, a four-column culture page
//! typeset with reportlab and printed by pdfx, an opinion page printed from HTML by kreuzberg,
//! a feature page printed by Emacs's shr, a county paper's two pages). blind77 is OPEN and
//! about PDF prints: seven pages typeset with reportlab in three to five columns, with heads
//! beside their text, column labels over bands of letters and comments, a two-line title under
//! a label, kickers wrapped in a narrow column, ruled briefs and service boxes and jump lines,
//! each printed by `pdftotext` in its default order and by a second tool (`-layout`,
//! pdfplumber, PyMuPDF, pypdfium2, pdfminer's `pdf2txt.py`, extractous, pdfx). Title F1 /
//! whole, scored by the lead at 11:52 UTC on 2026-12-07 with segmentation as at main 5da524d
//! (session 54's last change); the unseen set's pages are in the session's note only:
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind76 | 0.887 / 83.1% | 0.859 / 83.1% | 0.901 / 83.1% | 0.895 / 84.3% | 0.901 / 83.1% | 0.910 / 88.0% |
//! | blind77 | 0.562 / 54.2% | 0.546 / 57.6% | 0.589 / 56.8% | 0.547 / 54.2% | 0.589 / 56.8% | 0.526 / 53.4% |
//!
//! blind77's pages (plain), each page's `pdftotext` default print, then its second: front page
//! 0.286 / 2 of 10 and `-layout` 0.429 / 3 of 10; city page 0.857 / 3 of 9 and pdfplumber 0.588
//! / 4 of 9; evening page 0.533 / 6 of 9 and PyMuPDF 0.400 / 7 of 9; county page 0.800 / 5 of 7
//! and pypdfium2 1.000 / 5 of 7; national page 0.429 / 4 of 9 and `pdf2txt.py` 0.400 / 3 of 9;
//! financial page 0.533 / 4 of 9 and extractous 0.250 / 9 of 9; culture page 0.727 / 5 of 6 and
//! pdfx 1.000 / 4 of 6. The general unseen set falls short of the unseen aim (83.1% whole,
//! title F1 0.887; blind74 had 89.9%); the PDF set is the hardest open set yet (54.2%).
//!
//! ## First scores of the seventy-eighth and seventy-ninth blind sets
//! `tests/fixtures/blind78/` (13 files, 79 gold articles) and `tests/fixtures/blind79/` (12
//! files, 70 gold articles), each of another new province's papers, written by two helpers at
//! the same time without reading `src/`, any test, the ratchet or each other (see their
//! READMEs). blind78 is a GENERAL set and UNSEEN (unseen is now blind34..57, blind59, blind64,
//! blind66, blind68, blind70, blind72, blind74, blind76 and blind78): seven pages in the shared
//! samples' habits (two in converter Markdown) and six in other papers' habits (a national
//! daily without blank lines and indented, a 要闻 front page hard-wrapped at 30, an industry
//! paper without blank lines, a four-column culture page typeset with reportlab and printed by
//! the `pdftext` package, two HTML e-paper pages printed by unhtml and by edbrowse). blind79 is
//! OPEN and about the pages an archive holds besides plain reports, mostly in the samples'
//! habits: notices and classifieds, service boxes (prices, weather, hotlines, clinic hours, a
//! bus-route change), question-and-answer items and interviews, readers' letters under a band
//! label, pen names under titles, `·…·` and bracketed bylines, reprint notes, briefs after
//! `■`/`▲`/`【】`, pages without blank lines, hard-wrapped at 30, indented, in Markdown, and a
//! four-column PDF printed by extractous. Title F1 / whole, scored by the lead at 14:56 UTC on
//! 2026-12-07 with segmentation as at main 03cb8e6 (session 55's last change); the unseen set's
//! pages are in the session's note only:
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind78 | 0.896 / 88.6% | 0.881 / 88.6% | 0.881 / 88.6% | 0.881 / 88.6% | 0.881 / 88.6% | 0.889 / 88.6% |
//! | blind79 | 0.807 / 80.0% | 0.759 / 80.0% | 0.797 / 80.0% | 0.793 / 80.0% | 0.797 / 80.0% | 0.810 / 82.9% |
//!
//! blind79's pages (plain): two front pages 1.000 / 6 of 6 and 7 of 7; a continued lead with
//! an interview as Q&A 1.000 / 5 of 5; the extractous PDF print 0.571 / 2 of 5; a notices page
//! 0.600 / 3 of 7; a page without blank lines with intertitles and `【】` briefs 0.600 / 6 of 6;
//! an evening paper's service page 0.923 / 7 of 7; its letters page 0.889 / 5 of 5; a county
//! page hard-wrapped at 30 0.833 / 6 of 6; its service page 0.667 / 2 of 5; an indented city
//! page of another region 0.500 / 2 of 5; a Markdown evening page with a letters band 0.909 / 5
//! of 6. The general unseen set is near the unseen aim on whole articles (88.6%) but not on
//! titles (0.896): two HTML prints of a tool no earlier set used score no title at all.
//!
//! ## First scores of the eightieth and eighty-first blind sets
//! `tests/fixtures/blind80/` (13 files, 80 gold articles) and `tests/fixtures/blind81/` (14
//! files, 71 gold articles), each of two new provinces' papers, written by two helpers at the
//! same time without reading `src/`, any test, the ratchet or each other (see their READMEs).
//! blind80 is a GENERAL set and UNSEEN (unseen is now blind34..57, blind59, blind64, blind66,
//! blind68, blind70, blind72, blind74, blind76, blind78 and blind80): seven pages in the shared
//! samples' habits (one in converter Markdown) and six in other habits (a culture page
//! hard-wrapped at 26, an economy page without blank lines or indents, a national page with
//! U+3000 indents and agency datelines, a three-column PDF printed by `pdftotext -raw` and by
//! pdfplumber's layout text, an HTML e-paper page printed by `w3m -dump`). blind81 is OPEN and
//! about HTML e-paper pages printed to text by twelve tools (edbrowse's browse mode, lynx, w3m,
//! ELinks, links, unhtml, Debian's and Python's html2text, pandoc plain and gfm, markdownify,
//! BeautifulSoup's get_text), with two pages in the samples' habits. Title F1 / whole, scored
//! by the lead at 18:05 UTC on 2026-12-07 with segmentation as at main d43b662 (session 56's
//! last change); the unseen set's pages are in the session's note only:
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind80 | 0.957 / 95.0% | 0.913 / 92.5% | 0.928 / 95.0% | 0.942 / 95.0% | 0.928 / 95.0% | 0.914 / 87.5% |
//! | blind81 | 0.566 / 76.1% | 0.418 / 69.0% | 0.518 / 71.8% | 0.536 / 73.2% | 0.519 / 64.8% | 0.505 / 69.0% |
//!
//! blind81's pages (plain): edbrowse 0.000 / 7 of 7 (no title: its `h2 `/`h3 ` level marks
//! stand before every head); lynx 0.800 / 3 of 5; w3m 1.000 / 4 of 5; ELinks 1.000 / 3 of 5;
//! links 0.333 / 5 of 6; unhtml 0.000 / 0 of 5; Debian html2text 0.000 / 3 of 5; Python
//! html2text 0.222 / 5 of 5; pandoc plain 0.750 / 5 of 5; pandoc gfm 0.889 / 3 of 5;
//! markdownify 0.000 / 4 of 4; BeautifulSoup 1.000 / 5 of 5; the two pages in the samples'
//! habits 1.000 / 5 of 5 and 0.857 / 2 of 4. The general unseen set is past the unseen aim
//! (95.0% whole, 0.957 titles); the HTML set shows what the prints of text browsers and
//! converters still cost: titles on half its pages.
//!
//! ## First scores of the eighty-second and eighty-third blind sets
//! `tests/fixtures/blind82/` (13 files of 12 pages, 80 gold articles) and
//! `tests/fixtures/blind83/` (13 files of 11 pages, 75 gold articles), each of two new
//! provinces' papers, written by two helpers at the same time without reading `src/`, any test,
//! the ratchet or each other (see their READMEs). blind82 is a GENERAL set and UNSEEN (unseen is
//! now blind34..57, blind59, blind64, blind66, blind68, blind70, blind72, blind74, blind76,
//! blind78, blind80 and blind82): six pages in the shared samples' habits (two in converter
//! Markdown) and seven files in other habits (a national e-paper copy with U+3000 indents and
//! agency datelines, a page hard-wrapped at 30, a page without blank lines with run-in `■`
//! briefs, a PDF page printed by pdfplumber's layout text and by PyMuPDF, HTML e-paper pages
//! printed by lynx and by Python's html2text). blind83 is OPEN and about the pages that are not
//! hard news: a weekend supplement (essays under pen names, a poem, an editor's note), an
//! in-depth feature with intertitles, a sidebar box and a pull quote, its jump page, an
//! interview in question-and-answer form, an opinion page with a readers' letters column, a
//! science and health page with a Q&A box and a tips list; six pages in the samples' habits,
//! two hard-wrapped, one without blank lines, a three-column PDF with a ruled box printed by
//! `pdftotext` (default and `-layout`) and by PyMuPDF, an HTML page printed by `w3m -dump`.
//! Title F1 / whole, scored by the lead at 20:52 UTC on 2026-12-07 with segmentation as at main
//! af83c15 (session 57's last change); the unseen set's pages are in the session's note only:
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind82 | 0.956 / 87.5% | 0.934 / 86.2% | 0.956 / 87.5% | 0.941 / 87.5% | 0.948 / 85.0% | 0.941 / 82.5% |
//! | blind83 | 0.873 / 74.7% | 0.857 / 74.7% | 0.882 / 72.0% | 0.850 / 74.7% | 0.882 / 72.0% | 0.809 / 70.7% |
//!
//! blind83's pages (plain): the weekend supplement 0.909 / 4 of 6 (a poem's title missed, two
//! pieces swallowed); the evening opinion page 0.909 / 6 of 7 (the cartoon's head read as a title
//! of its own); the county literary page, hard-wrapped, 0.667 / 3 of 5 (a pen name read as a title,
//! `编后` swallowed); the interview page 0.889 / 4 of 5 (a labelled question turn read as a title);
//! the in-depth feature page 1.000 / 5 of 5; its jump page 0.909 / 4 of 6 (the `背景` box swallowed);
//! the science and health page 1.000 / 6 of 6; the commentary page, hard-wrapped without blank
//! lines, 0.909 / 5 of 6; the health page without blank lines 1.000 / 6 of 6; the PDF by
//! `pdftotext` 0.667 / 4 of 6, by `-layout` 0.800 / 3 of 6, by PyMuPDF 0.800 / 3 of 6; the w3m
//! print 0.857 / 3 of 5. The general unseen set is short of the unseen aim on whole articles
//! (87.5%) and near it on titles (0.956); the open set's weak marks are kinds (42 of 55 found) and
//! the supplement's pieces that stand under a pen name or a box label.
//!
//! ## First scores of the eighty-fourth and eighty-fifth blind sets
//! `tests/fixtures/blind84/` (13 files of 12 pages, 76 gold articles) and
//! `tests/fixtures/blind85/` (12 files of 10 pages, 75 gold articles), each of two new
//! provinces' papers, written by two helpers at the same time without reading `src/`, any test,
//! the ratchet or each other (see their READMEs). blind84 is a GENERAL set and UNSEEN (unseen is
//! now blind34..57, blind59, blind64, blind66, blind68, blind70, blind72, blind74, blind76,
//! blind78, blind80, blind82 and blind84): eight pages in the shared samples' habits (two in
//! converter Markdown) and five files in other habits (a national e-paper copy without blank
//! lines, with U+3000 indents and agency datelines, an export hard-wrapped at 30 without blank
//! lines, an HTML e-paper printed by `w3m -dump`, a two-column PDF printed by `pdftotext` and by
//! PyMuPDF). blind85 is OPEN and about the head band and the lines that are hard to tell from
//! heads: front pages with titles set over two lines, kickers over one-line titles and two
//! subtitles, banner slogans and public-service boxes in the column (no articles), briefs run in
//! under `■`/`▲` or under their own `●` line, names printed after the text (the byline of the piece
//! above), a classifieds page (a `遗失声明` column is one notice) and a service page with
//! timetable and price boxes; five pages in the samples' habits, two hard-wrapped (at 36 and at
//! 24), one without blank lines, a three-column PDF with a banner printed by `pdftotext`
//! (default and `-layout`) and by PyMuPDF, an HTML page printed by `w3m -dump`. Title F1 /
//! whole, scored by the lead at 23:25 UTC on 2026-12-07 with segmentation as at main 506751e
//! (session 58's last change); the unseen set's pages are in the session's note only:
//!
//! | set | plain | hardwrap | noblank | furniture | indent | markdown |
//! |---|---|---|---|---|---|---|
//! | blind84 | 0.985 / 96.1% | 0.985 / 96.1% | 0.985 / 96.1% | 0.970 / 96.1% | 0.985 / 96.1% | 0.985 / 96.1% |
//! | blind85 | 0.837 / 93.3% | 0.750 / 89.3% | 0.851 / 93.3% | 0.814 / 90.7% | 0.837 / 93.3% | 0.814 / 90.7% |
//!
//! blind85's pages (plain): the provincial front page in converter Markdown 0.800 / 6 of 6 (a
//! title set over two `# ` lines read as a title and its tail); the city news page with a banner
//! slogan and a public-service box 0.769 / 6 of 6 (the box's label read as a title, the slogan as
//! the next story's kicker, a stacked head joined); the evening city page with names after the
//! text 1.000 / 7 of 7; the county classifieds page 1.000 / 6 of 6; the evening service page 0.909
//! / 4 of 6 (the timetable and the price box swallowed, the running head read as a kicker); the
//! front page hard-wrapped at 36 0.615 / 6 of 6 (the masthead read as a title, two titles over
//! two lines split); the readers' page hard-wrapped at 24 0.800 / 5 of 5 (`部门回音` and the call
//! for letters read as titles, a pen name after the text missed); the commentary page without
//! blank lines 1.000 / 6 of 6; the PDF by `pdftotext` 0.667 / 4 of 7, by `-layout` 0.769 / 7 of
//! 7, by PyMuPDF 0.769 / 7 of 7 (the two-line title split, the slogan set in the column read as
//! a title); the culture page printed by w3m 1.000 / 6 of 6. The general unseen set is past the
//! unseen aim (96.1% whole, 0.985 titles); the open set's weak mark is titles (found 59 of 68,
//! 14 extra), not whole articles: titles over two lines, and box labels, a masthead and slogans
//! read as titles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::styles::{Heads, Style, head_key, keeps_geometry, render, render_layout, title_key};
use newstag::article::Article;
use newstag::corpus::{issue_key, parse_issue};
use newstag::segment::habits::{Habits, PageLines};
use newstag::segment::page_lines;
use newstag::segment::segment_issue_with;
use newstag::text::comparison_key;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Gold {
    #[serde(default, alias = "articles")]
    article: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize)]
struct SampleGold {
    issue: Vec<SampleIssue>,
}

#[derive(Debug, Deserialize)]
struct SampleIssue {
    file: String,
    #[serde(default)]
    article: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize, Clone)]
struct GoldArticle {
    #[serde(default)]
    title: String,
    #[serde(default)]
    kicker: String,
    #[serde(default)]
    subtitle: String,
    #[serde(default)]
    byline: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    first_body: String,
    #[serde(default)]
    last_body: String,
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold_titles: usize,
    found_titles: usize,
    predicted_titles: usize,
    correct_predicted: usize,
    gold_articles: usize,
    whole: usize,
    /// Gold articles found by their own title, and how many of those also have the
    /// gold kicker, subtitle, byline and kind.
    headed: usize,
    heads_right: [usize; 4],
}

const HEAD_FIELDS: [&str; 4] = ["kicker", "subtitle", "byline", "kind"];

impl Score {
    fn add(&mut self, o: Score) {
        self.gold_titles += o.gold_titles;
        self.found_titles += o.found_titles;
        self.predicted_titles += o.predicted_titles;
        self.correct_predicted += o.correct_predicted;
        self.gold_articles += o.gold_articles;
        self.whole += o.whole;
        self.headed += o.headed;
        for (a, b) in self.heads_right.iter_mut().zip(o.heads_right) {
            *a += b;
        }
    }
    fn head_share(&self, field: usize) -> f64 {
        self.heads_right[field] as f64 / self.headed.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let p = self.correct_predicted as f64 / self.predicted_titles.max(1) as f64;
        let r = self.found_titles as f64 / self.gold_titles.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn whole_share(&self) -> f64 {
        self.whole as f64 / self.gold_articles.max(1) as f64
    }
}

fn key(s: &str) -> String {
    comparison_key(s)
}

/// Does predicted article `a` carry gold article `g`'s title?
fn title_matches(a: &Article, g: &GoldArticle) -> bool {
    let t = title_key(&g.title);
    if t.is_empty() {
        return false;
    }
    title_key(&a.title) == t
        || (!g.kicker.is_empty()
            && title_key(&a.title) == title_key(&g.kicker)
            && title_key(&a.subtitle) == t)
}

/// What went right for one gold article: its title found, its body whole, and (when
/// found by its title) kicker, subtitle, byline and kind; as a string of six marks
/// (`+` right, `-` wrong, `.` not scored), the ratchet's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marks([u8; 6]);

const MARK_NAMES: [&str; 6] = ["title", "whole", "kicker", "subtitle", "byline", "kind"];

impl Marks {
    fn as_string(self) -> String {
        self.0.iter().map(|&b| b as char).collect()
    }
    fn parse(s: &str) -> Marks {
        let mut m = [b'.'; 6];
        for (slot, b) in m.iter_mut().zip(s.bytes()) {
            *slot = b;
        }
        Marks(m)
    }
}

/// Score one issue's articles against its gold list; `log` gets the misses, `marks`
/// one entry a gold article.
fn score_marked(
    articles: &[Article],
    gold: &[GoldArticle],
    log: &mut String,
    marks: &mut Vec<Marks>,
) -> Score {
    let mut s = Score::default();
    let base = marks.len();
    marks.extend(gold.iter().map(|_| Marks([b'.'; 6])));
    for (gi, g) in gold.iter().enumerate() {
        if title_key(&g.title).is_empty() {
            continue;
        }
        s.gold_titles += 1;
        if articles.iter().any(|a| title_matches(a, g)) {
            s.found_titles += 1;
            marks[base + gi].0[0] = b'+';
        } else {
            marks[base + gi].0[0] = b'-';
            log.push_str(&format!("  title not found: {}\n", g.title));
        }
    }
    for a in articles.iter().filter(|a| !title_key(&a.title).is_empty()) {
        s.predicted_titles += 1;
        if gold.iter().any(|g| title_matches(a, g)) {
            s.correct_predicted += 1;
        } else {
            log.push_str(&format!("  extra title: {} (line {})\n", a.title, a.line));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if title_key(&g.title).is_empty() {
            continue;
        }
        let Some(a) = articles
            .iter()
            .find(|a| title_key(&a.title) == title_key(&g.title))
        else {
            continue;
        };
        s.headed += 1;
        let got = [
            &a.kicker,
            &a.subtitle,
            &a.byline,
            &a.kind.as_str().to_string(),
        ];
        let want = [&g.kicker, &g.subtitle, &g.byline, &g.kind];
        for (f, (got, want)) in got.iter().zip(want).enumerate() {
            // Kicker and subtitle are heads: compared as titles are.
            let same = if f < 2 {
                title_key(got) == title_key(want)
            } else {
                key(got) == key(want)
            };
            if same {
                s.heads_right[f] += 1;
                marks[base + gi].0[2 + f] = b'+';
            } else {
                marks[base + gi].0[2 + f] = b'-';
                log.push_str(&format!(
                    "  {} of {}: {got:?}, gold {want:?}\n",
                    HEAD_FIELDS[f], g.title
                ));
            }
        }
    }
    let bodies: Vec<String> = articles
        .iter()
        .map(|a| key(&a.paragraphs.concat()))
        .collect();
    for (gi, g) in gold.iter().enumerate() {
        s.gold_articles += 1;
        let (first, last) = (key(&g.first_body), key(&g.last_body));
        let whole = bodies.iter().any(|b| {
            b.contains(&first)
                && b.contains(&last)
                && gold.iter().enumerate().all(|(oi, o)| {
                    oi == gi || key(&o.first_body).is_empty() || !b.contains(&key(&o.first_body))
                })
        });
        marks[base + gi].0[1] = if whole { b'+' } else { b'-' };
        if whole {
            s.whole += 1;
        } else {
            let cause = loss_cause(&bodies, gold, gi);
            if std::env::var_os("NEWSTAG_LOSS_DETAIL").is_some() && cause == "swallowed" {
                let first = key(&g.first_body);
                let titles: Vec<String> = articles.iter().map(|a| title_key(&a.title)).collect();
                for (bi, b) in bodies.iter().enumerate() {
                    if !b.contains(&first) {
                        continue;
                    }
                    for (oi, o) in gold.iter().enumerate() {
                        let of = key(&o.first_body);
                        if oi == gi || of.is_empty() || !b.contains(&of) {
                            continue;
                        }
                        let ot = title_key(&o.title);
                        // Where the other's head went.
                        let how = if ot.is_empty() {
                            "untitled"
                        } else if b.contains(&ot) {
                            "head in text"
                        } else if titles[bi] == ot {
                            "holder's title"
                        } else if titles.contains(&ot) {
                            "title elsewhere"
                        } else {
                            "head gone"
                        };
                        let order = if b.find(&of) > b.find(&first) {
                            "next"
                        } else {
                            "prev"
                        };
                        log.push_str(&format!("  SW {order} {how}: {} <> {}\n", g.title, o.title));
                    }
                }
            }
            log.push_str(&format!(
                "  not whole ({cause}): {} / {}\n",
                g.title, g.first_body
            ));
        }
    }
    s
}

/// Why gold article `gi` is not whole in `bodies` (the found articles' body keys):
/// `swallowed` when the article holding its first paragraph also holds another gold
/// article's first paragraph (two stories run together), `split` when its first and
/// last paragraphs are in different articles, `first lost` / `last lost` when no
/// body holds that paragraph (taken as a head, byline or furniture).
fn loss_cause(bodies: &[String], gold: &[GoldArticle], gi: usize) -> &'static str {
    let g = &gold[gi];
    let (first, last) = (key(&g.first_body), key(&g.last_body));
    let holds_other = |b: &String| {
        gold.iter().enumerate().any(|(oi, o)| {
            oi != gi && !key(&o.first_body).is_empty() && b.contains(&key(&o.first_body))
        })
    };
    let with_first: Vec<&String> = bodies.iter().filter(|b| b.contains(&first)).collect();
    if with_first.is_empty() {
        return "first lost";
    }
    if with_first.iter().any(|b| holds_other(b)) {
        return "swallowed";
    }
    if !bodies.iter().any(|b| b.contains(&last)) {
        return "last lost";
    }
    if bodies.iter().any(|b| b.contains(&last) && holds_other(b)) {
        return "swallowed";
    }
    "split"
}

/// Kicker, subtitle, byline and kind agree with the gold for at least 90% of the
/// articles found by their title.
fn assert_heads_agree(total: &Score, log: &str) {
    for (f, name) in HEAD_FIELDS.iter().enumerate() {
        assert!(
            total.head_share(f) >= 0.90,
            "{name} agrees with the gold for fewer than 90% of articles\n{log}"
        );
    }
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn report(name: &str, s: &Score) -> String {
    let heads: Vec<String> = HEAD_FIELDS
        .iter()
        .zip(s.heads_right)
        .map(|(f, n)| format!("{f} {n}/{}", s.headed))
        .collect();
    format!(
        "{name}: title F1 {:.3} (found {}/{}, correct {}/{}), whole {}/{} = {:.1}%; {}",
        s.f1(),
        s.found_titles,
        s.gold_titles,
        s.correct_predicted,
        s.predicted_titles,
        s.whole,
        s.gold_articles,
        100.0 * s.whole_share(),
        heads.join(", ")
    )
}

/// One gold page: its file and the articles a careful editor sees on it.
struct Case {
    rel: String,
    path: PathBuf,
    bytes: Vec<u8>,
    gold: Vec<GoldArticle>,
}

/// The real sample issues in `../shared/samples` (none when `../shared` is absent).
fn shared_cases() -> Vec<Case> {
    let dir = shared().join("samples");
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.toml"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no gold files in {}", dir.display());
    golds
        .iter()
        .map(|gold_path| {
            let name = gold_path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".gold.toml", "");
            let path = dir.join(format!("{name}.txt"));
            let gold: Gold = toml::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
            Case {
                rel: format!("{name}.txt"),
                bytes: std::fs::read(&path).unwrap(),
                path,
                gold: gold.article,
            }
        })
        .collect()
}

/// Every issue listed in a gold file of the `[[issue]]` form, read from under `dir`.
fn issue_set_cases(fixture: &Path, dir: &Path) -> Vec<Case> {
    let gold: SampleGold = toml::from_str(&std::fs::read_to_string(fixture).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", fixture.display()));
    assert!(!gold.issue.is_empty(), "no issues in {}", fixture.display());
    gold.issue
        .into_iter()
        .map(|issue| {
            let path = dir.join(&issue.file);
            Case {
                bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
                path,
                rel: issue.file,
                gold: issue.article,
            }
        })
        .collect()
}

/// Every gold set there is, by name.
fn all_sets() -> Vec<(&'static str, Vec<Case>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sets = vec![
        ("shared", shared_cases()),
        (
            "sample",
            issue_set_cases(
                &fixtures().join("sample_expected.toml"),
                &root.join("sample"),
            ),
        ),
        (
            "unseen",
            issue_set_cases(
                &fixtures().join("unseen_expected.toml"),
                &fixtures().join("unseen"),
            ),
        ),
        // Open pages printed with their columns side by side by pypdf's layout mode
        // and text browsers' dumps of a layout table (tests/fixtures/sidebyside/README.md).
        (
            "sidebyside",
            issue_set_cases(
                &fixtures().join("sidebyside_expected.toml"),
                &fixtures().join("sidebyside"),
            ),
        ),
    ];
    for name in [
        "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
        "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17",
        "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25",
        "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33",
        "blind34", "blind35", "blind36", "blind37", "blind38", "blind39", "blind40", "blind41",
        "blind42", "blind43", "blind44", "blind45", "blind46", "blind47", "blind48", "blind49",
        "blind50", "blind51", "blind52", "blind53", "blind54", "blind55", "blind56", "blind57",
        "blind58", "blind59", "blind60", "blind61", "blind62", "blind63", "blind64", "blind65",
        "blind66", "blind67", "blind68", "blind69", "blind70", "blind71", "blind72", "blind73",
        "blind74", "blind75", "blind76", "blind77", "blind78", "blind79", "blind80", "blind81",
        "blind82", "blind83", "blind84", "blind85",
    ] {
        // A listed set is in the repository: one gone missing fails here
        // rather than leaving the scores silently.
        let gold = fixtures().join(format!("{name}_expected.toml"));
        assert!(gold.is_file(), "{} is missing", gold.display());
        sets.push((name, issue_set_cases(&gold, &fixtures().join(name))));
    }
    sets.retain(|(_, cases)| !cases.is_empty());
    sets
}

/// What the renderer may know of a page's heads.
fn heads_of(gold: &[GoldArticle]) -> Heads {
    let keys = |f: fn(&GoldArticle) -> &str| {
        gold.iter()
            .map(|g| head_key(f(g)))
            .filter(|k| !k.is_empty())
            .collect()
    };
    Heads {
        titles: keys(|g| &g.title),
        kickers: keys(|g| &g.kicker),
        subtitles: keys(|g| &g.subtitle),
        bylines: keys(|g| &g.byline),
    }
}

/// The outcome of scoring one set in one style.
#[derive(Default)]
struct Run {
    total: Score,
    log: String,
    /// Ratchet key of each gold article and what went right for it.
    marks: Vec<(String, Marks)>,
    /// Ratchet key of each page and how many titles were found that the gold lacks.
    extras: Vec<(String, usize)>,
}

/// Score `cases` rendered in `style`, the set read as one corpus: the habits learned
/// from all its pages (recurring labels and names, `segment::habits`) apply to each.
fn run(set: &str, cases: &[Case], style: Style) -> Run {
    let mut out = Run::default();
    let pages: Vec<String> = cases
        .iter()
        .map(|case| {
            let text = newstag::corpus::decode::decode(&case.bytes).unwrap().text;
            // A print of columns side by side keeps its geometry in every style
            // (no tool hard-wraps or indents a `-layout` print's rows).
            if keeps_geometry(&text) {
                render_layout(&text, style, &heads_of(&case.gold))
            } else {
                render(&text, style, &heads_of(&case.gold))
            }
        })
        .collect();
    let lines: Vec<PageLines> = pages.iter().map(|p| page_lines(p)).collect();
    let habits = Habits::learn(&lines);
    for (case, rendered) in cases.iter().zip(pages) {
        // `NEWSTAG_STYLE_DUMP=DIR` keeps the rendered pages to look at.
        if let Some(dir) = std::env::var_os("NEWSTAG_STYLE_DUMP") {
            let out = Path::new(&dir).join(set).join(style.name()).join(&case.rel);
            std::fs::create_dir_all(out.parent().unwrap()).unwrap();
            std::fs::write(out, &rendered).unwrap();
        }
        let parsed = parse_issue(&case.path, &case.rel, rendered.as_bytes()).unwrap();
        let articles = if habits.is_empty() {
            parsed.articles.to_vec()
        } else {
            segment_issue_with(&rendered, &issue_key(&case.rel), &habits)
        };
        let mut misses = String::new();
        // `NEWSTAG_LOST_LINES=1` (open sets only): every line of the page the cut
        // does not hold as often as the page prints it.
        if std::env::var_os("NEWSTAG_LOST_LINES").is_some() {
            lost_lines(&rendered, &case.rel, &habits, &mut misses);
        }
        let mut marks = Vec::new();
        let s = score_marked(&articles, &case.gold, &mut misses, &mut marks);
        out.log.push_str(&report(&case.rel, &s));
        out.log.push('\n');
        out.log.push_str(&misses);
        let page = format!("{set}/{}/{}", style.name(), case.rel);
        for (i, (g, m)) in case.gold.iter().zip(marks).enumerate() {
            let name = if g.title.is_empty() {
                format!("({})", g.first_body)
            } else {
                g.title.clone()
            };
            out.marks.push((format!("{page}#{:02} {name}", i + 1), m));
        }
        out.extras
            .push((page, s.predicted_titles - s.correct_predicted));
        out.total.add(s);
    }
    out.log.push_str(&report("overall", &out.total));
    out
}

/// Log (`  LOST Ln role: text [rule] printed n, held m`) each line of `page` the
/// cut does not hold as often as the page prints it: lost, split across two
/// pieces or held twice (`newstag::segment::misheld_lines`, what the assemble
/// tests' line check reads too).
fn lost_lines(page: &str, rel: &str, habits: &Habits, log: &mut String) {
    let (articles, e) = newstag::segment::explain_issue_with(page, &issue_key(rel), habits);
    for m in newstag::segment::misheld_lines(&articles, &e) {
        let l = m.line;
        let _ = writeln!(
            log,
            "  LOST L{} {}: {} [{}] printed {}, held {}",
            l.first, l.role, l.text, l.rule, m.printed, m.held
        );
    }
}

/// Segmenting the real sample issues finds the titles, whole articles and heads
/// (kicker, subtitle, byline, kind) a careful editor sees.
#[test]
fn shared_samples_meet_the_gold_standard() {
    let cases = shared_cases();
    if cases.is_empty() {
        eprintln!("skipped: {} is absent", shared().display());
        return;
    }
    let r = run("shared", &cases, Style::Plain);
    eprintln!("{}", r.log);
    assert!(r.total.f1() >= 0.95, "title F1 below 0.95\n{}", r.log);
    assert!(
        r.total.whole_share() >= 0.90,
        "fewer than 90% whole\n{}",
        r.log
    );
    assert_heads_agree(&r.total, &r.log);
}

/// Segmenting the built-in sample corpus (one GB18030, one BOM, one CRLF file) finds
/// the titles and whole articles listed in `tests/fixtures/sample_expected.toml`.
#[test]
fn builtin_sample_meets_its_expected_segmentation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = issue_set_cases(
        &fixtures().join("sample_expected.toml"),
        &root.join("sample"),
    );
    let r = run("sample", &cases, Style::Plain);
    eprintln!("{}", r.log);
    assert!(r.total.f1() >= 0.95, "title F1 below 0.95\n{}", r.log);
    assert!(
        r.total.whole_share() >= 0.90,
        "fewer than 90% whole\n{}",
        r.log
    );
    assert_heads_agree(&r.total, &r.log);
}

/// Segmenting issues nobody tuned the rules on (tests/fixtures/unseen/: invented pages of
/// the same papers' habits with new variations, gold written blind) finds the titles,
/// whole articles and heads a careful editor sees.
#[test]
fn unseen_issues_meet_their_blind_gold() {
    let cases = issue_set_cases(
        &fixtures().join("unseen_expected.toml"),
        &fixtures().join("unseen"),
    );
    let r = run("unseen", &cases, Style::Plain);
    eprintln!("{}", r.log);
    assert!(r.total.f1() >= 0.95, "title F1 below 0.95\n{}", r.log);
    assert!(
        r.total.whole_share() >= 0.90,
        "fewer than 90% whole\n{}",
        r.log
    );
    assert_heads_agree(&r.total, &r.log);
}

fn ratchet_path() -> PathBuf {
    fixtures().join("segmentation_ratchet.toml")
}

/// The stored ratchet: article marks and extra titles by key.
#[derive(Debug, Default, Deserialize)]
struct Ratchet {
    #[serde(default)]
    articles: BTreeMap<String, String>,
    #[serde(default)]
    extra_titles: BTreeMap<String, usize>,
}

/// A TOML string (Rust's `{:?}` writes `\u{c}`, which TOML does not read).
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn write_ratchet(r: &Ratchet) {
    let mut out = String::from(
        "# Per-article segmentation ratchet, written by\n\
         # `NEWSTAG_BLESS=1 cargo test --test segmentation_gold ratchet`.\n\
         # Key: set/style/page#n title. Marks: title found, body whole, kicker, subtitle,\n\
         # byline, kind (`+` right, `-` wrong, `.` not scored). extra_titles: titles found\n\
         # that the gold lacks, per page. The test fails when a `+` turns, or extras grow.\n\n[articles]\n",
    );
    for (k, v) in &r.articles {
        writeln!(out, "{} = {}", quote(k), quote(v)).unwrap();
    }
    out.push_str("\n[extra_titles]\n");
    for (k, v) in &r.extra_titles {
        writeln!(out, "{} = {v}", quote(k)).unwrap();
    }
    std::fs::write(ratchet_path(), out).unwrap();
}

/// Share line of one set in one style, for the table.
fn table_row(set: &str, style: Style, s: &Score) -> String {
    let heads: Vec<String> = (0..4).map(|f| format!("{:.2}", s.head_share(f))).collect();
    format!(
        "| {set} | {} | {:.3} | {:.1}% ({}/{}) | {} |",
        style.name(),
        s.f1(),
        100.0 * s.whole_share(),
        s.whole,
        s.gold_articles,
        heads.join(" / ")
    )
}

/// `NEWSTAG_ONLY_SETS=blind13,blind27` or `NEWSTAG_ONLY_STYLES=plain,markdown`: the sets or
/// styles a measuring run is limited to (none given: all). A name that is not one of
/// `known` fails the run rather than leaving it silently empty.
fn only_names<'a>(
    var: &str,
    known: impl Iterator<Item = &'a str>,
) -> Option<std::collections::BTreeSet<String>> {
    let value = std::env::var(var).ok()?;
    let names: std::collections::BTreeSet<String> = (value.split(','))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let known: Vec<&str> = known.collect();
    let unknown: Vec<&String> = names
        .iter()
        .filter(|n| !known.contains(&n.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "{var} names {unknown:?}, not among {known:?}"
    );
    Some(names)
}

/// Every gold article of every set, in every extraction style, stays at least as right
/// as the stored ratchet says (title found, body whole, kicker, subtitle, byline, kind),
/// and no page gains titles the gold lacks.
#[test]
fn every_set_and_style_holds_the_ratchet() {
    let stored: Ratchet = match std::fs::read_to_string(ratchet_path()) {
        Ok(s) => toml::from_str(&s).unwrap(),
        Err(_) => Ratchet::default(),
    };
    let mut now = Ratchet::default();
    let mut table = String::from(
        "| set | style | title F1 | whole | kicker / subtitle / byline / kind |\n|---|---|---|---|---|\n",
    );
    let mut logs = String::new();
    // The `set/style/` key prefix of every run made here.
    let mut runs = Vec::new();
    let sets = all_sets();
    let only_sets = only_names("NEWSTAG_ONLY_SETS", sets.iter().map(|(set, _)| *set));
    let only_styles = only_names("NEWSTAG_ONLY_STYLES", Style::ALL.iter().map(|s| s.name()));
    for (set, cases) in sets {
        if !only_sets.as_ref().is_none_or(|names| names.contains(set)) {
            continue;
        }
        for style in Style::ALL {
            if !only_styles
                .as_ref()
                .is_none_or(|names| names.contains(style.name()))
            {
                continue;
            }
            runs.push(format!("{set}/{}/", style.name()));
            let r = run(set, &cases, style);
            table.push_str(&table_row(set, style, &r.total));
            table.push('\n');
            writeln!(logs, "== {set} / {} ==\n{}", style.name(), r.log).unwrap();
            for (k, m) in r.marks {
                now.articles.insert(k, m.as_string());
            }
            now.extra_titles.extend(r.extras);
        }
    }
    eprintln!("{logs}\n{table}");
    let ran = |k: &String| runs.iter().any(|p| k.starts_with(p.as_str()));
    if std::env::var_os("NEWSTAG_BLESS").is_some() {
        // Keep the entries of sets not present here (the shared samples on a clean
        // clone); of the runs made here, only what they found now (an article whose
        // gold title changed is no longer kept under its old key).
        let mut merged = stored;
        merged.articles.retain(|k, _| !ran(k));
        merged.extra_titles.retain(|k, _| !ran(k));
        merged.articles.extend(now.articles);
        merged.extra_titles.extend(now.extra_titles);
        write_ratchet(&merged);
        eprintln!("blessed {}", ratchet_path().display());
        return;
    }
    let (mut worse, mut better, mut unblessed) = (Vec::new(), Vec::new(), 0usize);
    for (k, m) in &now.articles {
        let Some(old) = stored.articles.get(k) else {
            unblessed += 1;
            continue;
        };
        let (old, new) = (Marks::parse(old), Marks::parse(m));
        for (f, name) in MARK_NAMES.iter().enumerate() {
            if old.0[f] == b'+' && new.0[f] != b'+' {
                worse.push(format!("  {k}: {name} now wrong"));
            } else if old.0[f] != b'+' && new.0[f] == b'+' {
                better.push(format!("  {k}: {name} now right"));
            }
        }
    }
    for (k, &n) in &now.extra_titles {
        match stored.extra_titles.get(k) {
            Some(&old) if n > old => worse.push(format!("  {k}: extra titles {old} -> {n}")),
            Some(&old) if n < old => better.push(format!("  {k}: extra titles {old} -> {n}")),
            _ => {}
        }
    }
    if !better.is_empty() {
        eprintln!(
            "improved (re-bless with NEWSTAG_BLESS=1 cargo test --test segmentation_gold ratchet):\n{}",
            better.join("\n")
        );
    }
    if unblessed > 0 {
        eprintln!("{unblessed} gold articles have no ratchet entry yet (re-bless to add them)");
    }
    let stale = (stored.articles.keys())
        .filter(|k| ran(k) && !now.articles.contains_key(*k))
        .count();
    if stale > 0 {
        eprintln!("{stale} ratchet entries name no gold article now (re-bless to drop them)");
    }
    assert!(
        worse.is_empty(),
        "articles that were right went wrong:\n{}\n(if this is a deliberate trade, re-bless with NEWSTAG_BLESS=1 cargo test --test segmentation_gold ratchet)",
        worse.join("\n")
    );
}

/// The hard-wrapped style cuts titles mid-word, splits bylines and wraps body lines at
/// 30 characters; every style keeps every word of the page.
#[test]
fn extraction_styles_render_as_the_tools_print() {
    let heads = Heads {
        titles: vec![head_key("探索城乡融合发展的新路径")],
        bylines: vec![head_key("本报记者 王芳")],
        ..Heads::default()
    };
    let page = "## 探索城乡融合发展的新路径\n\n本报记者 王芳\n\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三。\n";
    let s = render(page, Style::HardWrap, &heads);
    let lines: Vec<&str> = s.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[..4],
        ["探索城乡融合发", "展的新路径", "本报记者", "王芳"]
    );
    assert_eq!(lines[4].chars().count(), 30);
    assert_eq!(lines[5], "一二三。");
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '#')
            .collect::<String>()
    };
    for style in Style::ALL {
        let s = squeeze(&render(page, style, &heads));
        assert!(
            s.contains(&squeeze(page)[..])
                || s.contains(
                    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三。"
                ),
            "{style:?}: {s}"
        );
        assert!(s.contains("探索城乡融合发展的新路径"), "{style:?}: {s}");
    }
    let indented = render(page, Style::Indent, &heads);
    assert!(indented.contains("\n\u{3000}\u{3000}一二三"), "{indented}");
    assert!(!indented.contains("\n\n"), "{indented}");
    let furnished = render(page, Style::Furniture, &heads);
    assert!(furnished.contains("本版责编") && furnished.contains("第 1 页"));
}

/// A `-layout` print keeps every row's leading spaces and gutters in every style:
/// its columns are told apart by where a row's pieces stand.
#[test]
fn layout_prints_keep_their_geometry_in_every_style() {
    let heads = Heads {
        titles: vec![head_key("鱼类基因库建成")],
        ..Heads::default()
    };
    let page = "    鱼类基因库建成\n\n  记者从省水产研究所获悉，      禁渔期为什么定在春夏？\n该所建成基因库。                  春夏是鱼类繁殖的季节。\n";
    let rows = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains("记者") || l.contains("该所"))
            .map(str::to_string)
            .collect()
    };
    for style in Style::ALL {
        let s = render_layout(page, style, &heads);
        assert_eq!(rows(&s), rows(page), "{style:?}: {s}");
        assert!(!s.contains('\u{c}'), "{style:?}: {s}");
    }
    let furnished = render_layout(page, Style::Furniture, &heads);
    assert!(
        furnished.contains("    鱼类基因库建成\n《晋北日报》"),
        "{furnished}"
    );
    let marked = render_layout(page, Style::Markdown, &heads);
    assert!(marked.starts_with("## 鱼类基因库建成\n"), "{marked}");
    let squeezed = render_layout(page, Style::NoBlank, &heads);
    assert!(!squeezed.contains("\n\n"), "{squeezed}");
}

/// A print keeps its geometry when its rows hold two columns' running text side by
/// side, whatever its file is named; paragraphs, a table of names and figures and a
/// post's headers do not.
#[test]
fn a_print_of_columns_side_by_side_keeps_its_geometry() {
    let columns = "    鱼类基因库建成                禁渔期为什么定在春夏\n\n".to_string()
        + &"  记者从省水产研究所获悉该所      春夏是鱼类繁殖的季节所以禁渔\n".repeat(5);
    assert!(keeps_geometry(&columns), "{columns}");
    // One row of two columns under a page of paragraphs is not enough.
    let paragraphs = "记者从省水产研究所获悉，该所建成基因库。\n\n".repeat(12)
        + "  记者从省水产研究所获悉该所      春夏是鱼类繁殖的季节所以禁渔\n";
    assert!(!keeps_geometry(&paragraphs), "{paragraphs}");
    // Five such rows among sixty paragraphs are fewer than a tenth of the rows.
    let mostly_paragraphs = "记者从省水产研究所获悉，该所建成基因库。\n".repeat(60)
        + &"  记者从省水产研究所获悉该所      春夏是鱼类繁殖的季节所以禁渔\n".repeat(5);
    assert!(!keeps_geometry(&mostly_paragraphs), "{mostly_paragraphs}");
    let table = "609871    苠江能源     12.36    +2.15%\n".repeat(8);
    assert!(!keeps_geometry(&table), "{table}");
    let posts = "2楼　樗城老街坊　　发表于 2026-12-05 10:02\n\u{3000}\u{3000}巷口那家老茶馆今天又开门了真好\n".repeat(6);
    assert!(!keeps_geometry(&posts), "{posts}");
}
