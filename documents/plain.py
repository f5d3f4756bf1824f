"""TXT: UTF-8 or UTF-16 with a BOM, else the Windows and ISO code pages used in Poland."""

from .errors import damaged


def text_from_txt(data: bytes, filename: str, limits) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise damaged(repr(filename), "text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Windows Notepad and older office systems in Poland save as cp1250.
        return data.decode("cp1250")
    except UnicodeDecodeError:
        return data.decode("iso-8859-2")
