"""The finished PDF made accessible (PDF/UA-1) and archival (PDF/A-2b): its structure tree, the
flags that say so, XMP metadata and an sRGB output intent.

Why: ReportLab writes the pages (with the marked content our flowables tag as they are drawn, see
:mod:`.tags`) but has no API for the structure tree, the parent tree that ties each page's marked
content to its element, or the catalogue entries PDF/UA and PDF/A ask for. We add them after
ReportLab has written the file, with pikepdf (qpdf's object model): a documented, well-tested
library that edits PDF objects and writes a file with a deterministic identifier, where doing the
same inside ReportLab would mean reaching into its private document objects. The same input
gives the same bytes.
"""

from __future__ import annotations

import io
import zlib
from functools import cache
from xml.sax.saxutils import escape

from .tags import Element

PDF_DATE = "D:20000101000000+00'00'"  # what ReportLab's invariant mode writes for both dates
XMP_DATE = "2000-01-01T00:00:00+00:00"
PRODUCER = "ReportLab PDF Library - (opensource)"  # as ReportLab's document information says


@cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile for the output intent, from Little CMS (through Pillow), with its
    creation date and profile id cleared so that it is the same bytes on every machine."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes(12)  # creation date and time
    data[84:100] = bytes(16)  # profile id (an MD5 over the profile; zero means "not computed")
    return bytes(data)


@cache
def srgb_compressed() -> bytes:
    return zlib.compress(srgb_profile())


def _xmp(title: str, subject: str, creator: str, language: str) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

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
<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>
<xmp:CreateDate>{XMP_DATE}</xmp:CreateDate>
<xmp:ModifyDate>{XMP_DATE}</xmp:ModifyDate>
<pdf:Producer>{escape(PRODUCER)}</pdf:Producer>
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


def finish(data: bytes, root: Element, language: str) -> bytes:
    """``data`` (as ReportLab wrote it) with the structure tree of ``root`` and everything PDF/UA-1
    and PDF/A-2b ask of the catalogue, the pages and the metadata."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(data))
    pages = list(pdf.pages)
    owners: list[dict[int, pikepdf.Object]] = [{} for _ in pages]  # page -> MCID -> element

    def build(element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        node = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.role), P=parent))
        for key in ("Alt", "Lang", "T"):
            if key in element.attrs:
                node[Name("/" + key)] = String(element.attrs[key])
        if "Scope" in element.attrs:
            node.A = Dictionary(O=Name.Table, Scope=Name("/" + element.attrs["Scope"]))
        marks = [kid for kid in element.kids if not isinstance(kid, Element)]
        if marks and len(marks) == len(element.kids) and len({page for page, _ in marks}) == 1:
            page = marks[0][0]  # all on one page: the page once, the MCIDs as numbers
            node.Pg = pages[page].obj
            node.K = marks[0][1] if len(marks) == 1 else Array([mcid for _, mcid in marks])
            for _, mcid in marks:
                owners[page][mcid] = node
            return node
        kids = Array()
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(build(kid, node))
            else:
                page, mcid = kid
                kids.append(Dictionary(Type=Name.MCR, Pg=pages[page].obj, MCID=mcid))
                owners[page][mcid] = node
        if len(kids):
            node.K = kids
        return node

    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    tree.K = build(root, tree)
    nums = Array()
    for i, page in enumerate(pages):
        page.obj.StructParents = i
        if "/Trans" in page.obj:
            del page.obj["/Trans"]  # an empty transition: nothing to keep
        nums.append(i)
        nums.append(Array([owners[i][m] for m in sorted(owners[i])]))
    tree.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree.ParentTreeNextKey = len(pages)
    catalog = pdf.Root
    catalog.StructTreeRoot = tree
    catalog.MarkInfo = Dictionary(Marked=True)
    catalog.Lang = String(language)

    info = pdf.docinfo
    for key in ("/Author", "/Keywords", "/Trapped"):  # not said in the XMP: not said at all
        if key in info:
            del info[key]
    info.Producer, info.CreationDate, info.ModDate = String(PRODUCER), String(PDF_DATE), String(PDF_DATE)
    title, subject, creator = (str(info.get(k, "")) for k in ("/Title", "/Subject", "/Creator"))
    catalog.Metadata = pdf.make_stream(_xmp(title, subject, creator, language), Type=Name.Metadata, Subtype=Name.XML)
    profile = pdf.make_stream(b"", N=3)
    profile.write(srgb_compressed(), filter=Name.FlateDecode)  # compressed once per process
    catalog.OutputIntents = Array([Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=String("sRGB"),
                                              Info=String("sRGB IEC61966-2.1"), DestOutputProfile=profile)])
    out = io.BytesIO()
    # ReportLab compressed its streams and ours are small (the metadata stays readable, as PDF/A
    # prefers): qpdf is told not to decode and compress every stream again, a third of the time
    # a worksheet took.
    pdf.save(out, deterministic_id=True, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()
