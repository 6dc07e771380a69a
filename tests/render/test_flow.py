"""Our flowables: text split without widows or orphans, stacks, rows and boxes."""


from __future__ import annotations


def test_split_text_leaves_no_line_alone() -> None:
    from worksheet.render import flow, styles

    style = styles.theme(False).ss["body"]
    text = flow.Text(" ".join(["word"] * 300), style)
    _, height = text.wrap(200, 1e9)
    lines = round(height / style.leading)
    for room in range(1, lines + 2):
        parts = text.split(200, room * style.leading)
        if not parts:
            assert room < 2 or room > lines - 2
            continue
        first, rest = (round(p.wrap(200, 1e9)[1] / style.leading) for p in parts)
        assert first >= 2 and rest >= 2 and first + rest == lines and first <= room
