"""Take the pictures of the activity log form, at desktop width and on a phone, from a running
`make run` (demonstration data).

    PORT=8031 make run            # in another terminal
    .venv/bin/python docs/screenshots/log_form.py http://127.0.0.1:8031

Playwright drives Debian's Chromium at /usr/bin/chromium (no downloaded browser); it signs in as the
demonstration's officer, opens the log form of the first link and adds one cost, so that the pictures
show the sections, the ways forward closed under their objectives and a cost row.
"""

import sys

from playwright.sync_api import sync_playwright

SIZES = {"1280": {"width": 1280, "height": 900}, "375": {"width": 375, "height": 812}}


def take(base_url: str, folder: str = "docs/screenshots") -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for name, viewport in SIZES.items():
            page = browser.new_page(viewport=viewport)
            page.goto(f"{base_url}/sign-in/")
            page.fill("#id_username", "officer")
            page.fill("#id_password", "intlinks-demo")
            page.click("#submit-id-submit")
            page.goto(f"{base_url}/partnerships/")
            page.locator("main table a[href^='/partnerships/']").first.click()
            link = page.url.rstrip("/")
            page.goto(f"{link}/activities/new/")
            page.get_by_role("button", name="Add another cost").click()
            page.locator("#id_costs-0-category").select_option("subsistence")
            page.screenshot(path=f"{folder}/log-form-{name}.png", full_page=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    take(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
