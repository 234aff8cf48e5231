"""Post a form page the way a browser does: every field with the value the page shows, and its rows."""


def _plain(value):
    return str(value.pk) if hasattr(value, "pk") else str(value)


def shown_data(form) -> dict:
    """Each field of `form` with the value rendered in the page (hidden token and version included)."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        data[bound.html_name] = [_plain(item) for item in value] if isinstance(value, list) else _plain(value)
    return data


def page_data(response, **changes) -> dict:
    """What submitting the page in `response` posts, with `changes` typed over it (by field name)."""
    context = response.context
    data = shown_data(context["form"])
    formset = context.get("formset")
    if formset:
        data.update(shown_data(formset.management_form))
        for row in formset.forms:
            data.update(shown_data(row))
    data.update(changes)
    return data
