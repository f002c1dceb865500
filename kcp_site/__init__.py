"""The KCP site project: settings, URLs and WSGI wiring. It owns no domain of its own."""
