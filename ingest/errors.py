"""The one error every stage raises: which input failed and why, in words a user can act on."""


class IngestError(Exception):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Worker processes pickle errors back to the parent; keep both fields.
        return (IngestError, (self.source, self.reason))
