"""The board's widgets. They only show what they are given: no HTTP, no sound, no rules.

One module per part of the screen: `header`, `call_panel`, `counters`, `recent`, `waiting`,
`marquee`, `slideshow`; `window` puts them together (`BoardWindow`); `style` holds colours,
fonts and scaling, `parts` the small labels they share.
"""
