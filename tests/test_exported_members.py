from __future__ import annotations

import storybrief


def test_exported_members_all_is_sorted_and_complete() -> None:
    public = {
        name
        for name in dir(storybrief)
        if not name.startswith("_")
        and not getattr(getattr(storybrief, name), "__name__", "").startswith("storybrief.")
    }
    exported = set(storybrief.__all__) - {"__version__"}
    assert public - {"annotations", "logging"} == exported
    assert storybrief.__all__ == sorted(storybrief.__all__, key=lambda n: (n.upper() != n, n))
