"""Every document is named 「名称-日期-类型」, without characters a file system refuses."""

from datetime import date
from urllib.parse import quote

from concord.knowledge.naming import content_disposition, document_name


def test_name_date_type_and_extension() -> None:
    name = document_name("新品上市推广", date(2026, 11, 21), "需求申请表", "docx")
    assert name == "新品上市推广-2026-11-21-需求申请表.docx"


def test_the_extension_may_carry_its_dot_or_be_left_out() -> None:
    assert document_name("A", date(2026, 1, 2), "B", ".pdf") == "A-2026-01-02-B.pdf"
    assert document_name("A", date(2026, 1, 2), "B") == "A-2026-01-02-B"


def test_illegal_characters_are_kept_out() -> None:
    name = document_name('渠道/门店:"春季"促销*?<>|', date(2026, 3, 1), "会议纪要\n", "pdf")
    assert name == "渠道 门店 春季 促销-2026-03-01-会议纪要.pdf"
    for bad in '\\/:*?"<>|\n':
        assert bad not in name


def test_an_empty_name_still_gives_a_file_name() -> None:
    assert document_name("  ", date(2026, 3, 1), "", "xlsx") == "document-2026-03-01-document.xlsx"


def test_the_header_carries_the_utf8_name_per_rfc_5987() -> None:
    name = "新品上市推广-2026-11-21-需求申请表.docx"
    header = content_disposition(name)
    assert header.startswith('attachment; filename="')
    assert f"filename*=UTF-8''{quote(name)}" in header
    ascii_part = header.split('filename="')[1].split('"')[0]
    assert ascii_part.isascii()
    assert ascii_part.endswith(".docx")


def test_the_ascii_fallback_of_a_chinese_name_keeps_no_stray_dashes() -> None:
    from concord.knowledge.naming import content_disposition

    header = content_disposition("新品上市推广-2026-07-03-会议纪要.docx")
    assert 'filename="2026-07-03.docx"' in header
    assert "filename*=UTF-8''%E6%96%B0" in header
