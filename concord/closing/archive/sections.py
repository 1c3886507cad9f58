from concord.collaborations.sections import register_section


def register_sections() -> None:
    register_section("archive.side", "archive/partials/section.html", column="side", order=70)
