"""Transitional: the activity side's pages (views/activities.py, views/gifts.py) still import
`ServiceFormView` from here. They move onto `intlinks.editing.ServiceFormMixin` in their own branch of
issue 8; then this module is deleted. The register's pages use the kit directly."""

from intlinks.editing import ServiceFormMixin


class ServiceFormView(ServiceFormMixin):
    def get_context_data(self, **kwargs):
        # Those pages pass their introduction here; the kit takes it from `intro`.
        self.intro = kwargs.pop("intro", self.intro)
        return super().get_context_data(**kwargs)
