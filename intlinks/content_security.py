"""Exceptions to the Content-Security-Policy, each named and narrow: docs/adr/0018."""

import base64
import hashlib
import re

INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)


def allow_own_inline_styles(response, html: str):
    """Let the browser apply exactly the `<style>` elements of `html`, by their hashes, and no other
    inline style: for a page that must carry its stylesheet inline (the Cabinet report's preview is
    the PDF's own HTML, and WeasyPrint reads no stylesheet from the network)."""
    hashes = [f"'sha256-{sha256_base64(css)}'" for css in INLINE_STYLE.findall(html)]
    response._csp_update = {"style-src": hashes}  # django-csp adds these to the policy's style-src
    return response


def sha256_base64(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
