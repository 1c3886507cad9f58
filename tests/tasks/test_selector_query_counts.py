"""The board, the list and 「我的工作」 cost the same number of queries for 3 or 30 rows."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.tasks import selectors, services
from concord.tasks.models import Status
from tests.tasks.helpers import task


def _add(org, proj, n):
    for i in range(n):
        t = task(org, proj, title=f"任务{i}", due_on=date(2026, 7, 1 + i % 20))
        if i % 3 == 1:
            services.task_move(actor=proj.rob, task=t, status=Status.IN_PROGRESS)


def _queries(func):
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_board_list_and_my_work_queries_do_not_grow_with_rows(org, proj, at):
    with at("2026-07-02 10:00"):
        _add(org, proj, 3)
        small = [
            _queries(lambda: selectors.board(proj.collab)),
            _queries(lambda: selectors.task_list(proj.leo, proj.collab, order="-priority")),
            _queries(lambda: selectors.my_work(proj.rob)),
            _queries(lambda: selectors.gantt(proj.collab)),
        ]
        _add(org, proj, 27)
        large = [
            _queries(lambda: selectors.board(proj.collab)),
            _queries(lambda: selectors.task_list(proj.leo, proj.collab, order="-priority")),
            _queries(lambda: selectors.my_work(proj.rob)),
            _queries(lambda: selectors.gantt(proj.collab)),
        ]
        assert len(selectors.my_work(proj.rob)) == 30
    assert small == large
