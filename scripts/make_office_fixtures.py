#!/usr/bin/env python3
"""Writes the small office fixtures of tests/it/load.rs with real writer libraries (run once, the
output is committed):

  tests/fixtures/load/report.docx   python-docx: headline, paragraphs, a table (header row and
                                    figures), and one paragraph typed in the TCVN3 font
                                    `.VnTime` (stored as the Latin-1 characters Word shows);
  tests/fixtures/load/report.pdf    reportlab: the same text with a text layer (Noto Sans from
                                    assets/fonts, subset-embedded);
  tests/fixtures/load/scanned.pdf   reportlab + Pillow: one page holding only a picture of
                                    text, no text layer (what a scanner produces).

    python3 -m venv /tmp/fx && /tmp/fx/bin/pip install python-docx reportlab pillow
    /tmp/fx/bin/python scripts/make_office_fixtures.py

Why generated and not hand-made: the readers must be tested on files written by the libraries
real documents come from, not on bytes shaped to fit the reader.
"""

import io
import os

from docx import Document
from docx.shared import Pt
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "load")

TITLE = "Huyện Đình Lập: kết quả đào tạo, bồi dưỡng cán bộ năm 2023"
PARAS = [
    "Năm 2023, huyện Đình Lập (tỉnh Lạng Sơn) cử 126 lượt cán bộ, công chức đi đào tạo, "
    "bồi dưỡng; 97,2% cán bộ cấp xã đạt chuẩn về trình độ chuyên môn.",
    "Kinh phí thực hiện là 1.250 triệu đồng.",
]
TABLE = [
    ["Nội dung", "Năm 2022", "Năm 2023"],
    ["Trung cấp lý luận chính trị", "45", "52"],
    ["Cao cấp lý luận chính trị", "6", "8"],
]
def tcvn3_paragraph():
    # "Cộng hoà xã hội chủ nghĩa Việt Nam: 22.400 cán bộ" in TCVN3 codes, read as Latin-1
    # (what Word stores for text typed with the .VnTime font).
    return "Céng hoµ x· héi chñ nghÜa ViÖt Nam: 22.400 c¸n bé"


def make_docx():
    d = Document()
    d.add_heading(TITLE, level=1)
    for p in PARAS:
        d.add_paragraph(p)
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    p = d.add_paragraph()
    run = p.add_run(tcvn3_paragraph())
    run.font.name = ".VnTime"
    run.font.size = Pt(14)
    d.core_properties.author = "solieu tests"
    d.save(os.path.join(OUT, "report.docx"))


def make_pdf():
    pdfmetrics.registerFont(TTFont("NotoSans", os.path.join(ROOT, "assets", "fonts", "NotoSans-Regular.ttf")))
    c = canvas.Canvas(os.path.join(OUT, "report.pdf"), pagesize=A4, invariant=1)
    c.setFont("NotoSans", 14)
    y = 800
    c.drawString(50, y, TITLE)
    c.setFont("NotoSans", 10)
    for p in PARAS:
        # Wrap by hand at ~90 characters.
        words, line = p.split(), ""
        for w in words:
            if len(line) + len(w) > 90:
                y -= 16
                c.drawString(50, y, line)
                line = ""
            line += ("" if not line else " ") + w
        y -= 16
        c.drawString(50, y, line)
        y -= 8
    for row in TABLE:
        y -= 16
        for i, val in enumerate(row):
            c.drawString(50 + [0, 220, 320][i], y, val)
    c.showPage()
    c.save()


def make_scanned_pdf():
    img = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(img)
    draw.text((20, 80), "Bao cao dao tao can bo 2023 (anh chup)", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    c = canvas.Canvas(os.path.join(OUT, "scanned.pdf"), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(buf), 50, 500, width=480, height=160)
    c.showPage()
    c.save()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    make_docx()
    make_pdf()
    make_scanned_pdf()
