"""Read bounce reports from a mailbox and mark permanently failing addresses undeliverable."""

import mailbox
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletters import bounces, services


class Command(BaseCommand):
    help = (
        "Process delivery status notifications (bounces): a Maildir, an mbox file, message "
        "files, or '-' for one message on standard input (e.g. piped from the mail server)."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH")
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete messages from a Maildir or mbox once they have been read.",
        )

    def handle(self, *args, sources, remove=False, **options):
        totals = {"messages": 0, "bounces": 0, "marked": 0}
        for source in sources:
            for raw in self.messages(source, remove):
                totals["messages"] += 1
                for bounce in bounces.parse_report(raw):
                    totals["bounces"] += 1
                    if services.record_bounce(bounce):
                        totals["marked"] += 1
                        self.stdout.write(f"undeliverable: {bounce.recipient} ({bounce.status})")
        self.stdout.write(
            "{messages} message(s) read, {bounces} permanent failure(s), "
            "{marked} address(es) marked undeliverable".format(**totals)
        )

    def messages(self, source, remove):
        if source == "-":
            yield sys.stdin.buffer.read()
            return
        path = Path(source)
        if path.is_dir():
            if not (path / "cur").is_dir() or not (path / "new").is_dir():
                raise CommandError(f"{path} is a directory but not a Maildir (no cur/ and new/)")
            box = mailbox.Maildir(path, factory=None, create=False)
        elif path.is_file() and _starts_with(path, b"From "):
            box = mailbox.mbox(path, factory=None, create=False)
        elif path.is_file():
            yield path.read_bytes()
            return
        else:
            raise CommandError(f"{path} does not exist")
        box.lock()
        try:
            for key in list(box.keys()):
                yield box.get_bytes(key)
                if remove:
                    box.remove(key)
            box.flush()
        finally:
            box.unlock()
            box.close()


def _starts_with(path: Path, prefix: bytes) -> bool:
    with path.open("rb") as file:
        return file.read(len(prefix)) == prefix
