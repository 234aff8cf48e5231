"""The drawing primitives: SVG elements whose every attribute and text is escaped.

Charts are built only from these functions, so a label typed by a user (`<script>`) can only ever
become text. There is no way to pass a `style` attribute: the site's Content-Security-Policy forbids
inline styles, so presentation goes through SVG attributes (`fill`, `stroke`, `font-size`).
"""

import textwrap

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

FONT_FAMILY = "Arial, sans-serif"  # the site's font stack (GDS Transport is for GOV.UK only)
# Arial's glyphs average a little over half an em; a generous estimate keeps text inside the viewBox.
EM_PER_CHARACTER = 0.56

Markup = SafeString | str


def number(value: float) -> str:
    """A coordinate with at most one decimal place: 12.0 -> "12", 12.34 -> "12.3"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def element(tag: str, *children: Markup, **attributes) -> SafeString:
    """`element("rect", x=1, fill="#fff")`; `font_size` becomes `font-size`; `None` leaves it out.

    Children that are already markup (from this module) are kept; any other string is escaped.
    """
    if "style" in attributes:
        raise ValueError("Inline styles break the Content-Security-Policy: use presentation attributes")
    parts = [tag]
    for name, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = number(value)
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"')
    opening = " ".join(parts)
    if not children:
        return mark_safe(f"<{opening}/>")
    inner = "".join(conditional_escape(child) for child in children)  # markup stays, text is escaped
    return mark_safe(f"<{opening}>{inner}</{tag}>")


def group(*children: Markup, **attributes) -> SafeString:
    return element("g", *children, **attributes) if children else mark_safe("")


def text(x: float, y: float, content: str, *, size: int = 14, **attributes) -> SafeString:
    """One line of text; `anchor` is "start", "middle" or "end"."""
    anchor = attributes.pop("anchor", None)
    return element(
        "text", str(content), x=float(x), y=float(y), font_size=size, text_anchor=anchor, **attributes
    )


def text_width(content: str, size: int) -> float:
    """An estimate of the drawn width of a line of text, for layout (no font metrics on the server)."""
    return len(content) * size * EM_PER_CHARACTER


def wrap(content: str, *, width: float, size: int, max_lines: int = 2) -> tuple[list[str], bool]:
    """Break a label into lines that fit `width`; what is left over is cut with an ellipsis.

    Returns the lines and whether anything was cut.
    """
    characters = max(4, int(width / (size * EM_PER_CHARACTER)))
    lines = textwrap.wrap(content, characters, break_long_words=True) or [""]
    if len(lines) <= max_lines:
        return lines, False
    last = lines[max_lines - 1]
    return [*lines[: max_lines - 1], last[: characters - 1].rstrip() + "\u2026"], True


def wrapped_text(
    x: float, y: float, content: str, *, width: float, size: int, line_height: float, **attributes
):
    """A label over as many lines as it needs (two at most), the first baseline at `y`.

    Returns the markup and the number of lines. A label cut short keeps its whole text as a tooltip;
    the chart's table always has it in full.
    """
    lines, cut = wrap(content, width=width, size=size)
    parts = [
        text(x, y + index * line_height, line, size=size, **attributes) for index, line in enumerate(lines)
    ]
    if cut:
        parts.insert(0, element("title", content))
    return group(*parts), len(lines)


def document(*children: Markup, width: int, height: float, chart_id: str, title: str, description: str):
    """The outer `<svg>`: a fixed viewBox (it scales to its container), named by its title and desc."""
    return element(
        "svg",
        element("title", title, id=f"{chart_id}-title"),
        element("desc", description, id=f"{chart_id}-desc"),
        *children,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {number(height)}",
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        class_="app-chart__svg",
        font_family=FONT_FAMILY,
    )
