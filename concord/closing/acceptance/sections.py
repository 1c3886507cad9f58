from concord.collaborations.sections import register_section


def register_sections() -> None:
    register_section("acceptance.side", "acceptance/partials/section.html", column="side", order=60)
