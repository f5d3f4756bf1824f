"""Search benchmark: index N realistic Polish documents, then time typical queries.

    python bench/search_bench.py                      # both engines, 100,000 documents
    python bench/search_bench.py --engine sqlite --docs 20000
    python bench/search_bench.py --relevance          # the Polish relevance set, per engine
    python bench/search_bench.py --first-query        # a fresh process's first search and memory

Each engine runs in its own process against a dedicated, throw-away database
(PostgreSQL: okienko_bench_search on 127.0.0.1, dropped afterwards; SQLite: a
temporary file). Documents are generated deterministically from a vocabulary
of municipal Polish words in several inflected forms (Zipf-like frequencies).
Reported: indexing rate (documents/s from SearchDocuments already built, as adapters
hand them over; includes Polish normalisation, the vector or FTS rows and the
vocabulary of diacritic forms; Python CPU seconds shown separately) and latency
of complete searches (parse, match, rank, facets, total, first page of 10 hits
with snippets) for 300 two-word queries (a quarter typed without Polish letters): p50, p95, max.
"""

import argparse
import datetime
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_DB = "okienko_bench_search"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"

# (forms...) of a lemma; the first form is the dictionary form.
NOUNS = [
    "uchwała uchwały uchwale uchwałę uchwał uchwałami",
    "budżet budżetu budżecie budżety budżetów",
    "projekt projektu projekcie projekty projektów projektami",
    "gmina gminy gminie gminę gmin gminami",
    "miasto miasta mieście miast miastami",
    "rada rady radzie radę rad",
    "konsultacja konsultacji konsultacje konsultacjach konsultacjami",
    "organizacja organizacji organizacje organizacjami organizacjach",
    "zadanie zadania zadań zadaniach zadaniami",
    "konkurs konkursu konkursie konkursy konkursów",
    "oferta oferty ofercie ofert ofertami",
    "dotacja dotacji dotacje dotacjami dotacjach",
    "mieszkaniec mieszkańca mieszkańcy mieszkańców mieszkańcom",
    "ulica ulicy ulicę ulic ulicami",
    "droga drogi drodze dróg drogami",
    "park parku parki parków parkach",
    "szkoła szkoły szkole szkół szkołami",
    "przedszkole przedszkola przedszkoli przedszkolach",
    "remont remontu remoncie remonty remontów",
    "inwestycja inwestycji inwestycje inwestycjami",
    "plan planu planie plany planów",
    "program programu programie programy programów",
    "odpad odpadu odpady odpadów odpadami",
    "opłata opłaty opłacie opłat opłatami",
    "podatek podatku podatki podatków",
    "nieruchomość nieruchomości nieruchomościami",
    "zabytek zabytku zabytki zabytków",
    "biblioteka biblioteki bibliotece bibliotek",
    "kultura kultury kulturze kulturę",
    "sport sportu sporcie",
    "senior seniora seniorzy seniorów seniorom",
    "młodzież młodzieży",
    "rodzina rodziny rodzinie rodzin rodzinom",
    "komunikacja komunikacji komunikację",
    "autobus autobusu autobusy autobusów",
    "rower roweru rowery rowerów",
    "ścieżka ścieżki ścieżce ścieżek",
    "parking parkingu parkingi parkingów",
    "zieleń zieleni",
    "drzewo drzewa drzew drzewami",
    "powietrze powietrza powietrzu",
    "piec pieca piece pieców",
    "energia energii energię",
    "oświetlenie oświetlenia oświetleniu",
    "woda wody wodzie wodę",
    "kanalizacja kanalizacji kanalizację",
    "mieszkanie mieszkania mieszkań mieszkaniach",
    "zdrowie zdrowia zdrowiu",
    "pomoc pomocy",
    "wolontariusz wolontariusza wolontariusze wolontariuszy",
    "spotkanie spotkania spotkań spotkaniu",
    "wniosek wniosku wnioski wniosków wnioskami",
    "termin terminu terminie terminy",
    "prezydent prezydenta prezydentowi",
    "urząd urzędu urzędzie urzędy",
    "dzielnica dzielnicy dzielnic dzielnicach",
    "osiedle osiedla osiedlu osiedli",
    "rynek rynku rynki",
    "most mostu moście mosty",
    "plac placu placu place placów",
    "teatr teatru teatrze teatry",
    "festiwal festiwalu festiwale",
    "stypendium stypendia stypendiów",
    "żłobek żłobka żłobki żłobków",
    "schronisko schroniska schronisku",
    "zwierzę zwierzęcia zwierzęta zwierząt",
    "reklama reklamy reklam reklamami",
    "krajobraz krajobrazu krajobrazie",
    "regulamin regulaminu regulaminie",
    "statut statutu statucie",
    "raport raportu raporcie raporty",
    "uwaga uwagi uwag uwagami",
    "głosowanie głosowania głosowaniu",
    "rewitalizacja rewitalizacji rewitalizację",
    "transport transportu transporcie",
    "bezpieczeństwo bezpieczeństwa bezpieczeństwie",
    "edukacja edukacji edukację",
    "ekologia ekologii ekologię",
    "turystyka turystyki turystyce",
    "cmentarz cmentarza cmentarzu",
    "targowisko targowiska targowisku",
]
ADJECTIVES = [
    "obywatelski obywatelskiego obywatelskim obywatelska obywatelskiej obywatelskie",
    "publiczny publicznego publicznych publiczne publiczna publicznej",
    "miejski miejskiego miejskiej miejskie miejskich miejska",
    "gminny gminnego gminnej gminne gminnych",
    "pozarządowy pozarządowych pozarządowe pozarządowej",
    "społeczny społecznego społecznej społeczne społecznych",
    "przestrzenny przestrzennego przestrzennej przestrzenne",
    "komunalny komunalnego komunalnych komunalne",
    "rowerowy rowerowej rowerowe rowerowych",
    "zielony zielonego zielonej zielone zielonych",
    "nowy nowego nowej nowe nowych",
    "roczny rocznego rocznej roczne",
    "otwarty otwartego otwartej otwarte otwartych",
    "lokalny lokalnego lokalnej lokalne lokalnych",
    "zrównoważony zrównoważonego zrównoważonej zrównoważone",
]
VERBS = [
    "przyjmuje",
    "ogłasza",
    "określa",
    "ustala",
    "zaprasza",
    "informuje",
    "przeprowadza",
    "wspiera",
    "planuje",
    "realizuje",
    "zgłaszają",
    "składają",
    "otrzymują",
    "obejmuje",
]
GLUE = ["w", "na", "do", "dla", "o", "z", "oraz", "i", "przy", "w sprawie", "w zakresie", "od"]
PLACES = ["Zielonogród", "Zielonogrodu", "Lipowej", "Słonecznej", "Kwiatowej", "Północ"]


def _weights(n):
    """Cumulative Zipf-like weights (pass as cum_weights: random.choices would otherwise
    add up the weights again on every call)."""
    return list(itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(n)))


HUNSPELL_DIC = Path("/usr/share/hunspell/pl_PL.dic")  # Debian's hunspell-pl
TAIL_SIZE = 8000


def tail_vocabulary(size: int = TAIL_SIZE, seed: int = 5) -> list[str]:
    """`size` ordinary lower-case Polish words from hunspell-pl, deterministic for a seed:
    the long tail of a real vocabulary (names, places and abbreviations left out)."""
    if not HUNSPELL_DIC.exists():
        raise SystemExit(f"{HUNSPELL_DIC} is missing: apt-get install hunspell-pl")
    words = set()
    for line in HUNSPELL_DIC.read_text(encoding="iso-8859-2").splitlines()[1:]:
        word = line.split("/", 1)[0]
        if word.isalpha() and word.islower() and 5 <= len(word) <= 13:
            words.add(word)
    return random.Random(seed).sample(sorted(words), size)


def generate(count: int, seed: int = 2026, corpus: str = "topical"):
    """Yield `count` (title, text, type, date, area, status) tuples, deterministic for a seed.

    corpus="topical" (default): each document is about 2-3 of the municipal nouns (picked
    with Zipf-like weights) and also uses general words: 65 % of noun phrases come from
    its topics, 10 % from any municipal noun, 25 % from a long tail of 8,000 Polish words
    (hunspell-pl); adjectives mostly from two per document. A two-word query then
    matches 0.4 % of the documents (median; 5 % at p95), as in a real archive.
    corpus="small": every phrase from the same 80 nouns and 15 adjectives, no topics: every
    query matches 5-80 % of the documents. A worst case of very broad queries, kept for
    comparison.
    """
    rng = random.Random(seed)
    nouns = [n.split() for n in NOUNS]
    adjectives = [a.split() for a in ADJECTIVES]
    noun_w, adj_w = _weights(len(nouns)), _weights(len(adjectives))
    tail = tail_vocabulary() if corpus == "topical" else []
    tail_w = _weights(len(tail))
    types = ["news", "resolution", "call", "clause", "comment", "document", "event", "report"]
    areas = ["culture", "sport", "finance", "transport", "environment", "social", "education"]
    topics: list = []
    topic_adjectives: list = []

    def noun_forms():
        roll = rng.random()
        if not tail or roll < 0.10:
            return rng.choices(nouns, cum_weights=noun_w)[0]
        if roll < 0.75:
            return rng.choice(topics)
        return [rng.choices(tail, cum_weights=tail_w)[0]]

    def phrase():
        words = [rng.choice(noun_forms())]
        if rng.random() < 0.6:
            pool = topic_adjectives if topic_adjectives and rng.random() < 0.7 else None
            forms = rng.choice(pool) if pool else rng.choices(adjectives, cum_weights=adj_w)[0]
            words.append(rng.choice(forms))
        return " ".join(words)

    def sentence(n):
        parts = [phrase().capitalize(), rng.choice(VERBS)]
        while len(" ".join(parts).split()) < n:
            parts.append(rng.choice(GLUE))
            parts.append(phrase() if rng.random() > 0.08 else rng.choice(PLACES))
        return " ".join(parts) + "."

    start = datetime.date(2015, 1, 1)
    for _ in range(count):
        topics[:] = rng.choices(nouns, cum_weights=noun_w, k=rng.randint(2, 3))
        if tail:
            topic_adjectives[:] = rng.choices(adjectives, cum_weights=adj_w, k=2)
        title = sentence(rng.randint(5, 9)).rstrip(".")
        text = " ".join(sentence(rng.randint(8, 16)) for _ in range(rng.randint(3, 6)))
        yield (
            title,
            text,
            rng.choice(types),
            start + datetime.timedelta(days=rng.randint(0, 4000)),
            rng.choice(areas),
            rng.choice(["", "", "open", "closed"]),
        )


def queries(count: int, seed: int = 7):
    """Typical two-word queries: a noun and an adjective or two nouns, in random forms."""
    from search.polish import fold

    rng = random.Random(seed)
    nouns = [n.split() for n in NOUNS]
    adjectives = [a.split() for a in ADJECTIVES]
    result = []
    for i in range(count):
        first = rng.choice(rng.choice(nouns))
        second = rng.choice(rng.choice(adjectives if rng.random() < 0.6 else nouns))
        query = f"{first} {second}"
        result.append(fold(query) if i % 4 == 3 else query)
    return result


def _server_cpu_ns(engine: str):
    """A function returning the CPU time (ns) used so far by this connection's PostgreSQL
    backend process (from /proc/<pid>/schedstat; the server must run on this machine), or
    None where the engine runs inside this process (SQLite) or /proc is not readable."""
    if engine != "postgres":
        return None
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        path = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    if not path.exists():
        return None
    return lambda: int(path.read_text().split()[0])


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * fraction) - 1)]


def run_engine(
    engine: str, docs: int, batch: int, corpus: str = "topical", reuse: bool = False
) -> dict:
    """Runs inside a child process whose DATABASE_URL points at the benchmark database."""
    import django

    django.setup()
    from django.core.management import call_command

    from search.backends import get_search_backend
    from search.documents import SearchDocument

    call_command("migrate", "portal_search", verbosity=0)
    backend = get_search_backend()
    reused = reuse and backend.count() == docs
    if not reused:
        backend.clear()
    documents = [
        SearchDocument(
            key=f"bench:{i}",
            type=type_,
            type_label=type_,
            title=title,
            url=f"/bench/{i}/",
            text=text,
            date=date,
            area=area,
            status=status,
        )
        for i, (title, text, type_, date, area, status) in enumerate(
            generate(0 if reused else docs, corpus=corpus)
        )
    ]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    cpu_started = time.process_time()
    for start in range(0, len(documents), batch):
        backend.index(documents[start : start + batch])
    index_seconds = time.perf_counter() - started
    index_cpu_seconds = time.process_time() - cpu_started
    if reused:
        pass
    elif engine == "postgres":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE portal_search_searchentry")
    else:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO portal_search_fts(portal_search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")

    # One persistent connection (as CONN_MAX_AGE gives the site): the dictionary is
    # loaded once per connection, by the warm-up.
    server_cpu = _server_cpu_ns(engine)
    timings, cpu_times, server_times, totals = [], [], [], []
    for query in queries(30):  # warm-up: caches, dictionary, lemmatiser
        backend.search(query)
    load_queries = os.getloadavg()[0]
    for query in queries(300, seed=11):
        server0 = server_cpu() if server_cpu else 0
        c0, t0 = time.process_time(), time.perf_counter()
        results = backend.search(query)
        timings.append((time.perf_counter() - t0) * 1000)
        cpu_times.append((time.process_time() - c0) * 1000)
        if server_cpu:
            server_times.append((server_cpu() - server0) / 1e6)
        totals.append(results.total)
    timings.sort()
    # CPU per query: this process (parse, expansions, Python snippets; on SQLite also the
    # engine) plus, on PostgreSQL, the server backend serving the connection. Unlike wall
    # time it does not count waiting for a core on a shared machine.
    own_cpu = [c + s for c, s in zip(cpu_times, server_times or [0] * len(cpu_times), strict=True)]
    return {
        "engine": engine,
        "corpus": corpus,
        "documents": backend.count(),
        "index_seconds": round(index_seconds, 1),
        "docs_per_second": round(docs / index_seconds) if not reused else None,
        "python_cpu_seconds": round(index_cpu_seconds, 1),
        "load_average": round(load_before, 1),
        "queries": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(_percentile(timings, 0.95), 1),
        "max_ms": round(timings[-1], 1),
        "cpu_p50_ms": round(statistics.median(own_cpu), 1),
        "cpu_p95_ms": round(_percentile(own_cpu, 0.95), 1),
        "server_cpu_p50_ms": round(statistics.median(server_times), 1) if server_times else None,
        "load_average_queries": round(load_queries, 1),
        "median_hits": int(statistics.median(totals)),
        "p95_hits": int(_percentile(totals, 0.95)),
    }


def run_relevance(engine: str) -> dict:
    """The relevance set of tests/search/relevance on this engine: how many queries have all
    their expected documents in the top 5, recall@5, and MRR (first expected hit, top 10)."""
    import django

    django.setup()
    from django.core.management import call_command

    from search.backends import get_search_backend
    from tests.search.relevance.corpus import relevance_corpus
    from tests.search.relevance.queries import QUERIES

    call_command("migrate", "portal_search", verbosity=0)
    backend = get_search_backend()
    backend.clear()
    backend.index(relevance_corpus())
    passed, found, expected_total, reciprocal = 0, 0, 0, 0.0
    failures = []
    for query, expected in QUERIES:
        ranked = [h.key.removeprefix("rel:") for h in backend.search(query, per_page=10).hits]
        ranks = [ranked.index(slug) + 1 for slug in expected if slug in ranked]
        in_top5 = sum(1 for r in ranks if r <= 5)
        found += in_top5
        expected_total += len(expected)
        reciprocal += 1 / min(ranks) if ranks else 0.0
        if in_top5 == len(expected):
            passed += 1
        else:
            failures.append({"query": query, "expected": expected, "top5": ranked[:5]})
    return {
        "engine": engine,
        "queries": len(QUERIES),
        "passed": passed,
        "recall_at_5": round(found / expected_total, 3),
        "mrr": round(reciprocal / len(QUERIES), 3),
        "failures": failures,
    }


FIRST_QUERIES = ["uchwaly budzetu obywatelskiego", "mikrodotacji dla organizacji"]


def run_first_query(engine: str) -> dict:
    """Index the relevance corpus, then time the first searches of a fresh process."""
    import django

    django.setup()
    from django.core.management import call_command

    from search.backends import get_search_backend
    from tests.search.relevance.corpus import relevance_corpus

    call_command("migrate", "portal_search", verbosity=0)
    backend = get_search_backend()
    backend.clear()
    backend.index(relevance_corpus())
    fresh = subprocess.run(
        [sys.executable, __file__, "--child", "--engine", engine, "--fresh-process"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(fresh.strip().splitlines()[-1])


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
    return round(int(line.split()[1]) / 1024, 1)


def measure_fresh_process(engine: str) -> dict:
    """What a just-started process (web worker, command) pays for its first searches."""
    import django

    django.setup()
    from django.db import connection

    from search.services import search

    rss_before = _rss_mb()
    started = time.perf_counter()
    if engine == "postgres":
        # PostgreSQL loads hunspell's dictionary once per connection, on the server.
        with connection.cursor() as cursor:
            cursor.execute("SELECT ts_lexize('polish_hunspell', 'uchwały')")
    else:
        connection.ensure_connection()
    connect = round(time.perf_counter() - started, 3)
    timings = []
    for query in FIRST_QUERIES:
        started = time.perf_counter()
        search(query)
        timings.append(round(time.perf_counter() - started, 3))
    return {
        "engine": engine,
        "connection_s": connect,
        "first_query_s": timings[0],
        "second_query_s": timings[1],
        "rss_before_mb": rss_before,
        "rss_after_mb": _rss_mb(),
    }


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def _pg_exists(database: str) -> bool:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        return found.fetchone() is not None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["postgres", "sqlite", "both"], default="both")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--corpus", choices=["topical", "small"], default="topical")
    parser.add_argument(
        "--relevance", action="store_true", help="run the Polish relevance set instead"
    )
    parser.add_argument(
        "--keep",
        metavar="NAME",
        help="PostgreSQL: use and keep database NAME (SQLite: file /tmp/NAME.sqlite3) "
        "instead of a throw-away one",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: skip indexing when the kept index already holds --docs documents",
    )
    parser.add_argument(
        "--first-query",
        action="store_true",
        help="time the first searches of a fresh process and its memory for Polish word forms",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fresh-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        if args.fresh_process:
            print(json.dumps(measure_fresh_process(args.engine)))
        elif args.first_query:
            print(json.dumps(run_first_query(args.engine)))
        elif args.relevance:
            print(json.dumps(run_relevance(args.engine), ensure_ascii=False))
        else:
            result = run_engine(args.engine, args.docs, args.batch, args.corpus, args.reuse)
            print(json.dumps(result))
        return

    engines = ["postgres", "sqlite"] if args.engine == "both" else [args.engine]
    results = []
    for engine in engines:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", PYTHONPATH=str(ROOT))
        tmp = None
        if engine == "postgres":
            database = args.keep or PG_DB
            if not args.keep:
                _psql(f"DROP DATABASE IF EXISTS {database}")
            if not _pg_exists(database):
                _psql(f"CREATE DATABASE {database}")
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
        elif args.keep:
            env["DATABASE_URL"] = f"sqlite:////tmp/{args.keep}.sqlite3"
        else:
            tmp = tempfile.TemporaryDirectory(prefix="okienko-bench-")
            env["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
        try:
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--engine",
                    engine,
                    "--docs",
                    str(args.docs),
                    "--batch",
                    str(args.batch),
                    "--corpus",
                    args.corpus,
                    *(["--relevance"] if args.relevance else []),
                    *(["--first-query"] if args.first_query else []),
                    *(["--reuse"] if args.reuse else []),
                ],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        except subprocess.CalledProcessError as error:
            print(f"{engine}: failed\n{error.stderr[-3000:]}", file=sys.stderr)
        finally:
            if engine == "postgres" and not args.keep:
                _psql(f"DROP DATABASE IF EXISTS {PG_DB}")
            if tmp is not None:
                tmp.cleanup()

    print()
    if args.first_query:
        return
    if args.relevance:
        print("| engine | queries | all expected in top 5 | recall@5 | MRR |")
        print("|---|---|---|---|---|")
        for r in results:
            print(
                f"| {r['engine']} | {r['queries']} | {r['passed']} | "
                f"{r['recall_at_5']} | {r['mrr']} |"
            )
        return
    print(
        "| engine | corpus | documents | indexing | docs/s | p50 | p95 | max | CPU p50 "
        "| CPU p95 | median hits | p95 hits | load avg (index / queries) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        rate = f"{r['docs_per_second']:,}" if r["docs_per_second"] else "reused"
        print(
            f"| {r['engine']} | {r['corpus']} | {r['documents']:,} | {r['index_seconds']} s | "
            f"{rate} | {r['p50_ms']} ms | {r['p95_ms']} ms | {r['max_ms']} ms | "
            f"{r['cpu_p50_ms']} ms | {r['cpu_p95_ms']} ms | {r['median_hits']:,} | "
            f"{r['p95_hits']:,} | {r['load_average']} / {r['load_average_queries']} |"
        )


if __name__ == "__main__":
    main()
