"""Thin views, by subject: read through selectors, write through services, answer with a page or a redirect.

Every form page is on `intlinks.editing.ServiceFormMixin`: a form, one `save(form)` that calls a
service, and the shared form page.
"""
