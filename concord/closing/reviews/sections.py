from concord.collaborations.sections import register_section


def register_sections() -> None:
    register_section("reviews.side", "reviews/partials/section.html", column="side", order=60)
