"""The hall TV display: the board, and the announcer that speaks each call in Indonesian."""
