"""Tagged PDF for reportlab: a structure tree that screen readers follow.

reportlab writes untagged PDF: text with no headings, paragraphs or table cells a
screen reader could navigate. This module adds what a tagged PDF needs, with the parts
reportlab leaves open:

- every piece of text is drawn inside a marked-content sequence (`BDC ... EMC`) with
  an MCID, by `TaggedParagraph`; its split fragments (a cell that runs onto the next
  page) keep their element, so one table cell is one element across pages;
- decoration (table backgrounds and grid lines, header rows repeated on later pages)
  is marked as `/Artifact`, through the table's render callback;
- on save, `TaggedCanvas` writes the structure tree (Document > H1, P, H2, Table >
  THead/TBody > TR > TH/TD, header cells with /Scope /Column), the parent tree that
  maps every MCID back to its element, /StructParents and /Tabs /S on every page,
  /MarkInfo << /Marked true >>, /ViewerPreferences << /DisplayDocTitle true >> and an
  XMP packet with the title, the language and the PDF/UA identifier.

Usage::

    tagger = Tagger(title="Raport", lang="pl-PL")
    h1 = tagger.element("H1")
    story = [TaggedParagraph("Tytuł", style, struct=h1, tagger=tagger), ...]
    Table(data, ..., renderCB=tagger.table_callback)
    doc.build(story, canvasmaker=tagger.canvasmaker)

Checked by tests/consultations/test_exports.py (the tree, the reading order, every
text operator inside a marked sequence); not validated with veraPDF (not available
on these machines), so PDF/UA conformance is claimed by the identifier, not proven.
"""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph


class Element:
    """One structure element: a type (P, TD...), its kids (elements, or marked content
    as (page index, MCID)) and optional attributes."""

    __slots__ = ("type", "kids", "scope", "repeats", "tagged")

    def __init__(self, type_: str, scope: str | None = None, repeats: bool = False):
        self.type = type_
        self.kids: list = []
        self.scope = scope  # "Column" / "Row" for header cells
        self.repeats = repeats  # drawn again later (repeated header): an artifact then
        self.tagged = False


class Tagger:
    def __init__(self, title: str = "", lang: str = ""):
        self.title, self.lang = title, lang
        self.root = Element("Document")
        self.pages: dict[int, list[Element]] = {}  # page index -> element of each MCID

    def element(self, type_: str, parent: Element | None = None, **kwargs) -> Element:
        element = Element(type_, **kwargs)
        (parent or self.root).kids.append(element)
        return element

    # --- content stream ------------------------------------------------------

    def begin(self, canvas, element: Element) -> bool:
        """Open a marked-content sequence for `element`; False: an artifact instead."""
        if element.repeats and element.tagged:
            canvas.addLiteral("/Artifact BMC")
            return False
        page = canvas.getPageNumber() - 1
        mcids = self.pages.setdefault(page, [])
        mcid = len(mcids)
        mcids.append(element)
        element.kids.append((page, mcid))
        element.tagged = True
        canvas.addLiteral(f"/{element.type} <</MCID {mcid}>> BDC")
        return True

    @staticmethod
    def end(canvas) -> None:
        canvas.addLiteral("EMC")

    def table_callback(self, table, event, *args) -> None:
        """reportlab Table renderCB: backgrounds and grid lines are artifacts."""
        if event in ("startBG", "startLines"):
            table.canv.addLiteral("/Artifact BMC")
        elif event in ("endBG", "endLines"):
            table.canv.addLiteral("EMC")

    @property
    def canvasmaker(self):
        return partial(TaggedCanvas, tagger=self)

    # --- structure tree --------------------------------------------------------

    def write_tree(self, document, pages) -> None:
        """Register the structure tree with reportlab's PDFDocument before it is saved."""
        page_refs = [document.Reference(page) for page in pages]
        refs: dict[int, object] = {}
        dicts: list[tuple[Element, pdfdoc.PDFDictionary, object]] = []

        def register(element: Element, parent_ref):
            # /Type /StructElem is optional, and left out: a large report has hundreds of
            # thousands of these objects, and reportlab cannot compress them.
            entries = {"S": pdfdoc.PDFName(element.type)}
            if parent_ref is not None:
                entries["P"] = parent_ref
            if element.scope:
                entries["A"] = pdfdoc.PDFDictionary(
                    {"O": pdfdoc.PDFName("Table"), "Scope": pdfdoc.PDFName(element.scope)}
                )
            obj = pdfdoc.PDFDictionary(entries)
            ref = document.Reference(obj)
            refs[id(element)] = ref
            dicts.append((element, obj, ref))
            for kid in element.kids:
                if isinstance(kid, Element):
                    register(kid, ref)

        tree_root = pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("StructTreeRoot")})
        root_ref = document.Reference(tree_root)
        register(self.root, root_ref)
        for element, obj, _ref in dicts:
            obj.dict.update(_kids(element, refs, page_refs))
        numbers = []
        for page_index in range(len(pages)):
            elements = self.pages.get(page_index, [])
            numbers += [page_index, pdfdoc.PDFArray([refs[id(e)] for e in elements])]
        tree_root.dict["K"] = refs[id(self.root)]
        tree_root.dict["ParentTree"] = document.Reference(
            pdfdoc.PDFDictionary({"Nums": pdfdoc.PDFArray(numbers)})
        )
        tree_root.dict["ParentTreeNextKey"] = len(pages)
        for index, page in enumerate(pages):
            page.__NoDefault__ = [*type(page).__NoDefault__, "StructParents", "Tabs"]
            page.StructParents = index
            page.Tabs = pdfdoc.PDFName("S")
        catalog = document.Catalog
        catalog.StructTreeRoot = tree_root
        catalog.MarkInfo = pdfdoc.PDFDictionary({"Marked": pdfdoc.PDFtrue})
        catalog.ViewerPreferences = pdfdoc.PDFDictionary({"DisplayDocTitle": pdfdoc.PDFtrue})
        catalog.Metadata = _xmp(self.title, self.lang)


def _kids(element: Element, refs: dict, page_refs: list) -> dict:
    """The /K entry (and /Pg when all on one page) of one element's dictionary."""
    content = [kid for kid in element.kids if not isinstance(kid, Element)]
    has_elements = any(isinstance(k, Element) for k in element.kids)
    if content and not has_elements and len({page for page, _mcid in content}) == 1:
        # All on one page (most cells): the page once, then bare MCIDs.
        mcids = [mcid for _page, mcid in content]
        return {
            "Pg": page_refs[content[0][0]],
            "K": mcids[0] if len(mcids) == 1 else pdfdoc.PDFArray(mcids),
        }
    ordered = []  # document order: elements and marked-content references
    for kid in element.kids:
        if isinstance(kid, Element):
            if kid.kids:  # an element that never drew anything stays out
                ordered.append(refs[id(kid)])
        else:
            page, mcid = kid
            mcr = {"Type": pdfdoc.PDFName("MCR"), "Pg": page_refs[page], "MCID": mcid}
            ordered.append(pdfdoc.PDFDictionary(mcr))
    return {"K": pdfdoc.PDFArray(ordered)}


def _xmp(title: str, lang: str):
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="{escape(lang)}">{escape(title)}</rdf:li>'
        "</rdf:Alt></dc:title>"
        "<pdfuaid:part>1</pdfuaid:part>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    stream = pdfdoc.PDFStream(
        dictionary=pdfdoc.PDFDictionary(
            {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}
        ),
        content=packet.encode("utf-8"),
        filters=[],
    )
    return stream


class TaggedCanvas(Canvas):
    """A Canvas that writes its Tagger's structure tree when saved."""

    def __init__(self, *args, tagger: Tagger, **kwargs):
        super().__init__(*args, **kwargs)
        self._tagger = tagger

    def save(self):
        if len(self._code):
            self.showPage()
        document = self._doc
        self._tagger.write_tree(document, list(document.Pages.pages))
        document.SaveToFile(self._filename, self)


class TaggedParagraph(Paragraph):
    """A Paragraph drawn as (part of) a structure element."""

    def __init__(self, *args, struct: Element | None = None, tagger: Tagger | None = None, **kw):
        super().__init__(*args, **kw)
        self._struct = struct
        self._tagger = tagger

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        for part in parts:
            part._struct, part._tagger = self._struct, self._tagger
        return parts

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        if self._tagger is None or self._struct is None:
            canvas.addLiteral("/Artifact BMC")
        else:
            self._tagger.begin(canvas, self._struct)
        super().drawOn(canvas, x, y, _sW)
        Tagger.end(canvas)
