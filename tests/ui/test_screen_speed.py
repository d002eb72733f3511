"""What keeps a tap's next frame quick: no rows made twice, the theme's colours made once,
Qt Quick's software renderer where there is no GPU (tests/perf/bench_taps.py measures it)."""

from __future__ import annotations

from ui.theme import HIGH_CONTRAST, NORMAL, Theme, colour_names


def test_the_theme_colours_follow_high_contrast_from_one_map_per_palette() -> None:
    theme = Theme()
    assert theme.property("colors")["mutedText"] == NORMAL.muted_text
    assert theme.property("colors")["onPrimary"] == NORMAL.on_primary
    theme.apply(high_contrast=True, large_text=False)
    assert theme.property("colors")["background"] == HIGH_CONTRAST.background
    theme.apply(high_contrast=False, large_text=False)
    assert theme.property("colors")["background"] == NORMAL.background
    assert colour_names(NORMAL) is colour_names(NORMAL)
    assert colour_names(HIGH_CONTRAST)["text"] == HIGH_CONTRAST.text
