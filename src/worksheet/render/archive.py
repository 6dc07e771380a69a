"""The PDF made accessible (PDF/UA-1) and archival (PDF/A-2b) as ReportLab writes it: its structure
tree, the flags that say so, XMP metadata and an sRGB output intent.

Why: ReportLab writes the pages (with the marked content our flowables tag as they are drawn, see
:mod:`.tags`) but has no API for the structure tree, the parent tree that ties each page's marked
content to its element, or the catalogue entries PDF/UA and PDF/A ask for. It does write any
object it is given, numbered and cross-referenced like its own, and its catalogue and pages take
extra keys. So the tree goes in as objects that make their bytes when the file is written (when
every page has its number), just before ReportLab saves: one pass, no second library reading the
file back and writing it again (that was a third of the time a worksheet took). The same input
gives the same bytes.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFObject, PDFString

from .tags import Element

PDF_DATE = "D:20000101000000+00'00'"  # what ReportLab's invariant mode writes for both dates
XMP_DATE = "2000-01-01T00:00:00+00:00"
PRODUCER = "ReportLab PDF Library - (opensource)"  # as ReportLab's document information says


SRGB = Path(__file__).with_name("srgb.icc")  # the sRGB profile Little CMS makes, with no date or id


@cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile for the output intent: made once by Little CMS (through Pillow, see
    :func:`make_srgb_profile`) and shipped, since making it costs a tenth of a second a process."""
    return SRGB.read_bytes()


def make_srgb_profile() -> bytes:
    """An sRGB profile from Little CMS, with its creation date and profile id cleared so that it
    is the same bytes on every machine (how ``srgb.icc`` was made)."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes(12)  # creation date and time
    data[84:100] = bytes(16)  # profile id (an MD5 over the profile; zero means "not computed")
    return bytes(data)


@cache
def srgb_compressed() -> bytes:
    return zlib.compress(srgb_profile())


def _escape(text: str) -> str:
    """Text for XML (xml.sax.saxutils would bring urllib and http.client into every build)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(title: str, subject: str, creator: str, language: str) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_escape(value)}</rdf:li></rdf:Alt>'

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
<dc:title>{alt(title)}</dc:title>
<dc:description>{alt(subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>{_escape(language)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>{_escape(creator)}</xmp:CreatorTool>
<xmp:CreateDate>{XMP_DATE}</xmp:CreateDate>
<xmp:ModifyDate>{XMP_DATE}</xmp:ModifyDate>
<pdf:Producer>{_escape(PRODUCER)}</pdf:Producer>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>The part of ISO 14289 the file follows</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


class _Later(PDFObject):
    """A value written inline, made when the file is written (when every object has its number)."""

    def __init__(self, make: Callable[[Any], bytes]) -> None:
        self.make = make

    def format(self, document: Any) -> bytes:
        return self.make(document)


class _Object(_Later):
    """The same, as an object of its own (referred to by its number)."""

    __RefOnly__ = 1


def _ref(document: Any, obj: Any) -> bytes:
    """``n 0 R`` for ``obj`` (numbered on first use; an object belongs to one document)."""
    ref = obj.__dict__.get("_worksheet_ref")
    if ref is None:
        ref = obj._worksheet_ref = document.Reference(obj).format(document)
    return ref


def _stream(head: bytes, data: bytes) -> _Object:
    return _Object(lambda document: b"<< " + head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")


def _string(document: Any, text: str) -> bytes:
    return PDFString(text).format(document)


class _Info(PDFInfo):
    """The document information as PDF/A wants it: nothing that the XMP does not also say."""

    def format(self, document: Any) -> bytes:
        date = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)  # type: ignore[attr-defined]
        return PDFDictionary({"Title": PDFString(self.title), "ModDate": date, "CreationDate": date,
                              "Producer": PDFString(PRODUCER), "Creator": PDFString(self.creator),
                              "Subject": PDFString(self.subject)}).format(document)


def _element(element: Element, parent: Any, pages: list[Any], owners: list[dict[int, Any]]) -> _Object:
    """The structure element for ``element`` (and, in turn, its kids), noting which element
    owns each marked-content number on each page."""
    kids: list[Any] = []
    node = _Object(lambda document: _element_bytes(document, element, parent, pages, kids))
    marks = [kid for kid in element.kids if not isinstance(kid, Element)]
    if marks and len(marks) == len(element.kids) and len({page for page, _ in marks}) == 1:
        for page, mcid in marks:  # all on one page: the page once, the MCIDs as numbers
            owners[page][mcid] = node
        return node
    for kid in element.kids:
        if isinstance(kid, Element):
            kids.append(_element(kid, node, pages, owners))
        else:
            page, mcid = kid
            kids.append(kid)
            owners[page][mcid] = node
    return node


def _element_bytes(document: Any, element: Element, parent: Any, pages: list[Any], kids: list[Any]) -> bytes:
    out = [b"<< /Type /StructElem /S /", element.role.encode("ascii"), b" /P ", _ref(document, parent)]
    for key in ("Alt", "Lang", "T"):
        if key in element.attrs:
            out += [b" /", key.encode("ascii"), b" ", _string(document, element.attrs[key])]
    if "Scope" in element.attrs:
        out += [b" /A << /O /Table /Scope /", element.attrs["Scope"].encode("ascii"), b" >>"]
    if not kids and element.kids:  # marked content on one page
        page = element.kids[0][0]  # type: ignore[index]
        mcids = [b"%d" % mcid for _, mcid in element.kids]  # type: ignore[misc]
        out += [b" /Pg ", _ref(document, pages[page]), b" /K ", mcids[0] if len(mcids) == 1 else b"[" + b" ".join(mcids) + b"]"]
    elif kids:
        parts = []
        for kid in kids:
            if isinstance(kid, tuple):
                parts.append(b"<< /Type /MCR /Pg " + _ref(document, pages[kid[0]]) + b" /MCID %d >>" % kid[1])
            else:
                parts.append(_ref(document, kid))
        out += [b" /K [", b" ".join(parts), b"]"]
    out.append(b" >>")
    return b"".join(out)


def tag(doc: Any, root: Element, language: str) -> None:
    """Write the structure tree of ``root`` into ReportLab's document ``doc`` (its pages made,
    not yet saved), with everything PDF/UA-1 and PDF/A-2b ask of the catalogue, the pages and
    the metadata: the file is tagged and archival as ReportLab writes it, with no second pass."""
    pages = list(doc.Pages.pages)
    owners: list[dict[int, Any]] = [{} for _ in pages]  # page -> MCID -> element
    tree = _Object(lambda document: b"".join([
        b"<< /Type /StructTreeRoot /K ", _ref(document, top), b" /ParentTree ", _ref(document, parent_tree),
        b" /ParentTreeNextKey %d >>" % len(pages)]))
    top = _element(root, tree, pages, owners)
    parent_tree = _Object(lambda document: b"<< /Nums [" + b" ".join(
        b"%d [" % i + b" ".join(_ref(document, owners[i][m]) for m in sorted(owners[i])) + b"]" for i in range(len(pages))) + b"] >>")
    for i, page in enumerate(pages):
        page.__NoDefault__ = [*type(page).__NoDefault__, "StructParents"]
        page.StructParents = i
        page.Trans = None  # an empty transition: nothing to write
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
    catalog.StructTreeRoot = tree
    catalog.MarkInfo = b"<< /Marked true >>"
    catalog.Lang = PDFString(language)
    info = doc.info
    info.__class__ = _Info
    catalog.Metadata = _stream(b"/Type /Metadata /Subtype /XML", _xmp(info.title, info.subject, info.creator, language))
    profile = _stream(b"/N 3 /Filter /FlateDecode", srgb_compressed())
    catalog.OutputIntents = _Later(lambda document: b"[<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) "
                                   b"/Info (sRGB IEC61966-2.1) /DestOutputProfile " + _ref(document, profile) + b" >>]")
