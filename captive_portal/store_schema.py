"""The store's schema as numbered steps, one list per database.

Each store applies the steps it has not recorded at start, in one transaction under a lock
(SQLite: BEGIN IMMEDIATE and `PRAGMA user_version`; PostgreSQL: an advisory lock and the
`portal_schema_version` table), so instances starting at once apply each step once. Step 1
is the schema the portal had before steps were numbered (IF NOT EXISTS: an older SQLite
store takes it as it is). A new step is appended to both lists with the next number.
Step 3 keys sessions by gateway and client: two hotspots handing out the same addresses
(192.168.1.x behind each of two routers) keep their clients apart. Step 4 is the gateway
registry (gateway_registry.py): each router's name, address and secrets; the admin token
only as its SHA-256 (a long random token needs no slow hash).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Dialect = Literal["sqlite", "postgresql"]


class Step(NamedTuple):
    version: int
    name: str
    sql: str


SQLITE: tuple[Step, ...] = (
    Step(1, "sessions and consents", """
        CREATE TABLE IF NOT EXISTS sessions (
            ip TEXT PRIMARY KEY,
            gateway_id TEXT NOT NULL,
            mac_hash TEXT,
            expires_at REAL NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE IF NOT EXISTS consents (
            id INTEGER PRIMARY KEY,
            accepted_at REAL NOT NULL,
            terms_version TEXT NOT NULL,
            gateway_id TEXT NOT NULL,
            mac_hash TEXT,
            key_id TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS consents_by_time ON consents (accepted_at);
        CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
    """),
    Step(2, "vouchers", """
        CREATE TABLE vouchers_used (
            fingerprint TEXT PRIMARY KEY,
            used_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            mac_hash TEXT,
            gateway_id TEXT NOT NULL
        );
        CREATE INDEX vouchers_by_expiry ON vouchers_used (expires_at);
        ALTER TABLE consents ADD COLUMN voucher TEXT;
    """),
    Step(3, "sessions per gateway and client", """
        CREATE TABLE sessions_by_gateway (
            ip TEXT NOT NULL,
            gateway_id TEXT NOT NULL,
            mac_hash TEXT,
            expires_at REAL NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (gateway_id, ip)
        );
        INSERT INTO sessions_by_gateway (ip, gateway_id, mac_hash, expires_at, extra)
            SELECT ip, gateway_id, mac_hash, expires_at, extra FROM sessions;
        DROP TABLE sessions;
        ALTER TABLE sessions_by_gateway RENAME TO sessions;
        CREATE INDEX sessions_by_expiry ON sessions (expires_at);
        CREATE INDEX sessions_by_ip ON sessions (ip);
    """),
    Step(4, "gateway registry", """
        CREATE TABLE gateways (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            address TEXT NOT NULL,
            faskey TEXT NOT NULL,
            fas_level INTEGER NOT NULL,
            terms_version TEXT,
            admin_token_sha256 TEXT NOT NULL,
            created_at REAL NOT NULL
        );
    """),
)  # fmt: skip

POSTGRESQL: tuple[Step, ...] = (
    Step(1, "sessions and consents", """
        CREATE TABLE IF NOT EXISTS sessions (
            ip TEXT PRIMARY KEY,
            gateway_id TEXT NOT NULL,
            mac_hash TEXT,
            expires_at DOUBLE PRECISION NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE IF NOT EXISTS consents (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            accepted_at DOUBLE PRECISION NOT NULL,
            terms_version TEXT NOT NULL,
            gateway_id TEXT NOT NULL,
            mac_hash TEXT,
            key_id TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS consents_by_time ON consents (accepted_at);
        CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
    """),
    Step(2, "vouchers", """
        CREATE TABLE vouchers_used (
            fingerprint TEXT PRIMARY KEY,
            used_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            mac_hash TEXT,
            gateway_id TEXT NOT NULL
        );
        CREATE INDEX vouchers_by_expiry ON vouchers_used (expires_at);
        ALTER TABLE consents ADD COLUMN voucher TEXT;
    """),
    Step(3, "sessions per gateway and client", """
        ALTER TABLE sessions DROP CONSTRAINT sessions_pkey;
        ALTER TABLE sessions ADD PRIMARY KEY (gateway_id, ip);
        CREATE INDEX sessions_by_ip ON sessions (ip);
    """),
    Step(4, "gateway registry", """
        CREATE TABLE gateways (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            address TEXT NOT NULL,
            faskey TEXT NOT NULL,
            fas_level INTEGER NOT NULL,
            terms_version TEXT,
            admin_token_sha256 TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL
        );
    """),
)  # fmt: skip

POSTGRESQL_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS portal_schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""
# Any constant both sides agree on: the key of the advisory lock held while migrating.
POSTGRESQL_MIGRATION_LOCK = 0x1F0_CA7E


def steps(dialect: Dialect) -> tuple[Step, ...]:
    return SQLITE if dialect == "sqlite" else POSTGRESQL


def newest(dialect: Dialect) -> int:
    return max(step.version for step in steps(dialect))
