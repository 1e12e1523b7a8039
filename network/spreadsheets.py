"""One CSV writer for every export: values that spreadsheet programs would run as formulas are
neutralised (OWASP "CSV injection"), and the file is UTF-8 with a byte order mark."""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

# A cell starting with one of these is a formula (or becomes one) in Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """`value`, with a leading apostrophe if it is text that a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


class SafeCsvWriter:
    """csv.writer whose every row passes through `csv_safe`."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([csv_safe(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


class SafeCsvDictWriter(SafeCsvWriter):
    """csv.DictWriter's interface on top of SafeCsvWriter."""

    def __init__(self, stream, fieldnames: Sequence[str], **kwargs):
        super().__init__(stream, **kwargs)
        self.fieldnames = list(fieldnames)

    def writeheader(self) -> None:
        self.writerow(self.fieldnames)

    def writerow(self, row) -> None:  # type: ignore[override]
        if isinstance(row, dict):
            row = [row.get(name) for name in self.fieldnames]
        super().writerow(row)


def csv_response(filename: str, *, bom: bool = True) -> HttpResponse:
    """An attachment response to write CSV into.

    `bom`: start with a byte order mark so spreadsheet programs read UTF-8; open data meant for
    programs (the municipalities export) goes without.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if bom:
        response.write("\ufeff")
    return response
