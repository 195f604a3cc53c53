"""Documents the SHACL gate quarantined for faults of the extraction itself, not of the text (found building a
sample of ../shared/corpus/unhk: 12 of 200 documents): each now builds into the graph, through `tipkg build`.

- a fact stated twice in one paragraph (two sentences, one President Ndayishimiye) made one node with two evidence
  sentences: the node keeps the first;
- a person named without a role ("Mr. Haile Menkerios") made a role holding the shapes refused: the role may be
  empty (a warning), as the people listing shows it;
- country work whose sentence names no initiative ("three key UN-HABITAT programmes ... are currently being
  implemented" in Kosovo) gave an implementation of nothing: no row;
- a lettered part of a resolution named by its file (A_RES_72_262_C.txt) got the symbol "A/RES/72/262/C".
"""
from __future__ import annotations

import json
import shutil

from conftest import SHARED, query_json, run_tipkg

UNHK = SHARED / "corpus" / "unhk"
CAUSES = ("S_PRST_2020_12.txt", "S_2011_475.txt", "HSP_GC_19_11.txt", "A_RES_72_262_C.txt", "A_RES_67_187.txt")


def test_documents_quarantined_for_the_extractions_own_faults_build(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in CAUSES:
        shutil.copy(UNHK / name, documents)
    store = tmp_path / "store"
    result = run_tipkg("build", "--documents", documents, "--store", store)
    assert result.returncode == 0, result.stderr
    assert "Quarantined" not in result.stdout, result.stdout
    quarantine = store / "current" / "reports" / "quarantine.json"
    assert not quarantine.exists() or not json.loads(quarantine.read_text()).get("violations")
    people = {r["person"]: r for r in query_json(store, "people")}
    assert people["Haile Menkerios"]["role"] is None and people["Ndayishimiye"]["role"] == "President"
    cited = query_json(store, "resolutions-cited")
    assert any(r["document"] == "72/262 C" for r in cited)  # the part's own symbol, A/RES/72/262 C
