"""The set-up screens a facilitator uses before a workshop.

Loaded only when one is opened (``MainWindow.setup_host()``), never before the
window's first paint. ``host.SetupHost`` opens and closes them; ``page.SetupPage``
is their shared frame; ``fields`` holds the fields that save themselves.
"""
