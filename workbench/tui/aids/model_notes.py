"""What the screens say of the installed MT models: the MT panel's note when there is none, and
the help screen's list of them."""

from __future__ import annotations

from workbench.mt.packages import MISSING_MODEL_HELP


def missing_model_note() -> str:
    """Short enough for the MT panel; the help screen (F1) has the whole story."""
    from workbench.mt.packages import MISSING_MODEL_INSTALLS

    commands = "\n".join(f"  {line}" for line in MISSING_MODEL_INSTALLS)
    return (
        "No Arabic→English model is installed. Install a local .argosmodel file or a "
        f"CTranslate2 folder with:\n{commands}\nF1 has details."
    )


def models_note() -> str:
    """For the help screen: the installed models, or how to install one."""
    from workbench.mt.catalogue import entries

    listed = [e for e in entries() if e.model.is_ar_en]
    if not listed:
        return MISSING_MODEL_HELP
    lines = [
        f"  {'*' if e.default else ' '} {e.model.name} ({e.model.kind}, {e.model.version})"
        for e in listed
    ]
    return (
        "Installed Arabic→English models (* = the default, which translates in the "
        "background; alt+m asks another one for the open sentence):\n" + "\n".join(lines)
    )
