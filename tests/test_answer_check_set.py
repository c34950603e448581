"""The labelled set of typed answers for the offline answer check is well formed.

tests/fixtures/answer-check.yml (tuning) and answer-check-holdout.yml (held out)
label hand-written candidate answers with the key points they cover (issue 27,
"Measure it on data"). A label that names a point the page does not have, or an
item in both files, would make every figure measured on them meaningless."""
from pathlib import Path

import yaml

import keypoints

FIXTURES = Path(__file__).parent / "fixtures"
TUNING, HOLDOUT = FIXTURES / "answer-check.yml", FIXTURES / "answer-check-holdout.yml"
# Every item has one answer of each of the first five kinds; empty and nonsense are extra.
REQUIRED = ("paraphrase", "partial", "other-question", "mixed", "typos")
KINDS = set(REQUIRED) | {"empty", "nonsense"}
FIELDS = {"kind", "answer", "covers"}
LANGS = ("ko", "en")


def site_points() -> dict[str, dict[str, set[str]]]:
    """{lang: {item id: {k1, ...}}} from the pages' front matter."""
    return {lang: {item: {p["id"] for p in points}
                   for page in keypoints.pages(lang) for item, points in keypoints.load(page).items()}
            for lang in LANGS}


def check(path: Path, points) -> tuple[dict[str, set[str]], list[str]]:
    """The file's items per language, and one `FILE:LINE: reason` per problem.
    Read node by node (yaml.compose): loading would silently keep only the last
    of two equal item ids."""
    items, bad = {lang: set() for lang in LANGS}, []

    def fail(node, why):
        bad.append(f"{path.name}:{node.start_mark.line + 1}: {why}")

    root = yaml.compose(path.read_text(encoding="utf-8"))
    if not isinstance(root, yaml.MappingNode):
        bad.append(f"{path.name}:1: a mapping of languages (ko, en) to items")
        return items, bad
    for lang_node, item_map in root.value:
        lang = lang_node.value
        if lang not in LANGS:
            fail(lang_node, f"unknown language {lang!r}")
            continue
        if not isinstance(item_map, yaml.MappingNode):
            fail(item_map, f"{lang}: a mapping of item ids to answers")
            continue
        for item_node, answers in item_map.value:
            item = str(item_node.value)
            where = f"{lang} {item}"
            if item in items[lang]:
                fail(item_node, f"{where}: item twice")
            items[lang].add(item)
            if item not in points[lang]:
                fail(item_node, f"{where}: no such item with key points in the {lang} pages")
            if not isinstance(answers, yaml.SequenceNode) or len(answers.value) < 5:
                fail(item_node, f"{where}: needs a list of at least five answers")
                continue
            kinds = []
            for answer in answers.value:
                if not isinstance(answer, yaml.MappingNode):
                    fail(answer, f"{where}: an answer is a mapping of kind, answer, covers")
                    continue
                fields = {k.value: v for k, v in answer.value}
                if set(fields) != FIELDS:
                    fail(answer, f"{where}: fields are answer, covers, kind; got {', '.join(sorted(fields))}")
                    continue
                kind, text, covers = fields["kind"].value, fields["answer"], fields["covers"]
                kinds.append(kind)
                if kind not in KINDS:
                    fail(fields["kind"], f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
                if not isinstance(text, yaml.ScalarNode) or text.tag != "tag:yaml.org,2002:str":
                    fail(text, f"{where}: the answer is a quoted string")
                elif (text.value.strip() == "") != (kind == "empty"):
                    fail(text, f"{where}: only an empty answer is empty")
                if not isinstance(covers, yaml.SequenceNode):
                    fail(covers, f"{where}: covers is a list of point ids")
                    continue
                ids = [str(c.value) for c in covers.value]
                for pid, node in zip(ids, covers.value):
                    if pid not in points[lang].get(item, ()):
                        fail(node, f"{where}: covers {pid!r}, which is not one of the item's key points")
                if len(set(ids)) != len(ids):
                    fail(covers, f"{where}: a point twice in covers")
                if kind in ("empty", "nonsense") and ids:
                    fail(covers, f"{where}: an {kind} answer covers nothing")
                if kind == "other-question" and len(ids) > 1:
                    fail(covers, f"{where}: an answer to another question covers at most one point")
            missing = [k for k in REQUIRED if k not in kinds]
            if missing:
                fail(item_node, f"{where}: no {', '.join(missing)} answer")
    return items, bad


def test_both_files_are_well_formed():
    points = site_points()
    for path in (TUNING, HOLDOUT):
        bad = check(path, points)[1]
        assert not bad, "\n".join(bad)


def test_at_least_20_items_per_language_and_none_in_both_files():
    points = site_points()
    tuning, held = check(TUNING, points)[0], check(HOLDOUT, points)[0]
    for lang in LANGS:
        assert len(tuning[lang] | held[lang]) >= 20, lang
        assert not tuning[lang] & held[lang], f"{lang}: in both files: {sorted(tuning[lang] & held[lang])}"
        assert held[lang] and len(held[lang]) * 4 >= len(tuning[lang]), f"{lang}: the held-out file is too small"
        assert any("-" in item for item in tuning[lang] | held[lang]), f"{lang}: no sub-question"


def test_a_malformed_copy_is_caught(tmp_path):
    """Each kind of slip in a copy of the tuning file gives its own line."""
    text = TUNING.read_text(encoding="utf-8")
    slips = {
        "kind: partial": "kind: half",                                  # a kind not in the list
        "covers: [k1, k2, k3, k5]": "covers: [k1, k9]",                # a point the item lacks
        '  "2":': '  "99":',                                           # an item that does not exist
        '      answer: ""': '      answer: "음"',                      # an "empty" answer that is not
        "      covers: []\n    - kind: mixed": "      covers: [k1, k2]\n    - kind: mixed",  # off-topic, 2 points
    }
    for old, new in slips.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    copy = tmp_path / "answer-check.yml"
    copy.write_text(text, encoding="utf-8")
    bad = "\n".join(check(copy, site_points())[1])
    for why in ("kind 'half'", "covers 'k9'", "ko 99: no such item", "only an empty answer is empty",
                "covers at most one point"):
        assert why in bad, why
    assert all(line.startswith("answer-check.yml:") for line in bad.splitlines())
