"""The fidelity check passes on real reports and fails, naming the line, when text goes missing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SEED

from build_tools.decode import decode
from build_tools.errors import ReportError
from build_tools.fidelity import check_fidelity
from build_tools.model import Settings
from build_tools.parse import parse


def _seed():
    text = decode(SEED.read_bytes(), str(SEED))
    return parse(text, str(SEED), Settings(slug="s")), text


def test_seed_passes() -> None:
    report, text = _seed()
    check_fidelity(report, text)


def test_dropped_paragraph_fails_at_its_line() -> None:
    report, text = _seed()
    part2 = report.sections[1]
    broken = replace(report, sections=(report.sections[0], replace(part2, blocks=()), report.sections[2]))
    with pytest.raises(ReportError) as err:
        check_fidelity(broken, text)
    assert err.value.line == part2.blocks[0].line == 57
    assert "text would be lost" in err.value.message


def test_changed_character_fails() -> None:
    report, text = _seed()
    first = report.preamble[0]
    altered = replace(report, preamble=(replace(first, text=first.text.replace("镇海区", "镇海县", 1)),))
    with pytest.raises(ReportError) as err:
        check_fidelity(altered, text)
    assert err.value.line == first.line


def test_unrecorded_removal_fails() -> None:
    report, text = _seed()
    # a removal the model does not record: the source line is there, the model lacks it
    with pytest.raises(ReportError):
        check_fidelity(report, text.replace("【打印此页】", "【打印此页】\n多出的一句话。"))


def test_invented_text_fails() -> None:
    report, text = _seed()
    extra = replace(report.preamble[0], text=report.preamble[0].text + "编造")
    with pytest.raises(ReportError):
        check_fidelity(replace(report, preamble=(extra,)), text)
