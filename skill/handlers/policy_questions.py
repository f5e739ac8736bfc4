"""General questions about single policy facts; purchase questions go through the dialog."""
