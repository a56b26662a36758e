#!/usr/bin/env python3
"""Write the sample corpus's format variants (Markdown, HTML, DOCX, PDF, TCVN3 text).

Each variant holds the full text of one official document from ../shared/corpus-vn,
so that `make demo` shows every reader at work. Needs fpdf2 (pip) for the PDF only;
the files it writes are committed, so users never run this.
"""
import html, json, os, subprocess, sys, zipfile

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus-vn")
OUT = os.path.join(os.path.dirname(__file__), "..", "corpus", "dinh-dang")
PICKS = {  # manifest file -> format
    "docs/02124-qd-ubnd-2025.txt": "md",
    "docs/11414-vpcp-cn-2025.txt": "html",
    "docs/08-2025-nq-cp.txt": "docx",
    "docs/37416-tb-chq-2025.txt": "pdf",
    "docs/10988-bnv-cqdp-2025.txt": "tcvn3",
}

def manifest():
    with open(os.path.join(SHARED, "manifest.jsonl"), encoding="utf-8") as f:
        return {r["file"]: r for r in map(json.loads, f)}

def write_md(text, meta, path):
    front = ["---"] + [f'{k}: "{meta[k]}"' for k in ("number", "type", "issuer", "date", "title") if meta.get(k)] + ["---", ""]
    open(path, "w", encoding="utf-8").write("\n".join(front) + text)

def write_html(text, meta, path):
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = (f"<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{html.escape(meta.get('title') or '')}</title>"
            "<style>p { margin: 0 }</style><script>var tracking = 'không phải nội dung';</script></head>\n"
            f"<body>\n{body}\n</body></html>\n")
    open(path, "w", encoding="utf-8").write(page)

def write_docx(text, path):
    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>' for line in text.splitlines())
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{paras}</w:body></w:document>")
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)

def write_pdf(text, path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("DejaVu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)

def write_tcvn3(text, path):
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1//TRANSLIT"], input=text.encode(), capture_output=True, check=True).stdout
    open(path, "wb").write(data)

def main():
    rows = manifest()
    os.makedirs(OUT, exist_ok=True)
    for f, fmt in PICKS.items():
        text = open(os.path.join(SHARED, f), encoding="utf-8").read()
        stem = os.path.join(OUT, os.path.splitext(os.path.basename(f))[0])
        meta = rows[f]
        if fmt == "md": write_md(text, meta, stem + ".md")
        elif fmt == "html": write_html(text, meta, stem + ".html")
        elif fmt == "docx": write_docx(text, stem + ".docx")
        elif fmt == "pdf": write_pdf(text, stem + ".pdf")
        elif fmt == "tcvn3": write_tcvn3(text, stem + ".tcvn3.txt")
    return 0

if __name__ == "__main__":
    sys.exit(main())
