"""Child process for the crash test: writes letters with revisions until it is killed."""

from __future__ import annotations

import hashlib
import sys

from beautifulletters.archive import Archive


def sealed(text: str) -> str:
    """A body that carries its own checksum, so a torn save would show."""
    return f"{text}|{hashlib.sha256(text.encode()).hexdigest()}"


def main(path: str, start: int) -> None:
    archive = Archive.open(path, with_sample=False)
    signer = archive.settings.default_signer_id()
    recipient = archive.people.add(display_name=f"Recipient {start}")
    print("ready", flush=True)
    round_number = start
    while True:
        round_number += 1
        payload = ("Dearest, the gulls are loud this morning. " * 40) + str(round_number)
        letter_id = archive.letters.create(signer_id=signer, recipient_id=recipient, body=sealed(payload + " r0"))
        print(f"letter {letter_id}", flush=True)
        for revision in range(1, 4):
            archive.letters.save_body(letter_id, sealed(payload + f" r{revision}"))
            print(f"revision {letter_id} {revision}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
