from concord.collaborations.sections import register_section


def register_sections() -> None:
    register_section("meetings.side", "meetings/partials/section.html", column="side", order=30)
