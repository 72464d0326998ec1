"""Regenerate the malformed-network corpus: python tests/corpus/make_corpus.py

Each case is a network folder ``<case>-2000/`` made from one valid base by a
single mutation (or a few, for the combination cases), and ``expected.txt``:
the first line is the expected exit status, every other line a message that
``instnet validate <folder>`` must print, with ``{dir}`` standing for the
folder's path.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOML = """title = "Corpus base"
country = "Testland"
era = "2000s"
start = 2000
end = 2010
summary = "A valid base network that each corpus case breaks in one way."

[references.grips]
seed = "grips-policy-coordination-slides.txt"
citation = "GRIPS Development Forum, slide deck."

[references.ext]
citation = "A. Author, A Book, Publisher, 2001, p. 1."
"""

NODES = """id,label,kind,role,description,start,end,cite,quote,basis
leader,President,head_of_government,top_leader,,,,grips,Direct presidential control over economic policies,stated
epb,Planning Board,planning_agency,pilot_agency,,,,grips,EPB as superministry,stated
mof,Ministry of Finance,ministry,macro_agency,,,,ext,,inferred
moci,Ministry of Industry,ministry,industrial_ministry,,2003,,ext,,inferred
kdi,Research Institute,research_institute,think_tank,,,,grips,"Research institute (KDI, etc.)",stated
"""

EDGES = """source,target,relation,description,start,end,cite,quote,basis
leader,epb,directs,,,,grips,Direct presidential control over economic policies,stated
epb,mof,plans_for,,,,ext,,inferred
epb,moci,plans_for,,,,ext,,inferred
kdi,epb,advises,,,,grips,"providing analysis for MLT economic policies",stated
mof,moci,cooperates_with,,,,ext,,inferred
"""


# case name -> (files to write over the base: name -> text or bytes or None to delete,
#               expected exit status, expected messages)
def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def delimited(text: str, delimiter: str) -> str:
    """A comma-separated text written again with another delimiter, as a spreadsheet saves it."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue()


def workbook(**sheets: str) -> bytes:
    """An .xlsx workbook with one sheet per CSV text (numbers stay text, as typed in cells)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, text in sheets.items():
        ws = book.create_sheet(name)
        for row in csv.reader(io.StringIO(text)):
            ws.append([int(c) if c.isdigit() else (c or None) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CASES = {
    "missing-nodes-file": ({"nodes.csv": None}, 1, ["{dir}/nodes.csv:1: missing file nodes.csv"]),
    "missing-edges-file": ({"edges.csv": None}, 1, ["{dir}/edges.csv:1: missing file edges.csv"]),
    "missing-toml": ({"network.toml": None}, 1, ["{dir}/network.toml:1: missing file network.toml"]),
    "missing-kind-column": (
        {"nodes.csv": NODES.replace(",kind,", ",knd,", 1)},
        1,
        [
            "{dir}/nodes.csv:1: missing column 'kind': the header needs id, label, kind, cite, basis. Did you mean 'knd'?"
        ],
    ),
    "missing-relation-column": (
        {
            "edges.csv": EDGES.replace("target,relation,", "target,", 1)
            .replace(",directs,", ",", 1)
            .replace(",plans_for,", ",")
            .replace(",plans_for,", ",")
            .replace(",advises,", ",")
            .replace(",cooperates_with,", ",")
        },
        1,
        ["{dir}/edges.csv:1: missing column 'relation'"],
    ),
    "unknown-kind": (
        {"nodes.csv": sub(NODES, "Ministry of Finance,ministry", "Ministry of Finance,ministy")},
        1,
        ["{dir}/nodes.csv:4: unknown kind 'ministy'. Did you mean 'ministry'?"],
    ),
    "unknown-kind-label": (
        {"nodes.csv": sub(NODES, "Ministry of Finance,ministry", "Ministry of Finance,Central Bank")},
        1,
        ["{dir}/nodes.csv:4: unknown kind 'Central Bank'. Did you mean 'central_bank'?"],
    ),
    "unknown-relation": (
        {"edges.csv": sub(EDGES, "leader,epb,directs", "leader,epb,direct")},
        1,
        ["{dir}/edges.csv:2: unknown relation 'direct'. Did you mean 'directs'?"],
    ),
    "unknown-role": (
        {"nodes.csv": sub(NODES, "pilot_agency", "pilot")},
        1,
        ["{dir}/nodes.csv:3: unknown role 'pilot'. Did you mean 'pilot_agency'?"],
    ),
    "duplicate-id": (
        {"nodes.csv": sub(NODES, "mof,Ministry of Finance", "epb,Ministry of Finance")},
        1,
        ["{dir}/nodes.csv:4: duplicate id 'epb' (first on line 3)"],
    ),
    "empty-id": (
        {"nodes.csv": sub(NODES, "mof,Ministry of Finance", ",Ministry of Finance")},
        1,
        ["{dir}/nodes.csv:4: empty id"],
    ),
    "empty-label": (
        {"nodes.csv": sub(NODES, "mof,Ministry of Finance", "mof,")},
        1,
        ["{dir}/nodes.csv:4: empty label for 'mof'"],
    ),
    "dangling-endpoint": (
        {"edges.csv": sub(EDGES, "epb,moci,plans_for", "epb,mocci,plans_for")},
        1,
        ["{dir}/edges.csv:4: target 'mocci' is not a node in nodes.csv. Did you mean 'moci'?"],
    ),
    "self-loop": (
        {"edges.csv": sub(EDGES, "epb,mof,plans_for", "epb,epb,plans_for")},
        1,
        ["{dir}/edges.csv:3: self-loop on 'epb'"],
    ),
    "duplicate-edge": (
        {"edges.csv": EDGES + "epb,mof,coordinates,,,,ext,,inferred\n"},
        1,
        ["{dir}/edges.csv:7: duplicate edge epb -> mof (first on line 3)"],
    ),
    "symmetric-twice": (
        {"edges.csv": EDGES + "moci,mof,cooperates_with,,,,ext,,inferred\n"},
        1,
        ["{dir}/edges.csv:7: 'cooperates_with' is symmetric and already listed as mof -> moci (line 6)"],
    ),
    "bad-year": ({"nodes.csv": sub(NODES, ",2003,", ",20o3,")}, 1, ["{dir}/nodes.csv:5: start '20o3' is not a year"]),
    "year-outside-era": (
        {"edges.csv": sub(EDGES, "epb,mof,plans_for,,,", "epb,mof,plans_for,,1995,")},
        1,
        ["{dir}/edges.csv:3: start 1995 lies outside the era 2000-2010"],
    ),
    "end-before-start": (
        {"nodes.csv": sub(NODES, ",2003,,ext", ",2006,2004,ext")},
        1,
        ["{dir}/nodes.csv:5: end 2004 is before start 2006"],
    ),
    "unknown-cite": (
        {"nodes.csv": sub(NODES, "macro_agency,,,,ext", "macro_agency,,,,exr")},
        1,
        ["{dir}/nodes.csv:4: unknown citation key 'exr'. Did you mean 'ext'?"],
    ),
    "quote-not-in-seed": (
        {"nodes.csv": sub(NODES, "EPB as superministry", "EPB as the superministry")},
        1,
        ["{dir}/nodes.csv:3: quote not found in seed 'grips-policy-coordination-slides.txt'"],
    ),
    "not-utf8": (
        {"nodes.csv": sub(NODES, "Research Institute", "Research Institut\u00e9").encode("latin-1")},
        1,
        ["{dir}/nodes.csv:6: not UTF-8 (byte 0xe9)"],
    ),
    "bom-and-spaces": (
        {"nodes.csv": b"\xef\xbb\xbf" + sub(NODES, "mof,Ministry of Finance,", "mof , Ministry of Finance ,").encode()},
        0,
        [
            "{dir}/nodes.csv:1: warning: byte-order mark removed (harmless)",
            "{dir}/nodes.csv:4: warning: stray spaces around a cell removed",
        ],
    ),
    "unknown-extra-column": (
        {"nodes.csv": NODES.replace("basis\n", "basis,notes\n", 1)},
        0,
        [
            "{dir}/nodes.csv:1: warning: unknown column 'notes' ignored. Declare it under [columns] in network.toml to keep it."
        ],
    ),
    "invalid-toml": (
        {"network.toml": sub(TOML, 'era = "2000s"', 'era = "2000s')},
        1,
        ["{dir}/network.toml:3: invalid TOML"],
    ),
    "toml-missing-title": (
        {"network.toml": sub(TOML, 'title = "Corpus base"\n', "")},
        1,
        ["{dir}/network.toml:1: 'title' is missing or empty"],
    ),
    "toml-start-not-year": (
        {"network.toml": sub(TOML, "start = 2000", 'start = "2000a"')},
        1,
        ["{dir}/network.toml:4: start = '2000a' is not a year"],
    ),
    "seed-missing": (
        {"network.toml": sub(TOML, "grips-policy-coordination-slides.txt", "no-such-seed.txt")},
        1,
        ["{dir}/network.toml:8: [references.grips] seed file 'no-such-seed.txt' not found"],
    ),
    "reference-without-citation": (
        {"network.toml": sub(TOML, 'citation = "A. Author, A Book, Publisher, 2001, p. 1."', "")},
        1,
        ["{dir}/network.toml:12: [references.ext] has no citation"],
    ),
    "too-many-cells": (
        {"nodes.csv": sub(NODES, "mof,Ministry of Finance,ministry", "mof,Ministry, of Finance,ministry")},
        1,
        ["{dir}/nodes.csv:4: row has 11 cells but the header has 10"],
    ),
    "unknown-basis": (
        {"edges.csv": sub(EDGES, "epb,mof,plans_for,,,,ext,,inferred", "epb,mof,plans_for,,,,ext,,guessed")},
        1,
        ["{dir}/edges.csv:3: unknown basis 'guessed': use stated or inferred."],
    ),
    "header-only-nodes": (
        {"nodes.csv": NODES.splitlines()[0] + "\n", "edges.csv": EDGES.splitlines()[0] + "\n"},
        1,
        ["{dir}/nodes.csv:1: no nodes"],
    ),
    "combination": (
        {
            "nodes.csv": sub(
                sub(NODES, "Ministry of Finance,ministry", "Ministry of Finance,minstry"),
                "kdi,Research",
                "epb,Research",
            ),
            "edges.csv": sub(
                sub(EDGES, "leader,epb,directs", "leader,epbb,directs"),
                "mof,moci,cooperates_with",
                "mof,mof,cooperates_with",
            ),
        },
        1,
        [
            "{dir}/nodes.csv:4: unknown kind 'minstry'. Did you mean 'ministry'?",
            "{dir}/nodes.csv:6: duplicate id 'epb' (first on line 3)",
            "{dir}/edges.csv:2: target 'epbb' is not a node in nodes.csv. Did you mean 'epb'?",
            "{dir}/edges.csv:6: self-loop on 'mof'",
            "{dir}/edges.csv:5: source 'kdi' is not a node in nodes.csv.",
        ],
    ),
    "multiline-cell-lines": (
        {
            "nodes.csv": sub(
                sub(
                    NODES,
                    "mof,Ministry of Finance,ministry,macro_agency,,",
                    'mof,Ministry of Finance,ministry,macro_agency,"two\nlines",',
                ),
                "moci,Ministry of Industry,ministry",
                "moci,Ministry of Industry,ministri",
            )
        },
        1,
        ["{dir}/nodes.csv:5: unknown kind 'ministri'. Did you mean 'ministry'? (line 6 of the file)"],
    ),
    # Spreadsheets as people save them. "exact": these print nothing but the messages listed.
    "semicolon": (
        {"nodes.csv": delimited(NODES, ";"), "edges.csv": delimited(EDGES, ";")},
        0,
        [
            "{dir}/nodes.csv:1: warning: semicolon-delimited file read (as Excel saves CSV in many languages)",
            "{dir}/edges.csv:1: warning: semicolon-delimited file read (as Excel saves CSV in many languages)",
        ],
        "exact",
    ),
    "tab": (
        {"nodes.csv": delimited(NODES, "\t"), "edges.csv": delimited(EDGES, "\t")},
        0,
        [
            "{dir}/nodes.csv:1: warning: tab-delimited file read (as Excel saves 'Unicode text')",
            "{dir}/edges.csv:1: warning: tab-delimited file read (as Excel saves 'Unicode text')",
        ],
        "exact",
    ),
    "mixed-delimiters": (
        {
            "nodes.csv": sub(
                delimited(NODES, ";"),
                "mof;Ministry of Finance;ministry;macro_agency;;;;ext;;inferred",
                "mof,Ministry of Finance,ministry,macro_agency,,,,ext,,inferred",
            )
        },
        1,
        [
            "{dir}/nodes.csv:1: warning: semicolon-delimited file read (as Excel saves CSV in many languages)",
            "{dir}/nodes.csv:4: this row is comma-delimited but the header is semicolon-delimited: a mixed file; "
            "save it again with one delimiter",
        ],
        "exact",
    ),
    "utf16-unicode-text": (
        {"nodes.csv": delimited(NODES, "\t").encode("utf-16")},
        0,
        [
            "{dir}/nodes.csv:1: warning: UTF-16 text read (Excel's 'Unicode text'); 'CSV UTF-8' is the usual format",
            "{dir}/nodes.csv:1: warning: tab-delimited file read (as Excel saves 'Unicode text')",
        ],
        "exact",
    ),
    "cp1252": (
        {
            "nodes.csv": sub(NODES, "Ministry of Finance", "Minist\u00e8re des Finances \u2013 Tr\u00e9sor").encode(
                "cp1252"
            )
        },
        1,
        [
            "{dir}/nodes.csv:4: not UTF-8 (byte 0xe8) (it reads as Windows-1252 / Latin-1, the older 'CSV' of Excel); "
            "save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8'); nothing else in this file was checked"
        ],
        "exact",
    ),
    "control-characters": (
        {"nodes.csv": sub(NODES, "Ministry of Finance", "Ministry of\x0cFinance\x01")},
        0,
        [
            "{dir}/nodes.csv:4: warning: a cell holds invisible control character(s) (U+0001, U+000C), as text "
            "pasted from a PDF or a word processor may; retype the cell: GraphML and GEXF exports leave them out"
        ],
        "exact",
    ),
    "lost-characters": (
        {"nodes.csv": sub(NODES, "Ministry of Finance", "B? K? ho?ch v\u00e0 \u0110?u t\u01b0")},
        0,
        [
            "{dir}/nodes.csv:4: warning: '?' inside a word or U+FFFD: characters were probably lost by a legacy "
            "encoding; save the file as 'CSV UTF-8'"
        ],
        "exact",
    ),
    "xlsx-tables": (
        {
            "nodes.csv": None,
            "edges.csv": None,
            "nodes.xlsx": workbook(nodes=sub(NODES, "Ministry of Finance,ministry", "Ministry of Finance,ministy")),
            "edges.xlsx": workbook(edges=EDGES),
        },
        1,
        ["{dir}/nodes.xlsx:4: unknown kind 'ministy'. Did you mean 'ministry'?"],
        "exact",
    ),
    "xlsx-workbook": (
        {
            "nodes.csv": None,
            "edges.csv": None,
            "network.xlsx": workbook(nodes=NODES, edges=sub(EDGES, "leader,epb,directs", "leader,epb,direct")),
        },
        1,
        ["{dir}/network.xlsx[edges]:2: unknown relation 'direct'. Did you mean 'directs'?"],
        "exact",
    ),
    "xlsx-renamed-csv": (
        {"nodes.csv": workbook(nodes=NODES)},
        1,
        [
            "{dir}/nodes.csv:1: this is an Excel workbook saved under a .csv name: rename it nodes.xlsx, "
            "or save it from the spreadsheet as 'CSV UTF-8'"
        ],
        "exact",
    ),
    "csv-beside-xlsx": (
        {"nodes.xlsx": workbook(nodes=NODES)},
        1,
        [
            "{dir}/nodes.xlsx:1: both nodes.csv and nodes.xlsx are here: keep one (instnet reads the CSV; "
            "remove or rename the other)"
        ],
        "exact",
    ),
    "xlsx-unreadable": (
        {"nodes.csv": None, "nodes.xlsx": workbook(nodes=NODES)[:200]},
        1,
        [
            "{dir}/nodes.xlsx:1: not a readable .xlsx workbook (BadZipFile): save it again from the spreadsheet as "
            ".xlsx, or as 'CSV UTF-8'"
        ],
        "exact",
    ),
    "xlsx-missing-sheet": (
        {"nodes.csv": None, "edges.csv": None, "network.xlsx": workbook(nodes=NODES)},
        1,
        [
            "{dir}/network.xlsx:1: no sheet named 'edges' in network.xlsx (sheets: nodes); name the sheets 'nodes' "
            "and 'edges'"
        ],
        "exact",
    ),
}


STORY = """title = "How the board plans"

[[step]]
title = "The leader and the board"
text = "The leader directs the planning board."
nodes = ["leader", "epb"]
ties = ["leader -> epb"]
year = 2001
cite = ["grips"]

[[step]]
title = "The ministries"
text = "The board plans for the ministries."
nodes = [
  "mof",
  "moci",
]
ties = ["epb -> mof", "epb -> moci"]
cite = ["ext"]
"""

# Stories (story.toml beside network.toml): the same form as CASES.
STORY_CASES = {
    "story-valid": ({"story.toml": STORY}, 0, []),
    "story-unknown-node": (
        {"story.toml": sub(STORY, '  "moci",', '  "mocl",')},
        1,
        ["{dir}/story.toml:16: unknown institution id 'mocl' in step 2. Did you mean 'moci'?"],
        "exact",
    ),
    "story-unknown-tie": (
        {"story.toml": sub(STORY, '"leader -> epb"', '"epb -> leader"')},
        1,
        ["{dir}/story.toml:7: unknown tie 'epb -> leader' in step 1 (the tie runs the other way: swap them)"],
        "exact",
    ),
    "story-bad-tie": (
        {"story.toml": sub(STORY, '"epb -> moci"', '"epb moci"')},
        1,
        ["{dir}/story.toml:18: tie 'epb moci' in step 2: write it as \"source -> target\""],
        "exact",
    ),
    "story-year-outside-era": (
        {"story.toml": sub(STORY, "year = 2001", "year = 1995")},
        1,
        ["{dir}/story.toml:8: step 1's year 1995 is outside the network's era 2000-2010"],
        "exact",
    ),
    "story-year-not-a-number": (
        {"story.toml": sub(STORY, "year = 2001", 'year = "2001"')},
        1,
        ["{dir}/story.toml:8: step 1's year must be a whole number such as 1965"],
        "exact",
    ),
    "story-unknown-cite": (
        {"story.toml": sub(STORY, 'cite = ["ext"]', 'cite = ["exr"]')},
        1,
        ["{dir}/story.toml:19: unknown citation key 'exr' in step 2. Did you mean 'ext'?"],
        "exact",
    ),
    "story-no-cite": (
        {"story.toml": sub(STORY, 'cite = ["ext"]\n', "")},
        1,
        ['{dir}/story.toml:11: step 2 cites no source: give cite = ["key"] from [references]'],
        "exact",
    ),
    "story-unknown-key": (
        {"story.toml": sub(STORY, "year = 2001", "yaer = 2001")},
        1,
        ["{dir}/story.toml:8: unknown key 'yaer' in step 1. Did you mean 'year'?"],
        "exact",
    ),
    "story-missing-text": (
        {"story.toml": sub(STORY, 'text = "The board plans for the ministries."\n', "")},
        1,
        ["{dir}/story.toml:11: step 2 needs a 'text' (a non-empty string)"],
        "exact",
    ),
    "story-no-steps": (
        {"story.toml": 'title = "Empty"\n'},
        1,
        ["{dir}/story.toml:1: the story has no steps: add [[step]] tables"],
        "exact",
    ),
    "story-invalid-toml": (
        {"story.toml": sub(STORY, "year = 2001", "year = ")},
        1,
        ["{dir}/story.toml:8: invalid TOML: Invalid value"],
    ),
}
CASES.update(STORY_CASES)


def main() -> None:
    for old in HERE.iterdir():
        if old.is_dir() and old.name.endswith("-2000"):
            shutil.rmtree(old)
    for name, (files, status, messages, *mode) in CASES.items():
        folder = HERE / f"{name}-2000"
        folder.mkdir()
        base = {"network.toml": TOML, "nodes.csv": NODES, "edges.csv": EDGES}
        base.update(files)
        for file, content in base.items():
            if content is None:
                continue
            data = content.encode() if isinstance(content, str) else content
            (folder / file).write_bytes(data)
        head = f"exit: {status}" + (" exact" if mode == ["exact"] else "")
        (folder / "expected.txt").write_text(head + "\n" + "\n".join(messages) + "\n")


if __name__ == "__main__":
    main()
