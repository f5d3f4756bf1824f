"""The client's address, as the portal's rate limits and consent records must see it.

Behind a reverse proxy every request comes from the proxy, so REMOTE_ADDR alone
makes each per-IP limit global and stores the proxy in consent records. The proxy
appends the address it saw to X-Forwarded-For; only the entries added by proxies we
run can be believed, because a client may send the header with anything in it.

Two settings say which entries to believe (docs/deployment.md):

- ``TRUSTED_PROXIES``: addresses or networks of our proxies. If REMOTE_ADDR is one
  of them, X-Forwarded-For is read from the right, skipping our proxies; the first
  other address is the client. A request that did not come through them is
  answered by REMOTE_ADDR.
- ``TRUSTED_PROXY_COUNT``: the number of proxies in front of the application, when
  their addresses are not known; the client is the N-th address from the right.

With neither set (the default), REMOTE_ADDR is the client and the header is ignored.
"""

import ipaddress

from django.conf import settings


def _address(value: str | None):
    """An ip_address from a header entry (with [brackets] or a port), or None."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def _trusted_networks():
    networks = []
    for entry in getattr(settings, "TRUSTED_PROXIES", ()) or ():
        networks.append(ipaddress.ip_network(entry, strict=False))
    return networks


def _is_trusted(address, networks) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request) -> str | None:
    """The address of the client that sent `request`, as a normalised string (or None).

    Never raises: a malformed or spoofed header falls back to the nearest address
    a trusted proxy vouches for, else to REMOTE_ADDR.
    """
    remote = _address(request.META.get("REMOTE_ADDR"))
    if remote is None:
        return None
    networks = _trusted_networks()
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not forwarded or not (networks or count > 0):
        return str(remote)
    entries = [entry for entry in forwarded.split(",") if entry.strip()]
    if networks:
        return str(_walk_trusted_chain(remote, entries, networks))
    if len(entries) < count:
        # The request did not pass through all our proxies: nothing in it is vouched for.
        return str(remote)
    return str(_address(entries[-count]) or remote)


def _walk_trusted_chain(remote, entries, networks):
    """From the right: skip our proxies; the first other address is the client."""
    if not _is_trusted(remote, networks):
        return remote
    nearest = remote
    for entry in reversed(entries):
        address = _address(entry)
        if address is None:
            # Garbage written before our proxies appended theirs: stop at what they saw.
            return nearest
        if not _is_trusted(address, networks):
            return address
        nearest = address
    return nearest
