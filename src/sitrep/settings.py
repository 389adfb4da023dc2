"""The one place settings come from: environment variables (prefix-free, see README)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Every tunable of every service; each has a safe default for a laptop run."""

    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore")

    redis_url: SecretStr | None = Field(
        default=None,
        description="redis:// or rediss:// URL. Unset: `sitrep run` starts an embedded server.",
    )
    stream_prefix: str = Field(default="sitrep", description="Prefix of every stream and key.")
    consumer_name: str | None = Field(
        default=None, description="Consumer name in the group; default host-pid (unique)."
    )

    chunk_size: int = Field(default=1200, ge=200, description="Target chunk size in characters.")
    max_document_bytes: int = Field(
        default=5_000_000, ge=1_000, description="Larger documents are refused with a clear error."
    )

    batch_size: int = Field(default=64, ge=1, description="max_records per XREADGROUP.")
    partitions: int = Field(
        default=1, ge=1, description="Streams partitioned by document id (see sitrep.streams)."
    )
    redis_cluster: bool = Field(
        default=False, description="REDIS_URL is a Redis Cluster node: tag every key by partition."
    )
    extract_mode: str = Field(
        default="real",
        pattern="^(real|noop)$",
        description="noop: extractors publish empty results (transport benchmark only).",
    )
    poll_ms: int = Field(default=100, ge=1, description="Block time of a read, in ms.")
    claim_idle_ms: int = Field(
        default=30_000, ge=100, description="Pending this long -> reclaimed from a dead consumer."
    )
    max_deliveries: int = Field(
        default=5, ge=1, description="Deliveries before a message goes to the dead-letter stream."
    )
    join_ttl_s: int = Field(
        default=24 * 3600, ge=1, description="Merger join state of an incomplete document expires."
    )
    join_sweep_s: float = Field(
        default=5.0, gt=0, description="How often the merger looks for expired joins."
    )
    max_lag: int = Field(
        default=100_000,
        ge=1,
        description="Producer waits while a chunk-stream group has more undelivered entries.",
    )
    trim_interval_s: float = Field(
        default=10.0, gt=0, description="How often a stage trims its input stream (XTRIM MINID)."
    )
    dedup_ttl_s: int = Field(
        default=30 * 24 * 3600,
        ge=1,
        description="How long a published document is remembered, so a re-publish emits nothing.",
    )

    metrics_port: int | None = Field(default=None, description="Serve Prometheus metrics here.")
    health_file: Path = Field(
        default=Path("/tmp/sitrep.alive"),  # noqa: S108 - a liveness marker, not a secret
        description="Touched every few seconds by a running service; read by `sitrep health`.",
    )

    log_level: str = Field(default="INFO")
    log_json: bool | None = Field(default=None, description="Default: JSON unless on a terminal.")

    @field_validator("log_level")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    def redis_url_value(self) -> str | None:
        return self.redis_url.get_secret_value() if self.redis_url else None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
