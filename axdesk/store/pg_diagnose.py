"""Why a connection to the team journal failed, in any language the server speaks.

libpq reports a failed connection as one line of text and no SQLSTATE; the
server's part of it is in the server's ``lc_messages`` (German, Korean, …),
and libpq's own part may be in the client's language. So the kind of failure
is not read from words. :func:`diagnose` retraces the connection with the
same keywords, step by step, in a few lines of the PostgreSQL protocol:

1. the name is looked up (``hostaddr`` when given): not found is
   :attr:`FailureKind.NO_SUCH_HOST`;
2. a TCP (or Unix socket) connection is made: refused or timed out is
   :attr:`FailureKind.UNREACHABLE`;
3. when the keywords ask for TLS (``sslmode`` ``require`` or stronger), the
   server is asked for it: refused is :attr:`FailureKind.TLS_NOT_OFFERED`;
   the certificate is checked against ``sslrootcert`` (``system``: the
   operating system's store) and, for ``verify-full``, the host name:
   :attr:`FailureKind.TLS_UNTRUSTED` or :attr:`FailureKind.TLS_NAME_MISMATCH`
   (OpenSSL's verify codes, not its words);
4. the start-up message and, when asked, the password (cleartext, MD5 or
   SCRAM-SHA-256) are sent, and the server's ``ErrorResponse`` carries its
   SQLSTATE (field ``C``), which :func:`kind_of_sqlstate` sorts; a 28000
   before any authentication is ``pg_hba.conf`` refusing this computer, after
   it the role (unknown, or without ``LOGIN``).

It sends nothing but what libpq sends to log in, changes nothing, and every
step has the connect timeout. The password is never logged nor kept.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
import socket
import ssl
import struct
from collections.abc import Mapping
from dataclasses import dataclass

_PROTOCOL_3 = 196608
_SSL_REQUEST = 80877103
_HOSTNAME_MISMATCH = 62  # X509_V_ERR_HOSTNAME_MISMATCH
_TLS_MODES = frozenset({"require", "verify-ca", "verify-full"})
_MAX_MESSAGE = 1 << 20


class FailureKind(enum.Enum):
    """What stopped the connection (see the module docstring)."""

    NO_SUCH_HOST = "no_such_host"
    UNREACHABLE = "unreachable"
    TLS_NOT_OFFERED = "tls_not_offered"
    TLS_UNTRUSTED = "tls_untrusted"
    TLS_NAME_MISMATCH = "tls_name_mismatch"
    TLS_FAILED = "tls_failed"
    REFUSED_LOGIN = "refused_login"  # 28P01, or 28000 once logged in: no such role, no LOGIN
    NOT_ALLOWED = "not_allowed"  # 28000 before logging in: pg_hba.conf refuses this computer
    NO_SUCH_DATABASE = "no_such_database"  # 3D000
    NO_RIGHTS = "no_rights"  # 42501
    OTHER = "other"


@dataclass(frozen=True)
class Diagnosis:
    """The kind of failure, the SQLSTATE when the server sent one, and the server's words."""

    kind: FailureKind | None  # None: the connection worked this time
    sqlstate: str | None = None
    words: str = ""


def kind_of_sqlstate(sqlstate: str | None) -> FailureKind | None:
    """The kind of failure a SQLSTATE means (None: not one of the kinds)."""
    if not sqlstate:
        return None
    if sqlstate == "28P01":
        return FailureKind.REFUSED_LOGIN
    if sqlstate.startswith("28"):
        return FailureKind.NOT_ALLOWED
    if sqlstate == "3D000":
        return FailureKind.NO_SUCH_DATABASE
    if sqlstate == "42501":
        return FailureKind.NO_RIGHTS
    if sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03"):
        return FailureKind.UNREACHABLE  # connection lost; server shutting down or starting
    return None


class _Stop(Exception):
    def __init__(self, diagnosis: Diagnosis) -> None:
        super().__init__(diagnosis.kind)
        self.diagnosis = diagnosis


def diagnose(keywords: Mapping[str, object], password: str | None, timeout: float) -> Diagnosis:
    """Retrace a connection with libpq's ``keywords`` and say what stops it.

    Blocks for up to a few times ``timeout``: call it on a worker thread.
    """
    try:
        sock = _open_socket(keywords, timeout)
        try:
            sock = _start_tls(sock, keywords)
            _log_in(sock, keywords, password)
        finally:
            sock.close()
    except _Stop as stop:
        return stop.diagnosis
    except (OSError, ValueError) as exc:  # a dropped connection, a garbled answer
        return Diagnosis(FailureKind.OTHER, words=str(exc))
    return Diagnosis(None)


def _first(value: object) -> str:
    return str(value or "").split(",")[0].strip()


def _open_socket(keywords: Mapping[str, object], timeout: float) -> socket.socket:
    host = _first(keywords.get("host")) or "localhost"
    port = int(_first(keywords.get("port")) or 5432)
    if host.startswith("/"):
        unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        unix.settimeout(timeout)
        try:
            unix.connect(f"{host}/.s.PGSQL.{port}")
        except OSError as exc:
            unix.close()
            raise _Stop(Diagnosis(FailureKind.UNREACHABLE, words=str(exc))) from exc
        return unix
    address = _first(keywords.get("hostaddr")) or host
    try:
        found = socket.getaddrinfo(address, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise _Stop(Diagnosis(FailureKind.NO_SUCH_HOST, words=str(exc))) from exc
    last: OSError | None = None
    for family, kind, proto, _name, sockaddr in found:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            last = exc
            continue
        return sock
    raise _Stop(Diagnosis(FailureKind.UNREACHABLE, words=str(last or "")))


def _start_tls(sock: socket.socket, keywords: Mapping[str, object]) -> socket.socket:
    mode = str(keywords.get("sslmode") or "")
    if mode not in _TLS_MODES:
        return sock
    sock.sendall(struct.pack("!ii", 8, _SSL_REQUEST))
    answer = _read_exactly(sock, 1)
    if answer != b"S":
        raise _Stop(Diagnosis(FailureKind.TLS_NOT_OFFERED))
    context = _tls_context(mode, str(keywords.get("sslrootcert") or "system"))
    host = _first(keywords.get("host"))
    try:
        return context.wrap_socket(sock, server_hostname=host or None)
    except ssl.SSLCertVerificationError as exc:
        kind = (
            FailureKind.TLS_NAME_MISMATCH
            if exc.verify_code == _HOSTNAME_MISMATCH
            else FailureKind.TLS_UNTRUSTED
        )
        raise _Stop(Diagnosis(kind, words=exc.verify_message or str(exc))) from exc
    except ssl.SSLError as exc:
        raise _Stop(Diagnosis(FailureKind.TLS_FAILED, words=str(exc))) from exc


def _tls_context(mode: str, root: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = mode == "verify-full"
    context.verify_mode = ssl.CERT_NONE if mode == "require" else ssl.CERT_REQUIRED
    if mode == "require":
        return context
    if root == "system":
        context.load_default_certs()
    else:
        context.load_verify_locations(cafile=root)
    return context


def _log_in(sock: socket.socket, keywords: Mapping[str, object], password: str | None) -> None:
    user = str(keywords.get("user") or "")
    database = str(keywords.get("dbname") or user)
    params = b"".join(
        name.encode() + b"\0" + value.encode() + b"\0"
        for name, value in (("user", user), ("database", database), ("application_name", "axdesk"))
    )
    body = struct.pack("!i", _PROTOCOL_3) + params + b"\0"
    sock.sendall(struct.pack("!i", len(body) + 4) + body)
    scram: _Scram | None = None
    authenticated = False
    while True:
        kind, payload = _read_message(sock)
        if kind == b"E":
            fields = _error_fields(payload)
            code = fields.get("C")
            found = kind_of_sqlstate(code) or FailureKind.OTHER
            if found is FailureKind.NOT_ALLOWED and authenticated:
                found = FailureKind.REFUSED_LOGIN  # the role: unknown, or may not log in
            raise _Stop(Diagnosis(found, code, fields.get("M", "")))
        if kind == b"Z":
            return  # logged in: nothing stops the connection now
        if kind != b"R":
            continue  # parameter status, backend key, notices
        (code,) = struct.unpack("!i", payload[:4])
        if code == 0:
            authenticated = True
            continue
        if password is None:
            raise _Stop(Diagnosis(FailureKind.REFUSED_LOGIN))  # a password is asked for
        if code == 3:
            _send(sock, b"p", password.encode() + b"\0")
        elif code == 5:
            _send(sock, b"p", _md5_password(user, password, payload[4:8]))
        elif code == 10:
            scram = _Scram(password)
            _send(sock, b"p", scram.first())
        elif code == 11 and scram is not None:
            _send(sock, b"p", scram.final(payload[4:]))
        elif code == 12:
            continue
        else:
            raise _Stop(Diagnosis(FailureKind.OTHER, words=f"authentication method {code}"))


def _md5_password(user: str, password: str, salt: bytes) -> bytes:
    inner = hashlib.md5(password.encode() + user.encode()).hexdigest()  # noqa: S324 - the protocol
    return b"md5" + hashlib.md5(inner.encode() + salt).hexdigest().encode() + b"\0"  # noqa: S324


class _Scram:
    """SCRAM-SHA-256 as PostgreSQL speaks it (RFC 5802, 7677; no channel binding)."""

    def __init__(self, password: str) -> None:
        self._password = password.encode()
        self._nonce = base64.b64encode(os.urandom(18)).decode()
        self._bare = f"n=,r={self._nonce}"

    def first(self) -> bytes:
        message = ("n,," + self._bare).encode()
        return b"SCRAM-SHA-256\0" + struct.pack("!i", len(message)) + message

    def final(self, server_first: bytes) -> bytes:
        text = server_first.decode()
        parts = dict(item.split("=", 1) for item in text.split(","))
        salted = hashlib.pbkdf2_hmac(
            "sha256", self._password, base64.b64decode(parts["s"]), int(parts["i"])
        )
        client_key = hmac.digest(salted, b"Client Key", "sha256")
        stored = hashlib.sha256(client_key).digest()
        without_proof = f"c=biws,r={parts['r']}"
        auth = f"{self._bare},{text},{without_proof}".encode()
        signature = hmac.digest(stored, auth, "sha256")
        proof = bytes(a ^ b for a, b in zip(client_key, signature, strict=True))
        return f"{without_proof},p={base64.b64encode(proof).decode()}".encode()


def _send(sock: socket.socket, kind: bytes, payload: bytes) -> None:
    sock.sendall(kind + struct.pack("!i", len(payload) + 4) + payload)


def _read_message(sock: socket.socket) -> tuple[bytes, bytes]:
    head = _read_exactly(sock, 5)
    (length,) = struct.unpack("!i", head[1:])
    if not 4 <= length <= _MAX_MESSAGE:
        raise ValueError("the server's answer is not PostgreSQL's protocol")
    return head[:1], _read_exactly(sock, length - 4)


def _read_exactly(sock: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection")
        data += chunk
    return data


def _error_fields(payload: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for item in payload.split(b"\0"):
        if item:
            fields[chr(item[0])] = item[1:].decode("utf-8", "replace")
    return fields
