"""The chat window's feedback log: one row per answer, a changed vote replaces it."""

import json
from pathlib import Path

from ui.app import FeedbackLog


def test_a_changed_vote_replaces_the_answer_s_row_and_keeps_the_others(tmp_path: Path):
    path = tmp_path / "feedback.jsonl"
    path.write_text("not json, written by hand\n", encoding="utf-8")
    log = FeedbackLog(path)
    log.add(False, {"question": "q1"}, key="a1")
    log.add(True, {"question": "q2"}, key="a2")
    log.add(True, {"question": "q1"}, key="a1")  # 👎 then 👍 on the first answer
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "not json, written by hand"
    rows = [json.loads(x) for x in lines[1:]]
    assert [(r["key"], r["liked"]) for r in rows] == [("a2", True), ("a1", True)]
    assert not (tmp_path / "feedback.jsonl.tmp").exists()
