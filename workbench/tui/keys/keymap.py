"""Every key of the main screen, with a stable id the user can remap in the config file:

```toml
[keymap]
confirm = "ctrl+s"
next_segment = "ctrl+down,alt+j"
```

The same table feeds the footer, the help screen and the command palette, so they cannot drift.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding

from workbench.config import ConfigError


@dataclass(frozen=True, slots=True)
class KeyAction:
    id: str
    keys: str  # Textual key names, comma-separated alternatives
    action: str  # the action on the main screen (or "app.…")
    title: str  # short: footer and palette
    help: str  # one sentence: help screen and palette
    footer: bool = True


MAIN_ACTIONS: tuple[KeyAction, ...] = (
    KeyAction(
        "confirm",
        "enter,ctrl+enter",
        "confirm",
        "Confirm",
        "Save the target as translated and go to the next unconfirmed segment.",
    ),
    KeyAction(
        "save_draft", "ctrl+s", "save_draft", "Draft", "Save the target and mark it as draft."
    ),
    KeyAction(
        "next_segment",
        "ctrl+down,alt+down",
        "move(1)",
        "Next",
        "Go to the next segment (saves this one if changed).",
        footer=False,
    ),
    KeyAction(
        "previous_segment",
        "ctrl+up,alt+up",
        "move(-1)",
        "Previous",
        "Go to the previous segment (saves this one if changed).",
        footer=False,
    ),
    KeyAction("page_down", "pagedown", "page(1)", "Page down", "Go one screen down.", footer=False),
    KeyAction("page_up", "pageup", "page(-1)", "Page up", "Go one screen up.", footer=False),
    KeyAction(
        "next_unconfirmed",
        "ctrl+n",
        "next_unconfirmed",
        "Next new",
        "Go to the next segment that is new, draft or rejected.",
        footer=False,
    ),
    KeyAction(
        "copy_mt", "ctrl+t", "copy_mt", "MT→target", "Copy the MT suggestion into the target."
    ),
    KeyAction(
        "alternative_1",
        "alt+1",
        "pick_alternative(1)",
        "Alt 1",
        "Put MT alternative 1 into the target.",
        footer=False,
    ),
    KeyAction(
        "alternative_2",
        "alt+2",
        "pick_alternative(2)",
        "Alt 2",
        "Put MT alternative 2 into the target.",
        footer=False,
    ),
    KeyAction(
        "alternative_3",
        "alt+3",
        "pick_alternative(3)",
        "Alt 3",
        "Put MT alternative 3 into the target.",
        footer=False,
    ),
    KeyAction(  # another installed model's translation (aids/other_models.py)
        "other_model_mt",
        "alt+m",
        "other_model_mt",
        "Other model",
        "Translate the open sentence with another installed model, as alternative 1.",
        footer=False,
    ),
    *(
        KeyAction(
            f"tm_insert_{number}",
            f"alt+{number + 6}",
            f"insert_tm({number})",
            f"TM {number}",
            f"Put translation-memory match {number} into the target.",
            footer=False,
        )
        for number in (1, 2, 3)
    ),
    KeyAction(
        "details_down",
        "ctrl+pagedown",
        "scroll_details(1)",
        "More",
        "Scroll the open segment's details down: alternatives, terms, claims, checks, TM.",
        footer=False,
    ),
    KeyAction(
        "details_up",
        "ctrl+pageup",
        "scroll_details(-1)",
        "Less",
        "Scroll the open segment's details back up.",
        footer=False,
    ),
    KeyAction("revert", "ctrl+r", "revert", "Revert", "Put back the last saved target text."),
    KeyAction("go_to", "ctrl+l", "go_to", "Go to", "Go to segment number N."),
    KeyAction("search", "ctrl+f", "search", "Search", "Show only segments containing a text."),
    KeyAction("filter_status", "f4", "cycle_filter", "Filter", "Show only one status (cycles)."),
    KeyAction("documents", "f2", "documents", "Docs", "Choose the document to work on."),
    KeyAction(
        "tag_claim",
        "ctrl+g",
        "tag_claim",
        "Claim",
        "Tag the English selected in the target as a claim, or select Arabic in the source.",
        footer=False,
    ),
    KeyAction(
        "claims_panel",
        "ctrl+o",
        "claims_panel",
        "Claims",
        "List this document's claims: go to one, edit, delete, see its history.",
        footer=False,
    ),
    # F7 stays the editor's select-all and F11 the terminal's full screen (GNOME Terminal, Konsole,
    # Windows Terminal take it): the claim desk's screens have keys no terminal or TextArea claims.
    KeyAction(  # the claims board across documents (tui/claims/board.py)
        "claims_board",
        "f12",
        "app.open_claims_board",
        "Board",
        "Claims board: every document's claims by state, checks, claims seen before.",
        footer=False,  # in the help and the palette; the footer is full
    ),
    KeyAction(  # sentences likely to hold a claim (tui/claims/suggestions.py)
        "claim_suggestions",
        "alt+l",
        "app.open_claim_suggestions",
        "Likely claims",
        "Mark this document's sentences likely to hold a checkable claim, with the reasons.",
        footer=False,
    ),
    KeyAction("toggle_bidi", "f3", "toggle_bidi", "Bidi", "Switch Arabic display: auto, on, off."),
    KeyAction(
        "review_queue",
        "f9",
        "app.open_review",
        "Review",
        "Review queue: diffs, approve or reject, history; also what was returned to you.",
        footer=False,
    ),
    KeyAction(
        "statistics",
        "f10",
        "app.open_statistics",
        "Statistics",
        "Post-editing and review statistics per editor and document, with a chart.",
        footer=False,
    ),
    KeyAction("stop_mt", "f8", "app.stop_mt", "Stop MT", "Stop the background translation."),
    KeyAction("help", "f1", "app.help", "Help", "List every key."),
)

# Keys that belong to the editor itself (TextArea) or to Textual; listed in the help screen only.
EDITOR_KEYS: tuple[tuple[str, str], ...] = (
    ("shift+arrows", "Select text in the target or in a source view (for a claim)."),
    ("f5", "Select the word at the cursor; pressed again, add the next word."),
    ("f6 / f7", "Select the line / all of the text."),
    ("ctrl+home / ctrl+end", "Go to the start / end of the target."),
    ("ctrl+z / ctrl+y", "Undo / redo in the target."),
    ("ctrl+x / ctrl+c / ctrl+v", "Cut / copy / paste."),
    ("mouse click", "Go to the clicked segment."),
    ("ctrl+p", "Command palette: every action by name."),
    ("ctrl+q", "Quit (saves the open segment if changed)."),
    (
        "alt+digit on macOS",
        "Needs Option as Meta (Terminal) or Esc+ (iTerm2); otherwise Option+3 types £.",
    ),
)

KNOWN_IDS = frozenset(action.id for action in MAIN_ACTIONS)


# Terminals without kitty's keyboard protocol send Alt+digit as ESC then the digit; the app reads
# that as alt+digit (terminal_input.read_escape_digit_as_alt). A macOS terminal whose Option key
# types characters sends the character itself instead (Option+7 types "¶", key pilcrow_sign), so an
# alt+digit binding also names that character's key, and the editor does not take that key as text
# (TargetEditor.check_consume_key). Only characters no one types in English news are taken this
# way: £ (Option+3), ¢ (4), § (6) and º (0) stay text; there alt+3 needs Option set to act as Meta.
_ALT_DIGIT_CHARACTERS = {"1": "¡", "2": "™", "5": "∞", "7": "¶", "8": "•", "9": "ª"}


def _character_key(character: str) -> str:
    """The key name Textual gives a typed character: itself if alphanumeric ("ª" is a letter),
    else its Unicode name."""
    if character.isalnum():
        return character
    return unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")


ALT_DIGIT_KEYS = frozenset(_character_key(char) for char in _ALT_DIGIT_CHARACTERS.values())


def terminal_keys(keys: str) -> str:
    """`keys` with the key Textual reports for each alt+digit added after it."""
    out: list[str] = []
    for key in (part.strip() for part in keys.split(",")):
        out.append(key)
        if key.startswith("alt+") and key[4:] in _ALT_DIGIT_CHARACTERS:
            out.append(_character_key(_ALT_DIGIT_CHARACTERS[key[4:]]))
    return ",".join(out)


# The footer shows its keys in this order: at 80 columns the last ones are cut, so the keys a
# translator cannot guess (the F keys) come before those every editor has (revert, search).
FOOTER_FIRST: tuple[str, ...] = (
    *("confirm", "save_draft", "copy_mt", "documents", "toggle_bidi", "filter_status"),
    *("stop_mt", "help"),
)


def _footer_rank(action: KeyAction) -> int:
    return FOOTER_FIRST.index(action.id) if action.id in FOOTER_FIRST else len(FOOTER_FIRST)


def bindings(actions: Iterable[KeyAction] = MAIN_ACTIONS) -> list[Binding]:
    """Priority bindings, so they win over the TextArea the cursor is in."""
    return [
        Binding(
            terminal_keys(a.keys),
            a.action,
            a.title,
            show=a.footer,
            priority=True,
            id=a.id,
            tooltip=a.help,
        )
        for a in sorted(actions, key=_footer_rank)
    ]


def check_keymap(keymap: Mapping[str, str]) -> dict[str, str]:
    """The `[keymap]` table of the config file, refused with a clear message if it is wrong."""
    unknown = sorted(set(keymap) - KNOWN_IDS)
    if unknown:
        raise ConfigError(
            f"[keymap] has unknown action(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(KNOWN_IDS))}"
        )
    for name, keys in keymap.items():
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(
                f'[keymap] {name} must be a string of keys such as "ctrl+s" or "f5,ctrl+g"'
            )
    return dict(keymap)


def effective_keys(keymap: Mapping[str, str]) -> dict[str, str]:
    """Binding id -> the keys in force after the user's remapping."""
    return {action.id: keymap.get(action.id, action.keys) for action in MAIN_ACTIONS}
