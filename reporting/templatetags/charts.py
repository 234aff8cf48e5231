"""`{% load charts %}{% chart chart %}`: a chart as a figure, with its caption and its data table."""

from django import template

from reporting.charts import Chart

register = template.Library()


@register.inclusion_tag("reporting/charts/figure.html")
def chart(chart: Chart):
    """The SVG with the same numbers in a table under it, or the empty-state message instead of both."""
    return {"chart": chart}
