#!/usr/bin/env python
"""Django's command-line utility for intlinks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intlinks.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A misconfigured environment deserves one line naming the setting, not a stack trace.
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()
