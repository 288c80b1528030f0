"""The display's rules without Qt: board state, which calls to announce, and what to say."""
