"""PDF and ODT files from the one layout engine; PDF files carry title and author, fonts embedded."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocumentWriter

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.export.registry import LetterFormat
from beautifulletters.i18n import _
from beautifulletters.stationery import PAGE_SIZES_MM
from ui.printing.layout import PreparedLetter, render

PDF_RESOLUTION = 1200  # dpi of the PDF's coordinate space; text stays vector at any value


def page_layout_for(page_size: str) -> QPageLayout:
    """Portrait page of the letter's size with no printer margins: the letter's margins are its own."""
    width, height = PAGE_SIZES_MM.get(page_size, PAGE_SIZES_MM["A4"])
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, page_size)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def new_pdf_writer(path: Path, *, title: str, author: str, page_size: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout_for(page_size))
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator("BeautifulLetters")
    return writer


def _write_pdf(prepared: PreparedLetter, temp: Path) -> None:
    writer = new_pdf_writer(temp, title=prepared.title, author=prepared.author, page_size=prepared.page_size)
    render(prepared, writer)
    del writer  # the file is complete only once the writer is gone


def write_letter_pdf(prepared: PreparedLetter, path: Path) -> Path:
    """One letter as a PDF, written to a temporary name and renamed when complete."""
    return fileio.write_file(path, lambda temp: _write_pdf(prepared, temp), verify=fileio.verify_pdf)


def write_letter_odt(prepared: PreparedLetter, path: Path) -> Path:
    """The letter's document as OpenDocument Text (words, paragraphs, fonts and basic formatting)."""

    def write(temp: Path) -> None:
        writer = QTextDocumentWriter(str(temp), b"ODF")
        if not writer.write(prepared.document):
            raise BeautifulLettersError(_("Cannot write {path} as ODT.").format(path=path))

    return fileio.write_file(path, write, verify=fileio.verify_zip)


def join_pdfs(parts: Sequence[Path], path: Path, *, title: str, author: str) -> None:
    """The parts' pages, in order, as one PDF at `path` (a temporary file of an output) with the given title and author.

    Each part is a complete PDF from the same engine (a batch painted on several cores), so
    the joined file reads exactly like one painted in a single pass. The first part is the
    base and the others' pages are copied onto it (pikepdf, i.e. qpdf, about 0.1 ms a page).
    """
    import pikepdf

    with pikepdf.open(parts[0]) as joined:
        for part in parts[1:]:
            with pikepdf.open(part) as source:
                joined.pages.extend(source.pages)
        joined.docinfo["/Title"] = title
        joined.docinfo["/Author"] = author
        joined.docinfo["/Creator"] = "BeautifulLetters"
        joined.save(path)


_PAGE_WRITERS = {"pdf": write_letter_pdf, "odt": write_letter_odt}


def write_page_format(fmt: LetterFormat, prepared: PreparedLetter, path: Path) -> Path:
    """Write a registered page format (beautifulletters.export.registry) from the page engine."""
    try:
        write = _PAGE_WRITERS[fmt.name]
    except KeyError:
        raise BeautifulLettersError(
            _("{format} cannot be drawn from the page here.").format(format=fmt.label)
        ) from None
    return write(prepared, path)
