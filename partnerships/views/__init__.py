"""Pages for officers, members and clerks: views parse input, call a service or selector, answer."""
