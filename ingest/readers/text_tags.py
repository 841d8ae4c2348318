"""Glued tag lists (`aiinfrastructurecloud-computing`) cut back into the tags a reader sees.

Copying a row of tag links drops the spaces between them. The run is cut into words with
wordninja's word costs; a hyphen joins the words on either side of it (`cloud-computing`).
Product names are not in an English word list (`rabbitmq` comes out `rabbit` + `mq`), but the
page usually writes them elsewhere (`RabbitMQ`), so `rejoin` glues adjacent tags back together
when the page itself spells them as one word.
"""

from __future__ import annotations

import re
from functools import cache

import wordninja

MAX_JOINED = 3  # a product name split into more pieces than this is not recognisable anyway
# Tag words of tech and business blogs that wordninja's English list lacks, so a glued run
# would be cut inside them (`fin|tech`, `ku|berne|tes`, `node|js`). They cost as much as a
# common word. Tag vocabulary, not words of any one page.
_TECH_WORDS = """
    adtech airflow ansible api apis appsec aws bigquery blockchain chatgpt chiplets cicd cloudflare
    cloudnative cybersecurity databricks datacenters dbt defi deno devops devsecops dynamodb
    edtech fediverse finops finserv fintech firebase gcp genai github gitlab gitops golang
    grafana graphql hadoop healthtech hbm huggingface infosec insurtech istio jupyter k8s kotlin
    kubernetes llm llmops llms macos martech microservices mlops mongodb neobank nextjs nginx
    nodejs npm numpy observability openai opentelemetry paytech postgres postgresql proptech
    pypi pytorch ransomware reactjs redis regtech riscv secops serverless siem sqlite sre
    stablecoin stablecoins supabase tensorflow tpu tsmc vercel vuejs wasm web3 webassembly
    webdev webhook webhooks webpack xgboost zerotrust
    idempotency saas sdk sdks
"""
TECH_WORDS = frozenset(_TECH_WORDS.split())
TECH_WORD_COST = 11.0


def split_glued_tags(text: str) -> list[str]:
    """`aiinfrastructurecloud-computing` → ai, infrastructure, cloud-computing.

    Each hyphen-free run is split into words; a hyphen joins the word before it to the word
    after it, so hyphenated tags stay whole.
    """
    tags: list[str] = []
    join_next = False
    for i, run in enumerate(text.split("-")):
        words = split_words(run) if run else [""]
        if join_next and tags:
            tags[-1] = f"{tags[-1]}-{words[0]}"
            words = words[1:]
        tags += words
        join_next = i < text.count("-")
    return [t for t in tags if t]


def rejoin(tags: list[str], page_words: set[str]) -> list[str]:
    """Adjacent tags whose concatenation the page writes as one word become one tag
    (`rabbit`, `mq` → `rabbitmq` on a page about RabbitMQ). Ordinary dictionary words are
    left alone: a page saying `cloudcomputing` is no reason to merge `cloud` and `computing`."""
    out: list[str] = []
    i = 0
    while i < len(tags):
        size = next((n for n in range(MAX_JOINED, 1, -1) if i + n <= len(tags)
                     and _page_only("".join(tags[i:i + n]), page_words)), 1)
        out.append("".join(tags[i:i + size]))
        i += size
    return out


def page_words(lines: list[str]) -> set[str]:
    """The page's words, folded to lower case, as a glued tag would spell them."""
    return {word.casefold() for line in lines for word in re.findall(r"[A-Za-z0-9]+", line)}


def _page_only(word: str, words: set[str]) -> bool:
    return word in words and word not in word_costs()


def split_words(run: str) -> list[str]:
    """Split a glued lower-case run into words with wordninja's word costs.

    Unlike `wordninja.split`, one-letter words and tiny function words cost extra (a tag list
    holds `ai`, not `a` + `i`), and an unknown run may stay one word (`esg`, `tsmc`). The
    penalties were tuned by hand on the fixtures' tag lines.
    """
    cost = word_costs()
    best: list[tuple[float, int]] = [(0.0, 0)]
    for end in range(1, len(run) + 1):
        options = []
        for start in range(max(0, end - 30), end):
            word = run[start:end]
            options.append((best[start][0] + _word_cost(word, cost), start))
        best.append(min(options))
    words, end = [], len(run)
    while end > 0:
        start = best[end][1]
        words.append(run[start:end])
        end = start
    return words[::-1]


def _word_cost(word: str, cost: dict[str, float]) -> float:
    known = TECH_WORD_COST if word in TECH_WORDS else cost.get(word)
    if known is None:
        return 12.0 + 4.0 * len(word) if not word.isdigit() else 6.0
    if len(word) == 1:
        return known + 9.0
    if word in {"of", "to", "in", "on", "is", "it", "at", "by", "an", "as", "or", "be"}:
        return known + 6.0
    return known


@cache
def word_costs() -> dict[str, float]:
    """wordninja's English word costs: also the reader's list of known words."""
    return wordninja.DEFAULT_LANGUAGE_MODEL._wordcost
