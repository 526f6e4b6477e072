"""What a read-only store refuses: every command that would change the record.

When clerk cannot write to the store's folder it opens the store read-only: everything
can be read, printed and exported, nothing changed. The app refuses the commands listed
here, whichever door they come through (key, palette, button), with a sentence saying
why and what to do, and dims them in the footer. The table is by class and action name;
a test checks that every action of every screen and widget is either here or known to
leave the record alone, so a new command cannot slip past.
"""

from __future__ import annotations

REFUSED: dict[str, dict[str, str]] = {
    "MeetingsScreen": {
        "new_meeting": "create a meeting",
        "schedule": "create a year's meetings",
        "delete_meeting": "delete a meeting",
        "undo_delete": "put back a deleted meeting",
    },
    "AgendaScreen": {
        "add_item": "add an agenda item",
        "edit_item": "change an agenda item",
        "apply": "save an agenda item",
        "move": "move an agenda item",
        "delete_item": "remove an agenda item",
        "take_minutes": "take minutes",
        "add_after": "add an agenda item",
        "publish": "publish the agenda",
        "unpublish": "unpublish the agenda",
        "back_to_draft": "put the meeting back to its agenda",
        "reopen_minutes": "reopen the minutes",
        "details": "change the meeting's date, time or venue",
    },
    "CommitteesScreen": {
        "new_committee": "set up a committee",
    },
    "CommitteeScreen": {
        "add_member": "add a member",
        "edit_member": "change a member",
        "remove_member": "remove a member",
        "undo_remove": "put back a member",
        "move_member": "move a member",
        "paste_members": "add members",
        "apply": "save the committee",
        "printed_names": "change how a name is printed",
        "venues": "change the venue register",
    },
    "VenueRegisterScreen": {
        "add_venue": "add a room to the venue register",
        "change_venue": "change a room of the venue register",
        "remove_venue": "remove a room from the venue register",
    },
    "PrintedNamesScreen": {
        "set_form": "change how a name is printed",
        "remove_form": "change how a name is printed",
        "rename": "rename a person",
    },
    "MinutesRecordScreen": {
        "circulate": "circulate the minutes",
        "confirm": "record the confirmation of the minutes",
        "sign": "sign the minutes",
        "withdraw": "withdraw the confirmation of the minutes",
    },
    "NewMeetingScreen": {"create": "create a meeting"},
    "ScheduleScreen": {"create": "create meetings"},
    "QuickEntry": {"add_all": "add members"},
    "ImportReview": {"accept": "store the paper read"},
    "LiveMeetingScreen": {
        "next_item": "take the next item",
        "previous_item": "go back to an item",
        "defer": "defer an item",
        "minute_options": "change a minute",
        "declare": "record a declaration",
        "drafted": "mark the minutes drafted",
        "actions": "record actions",
        "undo": "undo a change to the record",
        "redo": "redo a change to the record",
        "move_motion": "move a motion",
        "move_amendment": "move an amendment",
        "move_procedural": "move a procedural motion",
        "second_motion": "second a motion",
        "count_vote": "record a vote",
        "recorded_vote": "record a vote",
        "carried_unanimously": "record a result",
        "carried_without_vote": "record a result",
        "declare_result": "record a result",
        "declare_lost": "record a result",
        "casting_vote": "record a casting vote",
        "withdraw_motion": "withdraw a motion",
    },
    "MotionForm": {"accept": "move a motion"},
    "VoteCountForm": {"accept": "record a vote"},
    "RecordedVoteForm": {"accept": "record a vote"},
    "MinuteEditor": {
        "phrase": "change the resolution",
        "toggle_lead": "change the resolution",
    },
    "AttendancePanel": {
        name: "change the attendance"
        for name in (
            "present",
            "apologies",
            "absent",
            "all_present",
            "arrived",
            "departed",
            "withdrew",
            "returned",
            "substitute",
            "also_present",
            "officer",
            "undo",
            "declare",
            "elect_chair",
            "printed_name",
            "times",
        )
    },
}


def refused(node: object, action: str) -> str | None:
    """What the action would do to the record ("add an agenda item"), or None if it reads only."""
    for cls in type(node).__mro__:
        found = REFUSED.get(cls.__name__, {}).get(action)
        if found is not None:
            return found
    return None


def refusal_message(what: str, root: str, reason: str) -> str:
    because = f" ({reason})" if reason else ""
    return (
        f"The store is open read-only{because}, so clerk cannot {what}: nothing was changed. "
        f"Everything can still be read and exported. To make changes, make {root} writable "
        "(or copy it somewhere that is) and start clerk again."
    )
