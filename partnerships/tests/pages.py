"""Test helpers: a page's forms as the browser would post them back unchanged."""


def form_data(response) -> dict:
    """The POST data of the page's form (and its formset, if any) with every value as shown."""
    forms = [response.context["form"]]
    formset = response.context.get("formset")
    if formset is not None:
        forms += [formset.management_form, *formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(getattr(item, "pk", item)) for item in value]
            else:
                data[bound.html_name] = str(value)
    return data
