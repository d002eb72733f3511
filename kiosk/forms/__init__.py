"""Filling in application forms: per-field checks of what residents type, and one resident's
answers on their way through the wizard. Pure Python, no Qt: the ui shows what this decides."""
