"""The typed bodies of the HTTP contract (v1); imports nothing of ours but pydantic."""
