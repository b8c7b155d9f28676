"""Bringing people in (vCard, CSV) and taking everything out (vCard, CSV, JSON, backups)."""

from beautifulletters.transfer.backups import (
    BackupInfo,
    RestoreResult,
    automatic_backup,
    automatic_backup_of,
    backup_due,
    backups_dir,
    create_backup,
    is_backup_file,
    list_backups,
    newest_good_backup,
    restore_backup,
    restore_newest_good_backup,
    thin_backups,
)
from beautifulletters.transfer.exporter import FORMATS, archive_document, export_archive
from beautifulletters.transfer.importer import (
    ON_DUPLICATE,
    ImportCancelled,
    ImportItem,
    ImportReport,
    import_contacts,
    import_file,
    read_contacts,
)
from beautifulletters.transfer.textio import NotContactsError

__all__ = [
    "FORMATS",
    "ON_DUPLICATE",
    "BackupInfo",
    "ImportCancelled",
    "ImportItem",
    "ImportReport",
    "NotContactsError",
    "RestoreResult",
    "archive_document",
    "automatic_backup",
    "automatic_backup_of",
    "backup_due",
    "backups_dir",
    "create_backup",
    "export_archive",
    "import_contacts",
    "import_file",
    "is_backup_file",
    "list_backups",
    "newest_good_backup",
    "read_contacts",
    "restore_backup",
    "restore_newest_good_backup",
    "thin_backups",
]
