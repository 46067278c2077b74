"""HTTPS downloads verify the server against the operating system's trust store, tested against
a local HTTPS server (127.0.0.1, never the internet) whose certificate comes from a CA made here:
refused while nothing trusts that CA, accepted once the system bundle (or SSL_CERT_FILE) holds it."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import ipaddress
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ganstudio.core.data import tls
from ganstudio.core.data.catalog import MNIST, RemoteFile
from ganstudio.core.data.download import download
from ganstudio.core.errors import DataError

x509 = pytest.importorskip("cryptography.x509", reason="the cryptography package makes the test's CA")

BODY = b"GAN Studio's test file\n" * 100
FILES = {"train-images-idx3-ubyte.gz": BODY}


def _certificates(folder):
    """A CA and a certificate for 127.0.0.1 signed by it: (ca.pem, server.pem, server.key)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "GAN Studio test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
              .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
              .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                             critical=False)
              .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
              .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
              .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = FILES.get(self.path.rsplit("/", 1)[-1])
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def https(tmp_path):
    ca, cert, key = _certificates(tmp_path)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    httpd.socket = server_context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    httpd.url = f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.ca = ca
    tls.download_context.cache_clear()
    yield httpd
    tls.download_context.cache_clear()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _remote(server):
    files = tuple(RemoteFile(name, hashlib.sha256(body).hexdigest(), len(body)) for name, body in FILES.items())
    return dataclasses.replace(MNIST, files=files, mirrors=(server.url,))


@pytest.fixture
def no_truststore(monkeypatch):
    monkeypatch.setattr(tls, "_truststore_context", lambda: None)


def test_a_server_nothing_trusts_is_refused_in_one_line(https, tmp_path, monkeypatch, no_truststore):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with pytest.raises(DataError) as caught:
        download(_remote(https), tmp_path / "d")
    message = str(caught.value)
    assert "CERTIFICATE_VERIFY_FAILED" in message and https.url in message and "\n" not in message.strip()
    assert not (tmp_path / "d" / "train-images-idx3-ubyte.gz").exists()


def test_the_system_ca_bundle_is_loaded_where_the_system_keeps_it(https, tmp_path, monkeypatch, no_truststore):
    # A frozen app's OpenSSL may look elsewhere; the bundle at the system's usual place is loaded.
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setattr(tls.system_context, "__defaults__", ((str(tmp_path / "missing.pem"), str(https.ca)),))
    folder = download(_remote(https), tmp_path / "d")
    assert (folder / "train-images-idx3-ubyte.gz").read_bytes() == BODY


def test_ssl_cert_file_is_honoured(https, tmp_path, monkeypatch, no_truststore):
    monkeypatch.setenv("SSL_CERT_FILE", str(https.ca))
    monkeypatch.setattr(tls.system_context, "__defaults__", ((),))
    folder = download(_remote(https), tmp_path / "d")
    assert (folder / "train-images-idx3-ubyte.gz").read_bytes() == BODY


def test_truststore_is_used_when_installed(monkeypatch):
    pytest.importorskip("truststore", reason="truststore is not installed")
    assert type(tls.system_context()).__module__.startswith("truststore")


def test_verification_is_never_off():
    context = tls.system_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
