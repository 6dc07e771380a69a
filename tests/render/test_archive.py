"""The finished file: a structure tree tied to each page, the flags, XMP and the output intent."""

from __future__ import annotations

import io

import pikepdf
from PIL import ImageCms
from reportlab.pdfgen.canvas import Canvas

from worksheet.render import archive
from worksheet.render.tags import Tagger


def test_the_srgb_profile_is_a_valid_icc_profile_and_the_same_bytes_every_time() -> None:
    profile = archive.srgb_profile()
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB "
    assert profile == archive.srgb_profile() and profile[24:36] == bytes(12)
    assert "sRGB" in ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile)))
    made = archive.make_srgb_profile()  # how the shipped profile was made: the same kind of profile
    assert made[36:40] == b"acsp" and made[24:36] == bytes(12) and made[12:20] == profile[12:20]


def _two_pages() -> bytes:
    buf = io.BytesIO()
    canv = Canvas(buf, invariant=1)
    t = Tagger()
    for page in range(2):
        t.page = page
        with t.element("P"), t.content(canv):
            canv.drawString(72, 720, f"page {page + 1}")
        canv.showPage()
    canv.setTitle("Two pages")
    archive.tag(canv._doc, t.root, "es")  # type: ignore[attr-defined]
    canv.save()
    return buf.getvalue()


def test_the_tree_is_tied_to_each_page_and_the_catalogue_says_tagged_and_archival() -> None:
    data = _two_pages()
    assert data == _two_pages()  # same input, same bytes
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.check_pdf_syntax() == []
        root = pdf.Root
        assert root.MarkInfo.Marked is True and str(root.Lang) == "es"
        nums = root.StructTreeRoot.ParentTree.Nums
        assert [int(nums[0]), int(nums[2])] == [0, 1] and all(len(nums[i]) == 1 for i in (1, 3))
        assert [int(p.StructParents) for p in pdf.pages] == [0, 1]
        assert b"pdfuaid:part>1<" in root.Metadata.read_bytes() and "/Author" not in pdf.docinfo
        assert str(pdf.docinfo.Title) == "Two pages" and str(pdf.docinfo.CreationDate) == archive.PDF_DATE
        intent = root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.read_bytes() == archive.srgb_profile()
        element = root.StructTreeRoot.K.K[0]
        assert element.S == "/P" and int(element.K) == 0 and element.Pg.objgen == pdf.pages[0].objgen
