"""Take the README's picture of the members' dashboard from a running `make run` (demonstration data).

    PORT=8031 make run            # in another terminal
    .venv/bin/python docs/screenshots/dashboard.py http://127.0.0.1:8031

Playwright drives Debian's Chromium at /usr/bin/chromium (no downloaded browser); it signs in as the
demonstration's working-party member and keeps the top of the page: the links today, the year at a
glance, the charts' start.
"""

import sys

from playwright.sync_api import sync_playwright


def take(base_url: str, path: str = "docs/screenshots/dashboard.png") -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"{base_url}/sign-in/")
        page.fill("#id_username", "member")
        page.fill("#id_password", "intlinks-demo")
        page.click("#submit-id-submit")
        page.goto(f"{base_url}/reporting/")
        page.screenshot(path=path, clip={"x": 0, "y": 0, "width": 1100, "height": 1750}, full_page=True)
        browser.close()


if __name__ == "__main__":
    take(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
