from concord.collaborations.sections import register_section


def register_sections() -> None:
    register_section("changes.side", "changes/partials/section.html", column="side", order=40)
