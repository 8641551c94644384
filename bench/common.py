"""What the benchmarks share: printing a table, and a fresh PostgreSQL database to measure on."""

from __future__ import annotations


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print a titled table with aligned columns."""
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    for line in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)))


def postgres_fresh(server_url: str, name: str) -> str:
    """Drop and create database `name` on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
