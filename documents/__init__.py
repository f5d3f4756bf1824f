"""Plain text out of uploaded documents (TXT, DOCX, ODT, PDF), within limits.

Used by the consultations (draft acts) and by search (attachments of the document library).
`documents.extraction.extract_text` is the one entry point; it reads the file in a forked
child process with CPU-time and memory limits (`documents.sandbox`) and refuses files that
unpack to too much, nest too deeply, number lists absurdly or produce too much text
(`documents.limits`). Every refusal is a `DocumentError` whose `code` has a translated
message in `documents.messages`.
"""
