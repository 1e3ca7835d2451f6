"""The one list of kim: sortable columns, pagination and a CSV/XLSX export that keeps the
filter and the order – for querysets and for lists computed in Python alike.

A view declares its columns once; the same declaration gives the header row (links that
sort, ``aria-sort``), the labels of the stacked cards on a phone and the export::

    PERSONS = Listing("personen", [
        Column("name", _("Name"), value=str, sort=("family_name", "given_names")),
        Column("birth", _("Date of birth"), value=lambda p: p.birth_date, sort="birth_date"),
    ], default="name")

    table = PERSONS.run(request, queryset)      # sorts, pages, or answers the export
    if table.response:
        return table.response
    return render(request, "…", {"table": table})

and the template::

    {% include "core/list/table_start.html" %}   <!-- scroll region, caption, header -->
    {% for p in table.page.object_list %}<tr>…<td data-label="…">…</td></tr>{% endfor %}
    {% include "core/list/table_end.html" %}     <!-- pagination and export links -->

The sort key comes from the URL (``?sort=name`` / ``?sort=-name``); an unknown key falls
back to the default order, never an error. The export writes every row of the filtered,
sorted list (not only the page) through kim.core.exports (formula-safe).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import Promise

from kim.core.exports import FORMATS, table_response
from kim.core.views.base import PAGE_SIZE, paginate

SortKey = str | Sequence[str] | Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One column: ``value(row)`` is the cell of the export (and may serve the template);
    ``sort`` an ORM field (or several) for querysets, or a key function for Python lists;
    ``None`` – not sortable. ``export=False`` leaves it out of the file (a column of
    actions); ``numeric`` aligns it right."""

    key: str
    label: Promise | str
    value: Callable[[Any], Any] | None = None
    sort: SortKey | None = None
    numeric: bool = False
    export: bool = True


@dataclass
class HeaderCell:
    column: Column
    url: str | None  # None: not sortable
    direction: str  # "ascending", "descending" or "" (aria-sort)

    @property
    def label(self) -> Promise | str:
        return self.column.label


@dataclass
class Table:
    """What the templates get: the page, the header cells, the export links."""

    page: Any
    headers: list[HeaderCell]
    query: str  # the request's query without the page (pagination links)
    export_links: list[tuple[str, str]] = field(default_factory=list)
    caption: Promise | str = ""
    response: HttpResponse | None = None

    @property
    def sort_links(self) -> list[HeaderCell]:
        """The sortable columns (the phone's sort links above the cards)."""
        return [h for h in self.headers if h.url]

    @property
    def rows(self) -> Any:
        return self.page.object_list if self.page is not None else []


@dataclass(frozen=True)
class Listing:
    name: str  # file name of the export
    columns: Sequence[Column]
    default: str = ""  # default sort, e.g. "date" or "-date"; "" keeps the given order
    exportable: bool = True
    per_page: int = PAGE_SIZE

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key and c.sort is not None), None)

    def ordering(self, request: HttpRequest) -> tuple[Column | None, bool]:
        """The column to sort by and whether descending, from ``?sort=``."""
        wanted = request.GET.get("sort", "") or self.default
        descending = wanted.startswith("-")
        found = self.column(wanted.lstrip("-"))
        if found is None and wanted != self.default:
            return self.ordering_default()
        return found, descending

    def ordering_default(self) -> tuple[Column | None, bool]:
        return self.column(self.default.lstrip("-")), self.default.startswith("-")

    def sorted(self, rows: Any, column: Column | None, descending: bool) -> Any:
        if column is None:
            return rows
        key = column.sort
        if isinstance(rows, QuerySet):
            fields = [key] if isinstance(key, str) else list(key)  # type: ignore[arg-type]
            # a field given as "-birth_date" sorts the column the other way round (age)
            names = [f.lstrip("-") if descending == f.startswith("-") else f"-{f.lstrip('-')}"
                     for f in fields] + ["-pk" if descending else "pk"]
            return rows.order_by(*names)
        function = key if callable(key) else column.value
        assert function is not None, f"column {column.key}: sorting a list needs a value"
        present = [r for r in rows if function(r) not in (None, "")]
        missing = [r for r in rows if function(r) in (None, "")]
        return sorted(present, key=function, reverse=descending) + missing  # gaps last

    def export(self, rows: Any, fmt: str) -> HttpResponse:
        columns = [c for c in self.columns if c.export and c.value is not None]
        return table_response(self.name, fmt, [str(c.label) for c in columns],
                              ([c.value(r) for c in columns] for r in rows))  # type: ignore[misc]

    def run(self, request: HttpRequest, rows: Any, *, caption: Promise | str = "",
            focus: Callable[[Any], bool] | None = None) -> Table:
        """Sort ``rows`` as the URL asks and page them – or, with ``?format=csv|xlsx``,
        answer the export of all of them (``Table.response``). ``focus``: without a page
        in the URL, open the page of the first row it accepts (a list's own row)."""
        column, descending = self.ordering(request)
        rows = self.sorted(rows, column, descending)
        if focus is not None and "page" not in request.GET and not isinstance(rows, QuerySet):
            index = next((i for i, row in enumerate(rows) if focus(row)), None)
            if index is not None:
                request.GET = request.GET.copy()
                request.GET["page"] = str(index // self.per_page + 1)
        fmt = request.GET.get("format")
        if fmt:
            if fmt not in FORMATS or not self.exportable:
                raise Http404("No such format")
            return Table(None, [], "", response=self.export(rows, fmt))
        params = request.GET.copy()
        params.pop("page", None)
        params.pop("format", None)
        headers = []
        for c in self.columns:
            if c.sort is None:
                headers.append(HeaderCell(c, None, ""))
                continue
            active = column is not None and column.key == c.key
            link = params.copy()
            link["sort"] = f"-{c.key}" if active and not descending else c.key
            direction = ("descending" if descending else "ascending") if active else ""
            headers.append(HeaderCell(c, "?" + link.urlencode(), direction))
        exports = []
        if self.exportable:
            for fmt_name in FORMATS:
                link = params.copy()
                link["format"] = fmt_name
                exports.append((fmt_name.upper(), "?" + link.urlencode()))
        return Table(paginate(request, rows, self.per_page), headers, params.urlencode(),
                     exports, caption)
