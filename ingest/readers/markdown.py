"""Placeholder until the reader lands."""

from ingest.models import Draft, Metadata


def read(text: str, origin: str) -> Draft:
    return Draft(metadata=Metadata(), markdown=text)
