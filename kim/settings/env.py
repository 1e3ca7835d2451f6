"""Small helpers to read typed settings from the environment."""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0/true/false/yes/no/on/off, not {raw!r}")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def private_directory(path: Path) -> Path:
    """Create ``path`` readable by kim's user only (0700), or tighten an existing one.

    The data directory holds the SQLite database, the secret key and uploaded documents:
    nobody else on the machine has any business in it. An existing directory with group or
    other bits (e.g. created by an older kim with 0755) is tightened.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def private_file(path: Path) -> None:
    """Tighten an existing file to 0600 (kim's user only); a missing file is no error."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if mode & 0o077:
        path.chmod(0o600)


def secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else a random key kept in the data directory.

    A generated, persisted key is safer than any default string: every installation gets
    its own key, and it survives restarts so sessions stay valid. The file is 0600.
    """
    key = os.environ.get("SECRET_KEY") or os.environ.get("KIM_SECRET_KEY")
    if key:
        return key
    path = data_dir / "secret_key"
    if path.exists():
        private_file(path)
        return path.read_text(encoding="utf-8").strip()
    private_directory(data_dir)
    key = secrets.token_urlsafe(64)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
