"""The TLS context downloads verify HTTPS servers with: the operating system's trust store.

With the `truststore` package (if installed), the OS's own verifier (Windows' and macOS'
certificate stores, the system bundle on Linux). Without it, Python's default context — which
reads SSL_CERT_FILE and SSL_CERT_DIR, and on Windows the system store — plus the first system CA
bundle found at the usual places: a packaged app's OpenSSL was built elsewhere and may look for
its certificates in a folder this system does not have. Verification is never turned off."""

from __future__ import annotations

import ssl
from functools import cache
from pathlib import Path

# Where systems keep their CA bundle (one PEM file), most common first.
SYSTEM_CA_FILES = (
    "/etc/ssl/certs/ca-certificates.crt",                  # Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",                    # Fedora, RHEL, CentOS
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",   # RHEL 7 and later
    "/etc/ssl/ca-bundle.pem",                              # openSUSE
    "/etc/ssl/cert.pem",                                   # macOS, Alpine, OpenBSD
    "/usr/local/share/certs/ca-root-nss.crt",              # FreeBSD
    "/usr/local/etc/openssl/cert.pem",                     # Homebrew's OpenSSL
)


def _truststore_context() -> ssl.SSLContext | None:
    try:
        import truststore
    except ImportError:
        return None
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def system_context(ca_files=SYSTEM_CA_FILES) -> ssl.SSLContext:
    """A verifying client context with the OS's trust store (see the module's text)."""
    context = _truststore_context()
    if context is not None:
        return context
    context = ssl.create_default_context()
    for candidate in ca_files:
        if Path(candidate).is_file():
            try:
                context.load_verify_locations(cafile=candidate)
            except (OSError, ssl.SSLError):
                continue   # unreadable or not PEM: the next place
            break
    return context


@cache
def download_context() -> ssl.SSLContext:
    """The one context of this process's downloads (built once: loading a bundle takes ~50 ms)."""
    return system_context()
