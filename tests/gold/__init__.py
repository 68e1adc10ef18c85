"""Gold data of the tests and the floors of the quality gates (pin.py)."""
