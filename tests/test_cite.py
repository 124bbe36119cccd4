import pytest

from rag.cite import assemble, parse_claims, resolve_opening
from rag.corpus import Sentence
from rag.results import Passage
from rag.sentences import draft_sentences


def passage(doc: str, *sentences: str) -> Passage:
    sents, pos = [], 0
    for s in sentences:
        sents.append(Sentence(doc, pos, pos + len(s), s))
        pos += len(s) + 1
    return Passage(chunk_id=doc, doc_id=doc, title=f"title {doc}", outlet="Kyodo",
                   date="2022-06-12", text=" ".join(sentences), start=0, end=pos, score=1.0,
                   sentences=tuple(sents))


KISHI = passage("000", "South Korean Defense Minister Lee Jong Sup spoke at the annual Asia "
                "Security Summit in Singapore on Sunday.",
                "His Japanese counterpart Nobuo Kishi was also in attendance.",
                "There have been signs of improvement under President Yoon Suk Yeol, who took "
                "office in May.")


def test_a_wrong_name_is_caught_even_when_the_passage_mentions_it(real_pipeline):
    check = real_pipeline.checker.check
    # Yoon is in the passage, but the quote says the counterpart is Kishi
    wrong = check("Lee Jong Sup's Japanese counterpart was Yoon Suk Yeol [1].", [KISHI])
    right = check("Nobuo Kishi, his Japanese counterpart, was also in attendance [1].", [KISHI])
    assert not wrong[0].supported and wrong[0].reason
    assert right[0].supported and right[0].support[0].text.startswith("His Japanese counterpart")


def test_two_adjacent_sentences_may_support_a_claim_but_roles_must_hold(real_pipeline):
    check = real_pipeline.checker.check
    glued = check("Lee Jong Sup's Japanese counterpart Nobuo Kishi attended the Asia Security "
                  "Summit in Singapore [1].", [KISHI])
    assert glued[0].supported
    assert [s.text[:12] for s in glued[0].support] == ["South Korean", "His Japanese"]
    swapped = check("Nobuo Kishi's Japanese counterpart Lee Jong Sup spoke at the annual Asia "
                    "Security Summit [1].", [KISHI])
    assert not swapped[0].supported


def test_negation_and_invented_numbers_fail_with_a_reason(real_pipeline):
    check = real_pipeline.checker.check
    negated = check("Nobuo Kishi was not in attendance [1].", [KISHI])[0]
    invented = check("Busan has a population of about 1.1 million [1].", [KISHI])[0]
    assert not negated.supported and "negates" in negated.reason
    assert not invented.supported and "'1.1'" in invented.reason and "Busan" in invented.reason


NATO = passage("000", "Park was quoted by Yonhap as saying there would be an appropriate time "
               "for a possible meeting between the two leaders.",
               "Yoon will attend the North Atlantic Treaty Organization summit in Spain later "
               "this month, a first for a South Korean leader, according to a person close "
               "to his office, while Japanese government sources said Kishida is considering "
               "taking part in the gathering.",
               "South Korea has sounded out Japan about holding an in-person meeting between "
               "Yoon and Kishida on the sidelines of the summit.")


@pytest.mark.parametrize(("claim", "reason"), [
    # the embedder puts the first sentence closest to these claims; the one they
    # reword is the second, and its reason is the one that says what is wrong
    ("Unnamed Japanese government sources said Kishida was considering taking part [1].",
     "'Unnamed' is in no cited sentence"),
    ("Sources in the Japanese government said Kishida was weighing whether to go [1].",
     "'weighing' is in no cited sentence"),
    ("Japanese government sources said Kishida was considering a trip to the gathering [1].",
     "'trip' is in no cited sentence"),
])
def test_a_refusal_gives_the_reason_of_the_quote_that_shares_most_words(
        real_pipeline, claim: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    refused = real_pipeline.checker.check(claim, [NATO])[0]
    assert not refused.supported
    assert refused.reason == reason


@pytest.mark.parametrize(("claim", "supported"), [
    # the bundled model handed a question back with a citation (probe44 bu04)
    ("Yoon will attend the NATO summit in Spain - what would make it a first? [1]", False),
    ("Will Yoon attend the North Atlantic Treaty Organization summit in Spain? [1]", False),
    ("Yoon will attend the North Atlantic Treaty Organization summit in Spain later this "
     "month [1].", True),
])
def test_a_question_is_no_claim(real_pipeline, claim: str,  # type: ignore[no-untyped-def]
                                supported: bool) -> None:
    checked = real_pipeline.checker.check(claim, [NATO])[0]
    assert checked.supported is supported
    assert (checked.reason == "a question, not a claim") is not supported


@pytest.mark.parametrize(("claim", "supported"), [
    # the bundled model's answer to "which values did they say both sides share"
    # (probe60 ck13): the quote gives these as what ties should rest on
    ("Friendship and cooperation. [1]", False),
    ("The two Asian countries, on friendship and cooperation. [1]", False),
    ("Hayashi said the two countries should develop ties based on friendship and "
     "cooperation. [1]", True),
])
def test_a_phrase_with_no_verb_is_no_claim(real_pipeline, claim: str,  # type: ignore[no-untyped-def]
                                           supported: bool) -> None:
    ties = passage("003", "Hayashi said the two Asian countries should develop ties based on "
                   "friendship and cooperation and he expects Yoon to exercise leadership.")
    checked = real_pipeline.checker.check(claim, [ties])[0]
    assert checked.supported is supported
    assert (checked.reason == "a phrase with no verb, not a claim") is not supported


def test_markers_must_point_at_a_supporting_passage(real_pipeline):
    other = passage("001", "Seoul scrapped an intelligence-sharing agreement with Japan in "
                    "August 2019 amid a trade spat.")
    check = real_pipeline.checker.check
    wrong_marker = check("His Japanese counterpart Nobuo Kishi was also in attendance [2].",
                         [KISHI, other])
    no_such = check("His Japanese counterpart Nobuo Kishi was also in attendance [7].", [KISHI])
    unmarked = check("His Japanese counterpart Nobuo Kishi was also in attendance.",
                     [other, KISHI])
    assert not wrong_marker[0].supported
    assert not no_such[0].supported and no_such[0].reason == "markers point to no passage"
    assert unmarked[0].supported and unmarked[0].passages == (1,)


def test_parse_claims_moves_trailing_markers_to_their_sentence():
    claims = parse_claims("Kishi attended. [2] Seoul scrapped the pact [1, 3]. Extra words")
    assert claims == [("Kishi attended.", (2,)), ("Seoul scrapped the pact", (1, 3)),
                      ("Extra words", ())]


def test_assemble_numbers_by_first_use_and_reuses_numbers():
    a = KISHI.sentences[1]
    b = KISHI.sentences[0]
    text, cites = assemble([("One", (a,)), ("Two", (b,)), ("Three", (a,))], {"000": KISHI})
    assert text == "One. [1] Two. [2] Three. [1]"
    assert [(c.n, c.quote) for c in cites] == [(1, a.text), (2, b.text)]
    assert cites[0].outlet == "Kyodo" and cites[0].start == a.start


@pytest.mark.parametrize(("claim", "question", "resolved"), [
    ("He is a member of the delegation.", "Had Yoon been sworn in when his envoys met?",
     "Yoon is a member of the delegation."),
    ("His Japanese counterpart was Nobuo Kishi.", "Who was Lee Jong-sup's counterpart?",
     "Lee Jong-sup's Japanese counterpart was Nobuo Kishi."),
    ("They met in Seoul.", "Where did Yoon and Kishida meet?", ""),  # plural: left alone
    ("He spoke in Seoul.", "Where was the summit held?", ""),  # no person to read it as
    ("Chung led the delegation.", "Who led the delegation Yoon sent?", ""),
])
def test_an_opening_pronoun_is_read_as_the_question_s_person(claim: str, question: str,
                                                             resolved: str) -> None:
    assert resolve_opening(claim, question) == resolved


def test_an_opening_he_is_checked_as_the_person_a_reader_takes_it_for(real_pipeline):
    from tests.conftest import FakeLLM

    llm = FakeLLM("He was also a member of the Japanese delegation [1].")
    a = real_pipeline.with_llm(llm).answer(
        "Had Yoon Suk-yeol been sworn in when his delegation met Japanese officials?")
    assert "member of the Japanese delegation" not in a.text


@pytest.mark.parametrize(("draft", "sentences"), [
    ("1. North Korea's threat [1].\n2. Deteriorating ties [2].",
     ["North Korea's threat [1].", "Deteriorating ties [2]."]),
    ("- Kishi was there [1]\n- Lee spoke [2]", ["Kishi was there [1]", "Lee spoke [2]"]),
    # a line without a full stop still ends its sentence
    ("North Korea's nuclear threat\n2. Deteriorating security cooperation",
     ["North Korea's nuclear threat", "Deteriorating security cooperation"]),
    ("Kishida said he hoped to discuss ties [1]. He invited Yoon [2].",
     ["Kishida said he hoped to discuss ties [1].", "He invited Yoon [2]."]),
    ("In 2019, Seoul scrapped the pact [1].", ["In 2019, Seoul scrapped the pact [1]."]),
])
def test_a_draft_is_split_at_sentences_lines_and_list_items(draft, sentences):  # type: ignore[no-untyped-def]
    assert draft_sentences(draft) == sentences


def test_every_sentence_of_the_seeds_supports_itself(real_pipeline):  # type: ignore[no-untyped-def]
    """A claim that repeats its quote word for word passes: each check that refuses a
    kind of rewording must leave the quote's own words alone (the role check once read
    "members" of "ministers and members" as inside the ministers; the time check read
    "before and during World War II" as "during" only)."""
    from llama_index.core.vector_stores.utils import metadata_dict_to_node

    from rag.index import get_all, node_passage

    got = get_all(real_pipeline.index._chunks, ["documents", "metadatas"])
    refused, checked = [], 0
    for text, meta in zip(got["documents"], got["metadatas"], strict=True):
        shown = node_passage(metadata_dict_to_node(meta, text=text), 1.0)
        for s in shown.sentences:
            if s.kind != "body":
                continue
            checked += 1
            support, _, reason = real_pipeline.checker.support(s.text, [shown], [0])
            if not support:
                refused.append((s.text[:80], reason))
    assert checked > 60
    assert refused == []
