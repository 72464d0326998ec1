"""Regenerate the malformed country-story corpus: python tests/corpus/make_country_corpus.py

Each case ``country-<case>/`` is a folder of two valid eras of one country
(``testland-2000``, ``testland-2005``, from the base of ``make_corpus.py``)
and a country story ``testland.story.toml`` broken in one way, with
``expected.txt`` as in the network corpus: the expected exit status, then the
messages ``instnet validate <folder>`` must print (``{dir}`` is the folder).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from make_corpus import EDGES, NODES, TOML, sub

HERE = Path(__file__).resolve().parent

ERAS = {  # era -> (network.toml, nodes.csv)
    "testland-2000": (sub(TOML, "end = 2010", "end = 2004"), NODES),
    "testland-2005": (
        sub(sub(TOML, "start = 2000", "start = 2005"), 'era = "2000s"', 'era = "2005-2010"'),
        sub(NODES, ",2003,", ",,"),
    ),
}

STORY = """title = "Testland over time"

[[step]]
era = "testland-2000"
title = "The leader and the board"
text = "The leader directs the planning board."
nodes = ["leader", "epb"]
ties = ["leader -> epb"]
year = 2001
cite = ["grips"]

[[step]]
era = "testland-2005"
title = "The ministries"
text = "The board plans for the ministries."
nodes = ["mof", "moci"]
ties = ["epb -> mof", "epb -> moci"]
cite = ["ext"]
"""

# case -> (story text, expected exit status, expected messages)
CASES = {
    "valid": (STORY, 0, []),
    "unknown-era": (
        sub(STORY, 'era = "testland-2005"', 'era = "testland-2050"'),
        1,
        [
            "{dir}/testland.story.toml:13: unknown era 'testland-2050' in step 2: "
            "the page shows testland-2000, testland-2005. Did you mean 'testland-2005'?"
        ],
    ),
    "missing-era": (
        sub(STORY, 'era = "testland-2000"\n', ""),
        1,
        ['{dir}/testland.story.toml:3: step 1 needs an era = "..." (one of testland-2000, testland-2005)'],
    ),
    "year-outside-era": (
        sub(STORY, "year = 2001", "year = 2006"),
        1,
        ["{dir}/testland.story.toml:9: step 1's year 2006 is outside the network's era 2000-2004"],
    ),
    "unknown-node": (
        sub(STORY, '["mof", "moci"]', '["mof", "mocl"]'),
        1,
        ["{dir}/testland.story.toml:16: unknown institution id 'mocl' in step 2. Did you mean 'moci'?"],
    ),
    "unknown-tie": (
        sub(STORY, '"leader -> epb"', '"epb -> leader"'),
        1,
        ["{dir}/testland.story.toml:8: unknown tie 'epb -> leader' in step 1 (the tie runs the other way: swap them)"],
    ),
    "unknown-cite": (
        sub(STORY, 'cite = ["ext"]', 'cite = ["exr"]'),
        1,
        ["{dir}/testland.story.toml:18: unknown citation key 'exr' in step 2. Did you mean 'ext'?"],
    ),
    "invalid-toml": (
        sub(STORY, "year = 2001", "year = "),
        1,
        ["{dir}/testland.story.toml:9: invalid TOML: Invalid value"],
    ),
    "no-page": (None, 0, ["{dir}/testlnd.story.toml:1: warning: no country page 'testlnd' among these networks"]),
}


def main() -> None:
    for old in HERE.glob("country-*"):
        if old.is_dir():
            shutil.rmtree(old)
    for name, (story, status, messages) in CASES.items():
        folder = HERE / f"country-{name}"
        for era, (toml, nodes) in ERAS.items():
            (folder / era).mkdir(parents=True)
            for file, content in {"network.toml": toml, "nodes.csv": nodes, "edges.csv": EDGES}.items():
                (folder / era / file).write_text(content)
        (folder / ("testland.story.toml" if story else "testlnd.story.toml")).write_text(story or STORY)
        (folder / "expected.txt").write_text(f"exit: {status} exact\n" + "\n".join(messages) + "\n")


if __name__ == "__main__":
    main()
