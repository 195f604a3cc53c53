"""The endpoint under load: concurrent SPARQL clients on loopback issuing the canned queries and random valid
queries against a real `tipkg serve`; every request gets its answer, complete and correct, and none fails.
Bounded in count and time; speed is measured by the benchmarks, never asserted here."""
from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from live_servers import tipkg_server
from tipkg.queries import catalogue, run_on_store
from tipkg.store import open_store

CLIENTS = 6
REQUESTS_PER_CLIENT = 8
PARAMS = {"evidence": {"subject": "UNODC"}, "country-profile": {"country": "Iraq"}, "entity-profile": {"entity": "UNODC"}}
PREFIX = "PREFIX tip: <https://w3id.org/tipkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
# random valid queries: shapes a client might send, filled with random classes, limits and offsets
CLASSES = ["State", "Organization", "Initiative", "Event", "Publication", "Resolution", "Paragraph", "Chairing",
           "Membership", "Partnership", "Request"]


def random_query(rng: random.Random) -> str:
    cls, limit, offset = rng.choice(CLASSES), rng.randint(1, 50), rng.randint(0, 20)
    return rng.choice([
        f"{PREFIX}SELECT (COUNT(*) AS ?n) WHERE {{ ?x a tip:{cls} }}",
        f"{PREFIX}SELECT ?x ?label WHERE {{ ?x a tip:{cls} ; rdfs:label ?label }} ORDER BY ?x LIMIT {limit} OFFSET {offset}",
        f"{PREFIX}ASK {{ ?x a tip:{cls} }}",
        f"{PREFIX}SELECT DISTINCT ?p WHERE {{ ?x a tip:{cls} ; ?p ?o }} ORDER BY ?p",
    ])


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    with tipkg_server(seed_store, tmp_path_factory.mktemp("load"), "--timeout", "60") as base:
        yield base


def expected_counts(seed_store) -> dict[str, int]:
    store = open_store(seed_store)
    return {name: len(run_on_store(store, q, PARAMS.get(name, {}))) for name, q in catalogue().items()}


def test_concurrent_clients_get_every_answer_with_no_error(server, seed_store):
    expected = expected_counts(seed_store)
    names = sorted(expected)

    def client(seed: int) -> list[tuple[str, int, object]]:
        rng = random.Random(seed)
        out = []
        with httpx.Client(base_url=server, timeout=60) as http:
            for i in range(REQUESTS_PER_CLIENT):
                if i % 2:
                    name = rng.choice(names)
                    r = http.get(f"/queries/{name}", params=PARAMS.get(name, {}), headers={"Accept": "application/sparql-results+json"})
                    out.append((name, r.status_code, len(r.json()["results"]["bindings"]) if r.status_code == 200 else r.text))
                else:
                    query = random_query(rng)
                    r = http.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
                    out.append(("random", r.status_code, r.json() if r.status_code == 200 else r.text))
        return out

    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = [a for result in pool.map(client, range(CLIENTS)) for a in result]

    assert len(answers) == CLIENTS * REQUESTS_PER_CLIENT  # no lost response
    errors = [(name, status, body) for name, status, body in answers if status != 200]
    assert errors == []
    for name, _, body in answers:
        if name != "random":
            assert body == expected[name], f"{name}: {body} rows under load, {expected[name]} alone"
        else:
            assert "boolean" in body or "results" in body
