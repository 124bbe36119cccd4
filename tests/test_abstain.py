"""When the reader abstains, table-driven: each reason the chosen evidence does not
answer a question (rag/abstain.py).
"""

from __future__ import annotations

import dataclasses

import pytest

from rag.abstain import (
    contradicted,
    other_kind_counted,
    other_time,
    others_act,
    unacted,
    unasserted,
    unhappened_premise,
    unheld_occasion,
    unnamed_actor,
    unnamed_attribute,
    unnamed_body,
    unsaid,
    untied_count,
    untold_event,
    untold_topic,
    untyped_answer,
)
from rag.corpus import Sentence
from rag.evidence import (
    Ranked,
    Weights,
)
from rag.results import Passage
from tests.reading import chosen_sentence, passage_of, passage_of_sentences, ranked_of


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Kishi was succeeded by Yasukazu Hamada in August.", ""),
    ("Abe was succeeded by Yoshihide Suga.", "no passage about it names Nobuo Kishi"),
    ("Japan's new defence minister, Yasukazu Hamada, took over from him.",
     "no passage about it names Nobuo Kishi"),
])
def test_abstain_when_the_evidence_acts_on_someone_else(sentence: str, reason: str) -> None:
    assert unnamed_actor("Who replaced Nobuo Kishi as Japan's defence minister?",
                         [chosen_sentence(sentence)]) == reason


@pytest.mark.parametrize(("sentence", "reason"), [
    # someone else's successor (probe59 cj13)
    ("The delegation plans to meet former Prime Minister Shinzo Abe and his successor, "
     "Yoshihide Suga.", "no passage about it names Kishida"),
    ("Kishida's successor is expected to be named in September.", ""),
])
def test_abstain_when_the_evidence_follows_someone_else(sentence: str, reason: str) -> None:
    assert unnamed_actor("Who is expected to succeed Kishida as Japan's prime minister?",
                         [chosen_sentence(sentence)]) == reason


@pytest.mark.parametrize(("sentence", "reason"), [
    # "his" points to Abe, named ahead of it: the sentence before, which names Kishi,
    # is not what it is about (probe60 ck20)
    ("While in Japan, the delegation plans to meet former Prime Minister Shinzo Abe and "
     "his successor, Yoshihide Suga.", "no passage about it names Nobuo Kishi"),
    ("The delegation plans to meet Yoshihide Suga.", "no passage about it names Nobuo Kishi"),
    # with no one named ahead of it, "his" may point to Kishi
    ("His successor, Yasukazu Hamada, took office in August.", ""),
])
def test_one_acted_on_is_named_before_only_where_a_pronoun_points(sentence: str,
                                                                   reason: str) -> None:
    chosen = _chosen_after("Later in the day, the delegation met with Defense Minister "
                           "Nobuo Kishi.", sentence)
    assert unnamed_actor("Who succeeded Nobuo Kishi as Japan's defense minister?",
                         [chosen]) == reason


def test_a_doer_is_named_before_without_a_pronoun() -> None:
    # "the two" stand for the people the sentence before names
    chosen = _chosen_after("Park Jin met Yoshimasa Hayashi in Tokyo.",
                           "The two agreed to maintain ties.")
    assert unnamed_actor("What did Park Jin and Yoshimasa Hayashi agree on?", [chosen]) == ""


@pytest.mark.parametrize(("article", "reason"), [
    # the article calls Yoon president, though the sentence does not (probe60 ck09)
    ("President Yoon Suk Yeol took office in May. ", ""),
    ("Yoon Suk Yeol took office in May. ", "no passage about it has a president saying it"),
])
def test_a_sayer_called_by_office_is_one_the_article_gives_it(article: str,
                                                              reason: str) -> None:
    sentence = "Yoon has pledged to take a future-oriented approach to bilateral relations."
    chosen = chosen_sentence(sentence)
    got = unsaid("What sort of approach to ties has the South Korean president promised?",
                 [chosen], article_text=lambda doc_id: article + sentence)
    assert got == reason


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Beijing criticised the summit in Seoul.", ""),  # China by its capital
    ("Chinese officials criticised the summit in Seoul.", ""),
    ("Washington welcomed the summit in Seoul.", "no passage about it names China"),
])
def test_a_country_that_acts_is_named_by_any_of_its_names(sentence: str, reason: str) -> None:
    assert unnamed_actor("How did China react to the summit in Seoul?",
                         [chosen_sentence(sentence)]) == reason


def test_he_at_a_passages_start_points_into_the_chunk_before() -> None:
    question = "What did Yoon say unresolved issues should not mean?"
    chosen = chosen_sentence(
        "He said unresolved issues should not mean that no steps can be taken.")
    before = passage_of("\u201cCooperation is essential,\u201d Yoon said in opening remarks.")
    assert unnamed_actor(question, [chosen]) == "no passage about it names Yoon"
    assert unnamed_actor(question, [chosen], lambda p: before.sentences) == ""
    assert "Yoon saying" in unsaid(question, [chosen])
    assert unsaid(question, [chosen], lambda p: before.sentences) == ""
    other = passage_of("Kishida said he hoped to discuss ties.")
    assert "Yoon saying" in unsaid(question, [chosen], lambda p: other.sentences)


def test_an_outlet_asked_about_is_named_by_its_own_article() -> None:
    question = "How does RT describe the ties the two countries have long had?"
    text = "The two countries have long had strained ties."
    assert unnamed_actor(question, [_chosen_in("RT.com", text)]) == ""
    assert unnamed_actor(question, [_chosen_in("Reuters", text)]) == \
        "no passage about it names RT"


@pytest.mark.parametrize(("before", "sentence", "reason"), [
    ("", "Hayashi and Park agreed to meet again.", ""),
    ("", "Hayashi and the delegation agreed to maintain ties.",
     "no passage about it names Park Jin"),
    # "Jin" of Chung Jin-suk is not Park Jin
    ("", "Hayashi and Chung Jin-suk agreed to maintain ties.",
     "no passage about it names Park Jin"),
    # "they" points back to the sentence before, which names both
    ("Park Jin met Yoshimasa Hayashi in Tokyo.", "They agreed to maintain ties.", ""),
])
def test_abstain_when_the_evidence_is_about_other_people(before: str, sentence: str,
                                                         reason: str) -> None:
    question = "What did Park Jin and Yoshimasa Hayashi agree on?"
    p = passage_of_sentences(*[t for t in (before, sentence) if t])
    chosen = Ranked(sentence=p.sentences[-1], passage=p, score=1.0, semantic=0.6, lexical=0.5,
                    has_type=True)
    assert unnamed_actor(question, [chosen]) == reason


def _chosen_in(outlet: str, text: str) -> Ranked:
    """``text`` as the one chosen sentence, of an article by ``outlet``."""
    r = chosen_sentence(text)
    return Ranked(sentence=r.sentence, passage=dataclasses.replace(r.passage, outlet=outlet),
                  score=1.0, semantic=0.5, lexical=0.5, has_type=True)


def _chosen_after(before: str, text: str) -> Ranked:
    """``text`` as the chosen sentence, after ``before`` in its passage."""
    whole = f"{before} {text}"
    first = Sentence("a", 0, len(before), before, "body")
    s = Sentence("a", len(before) + 1, len(whole), text, "body")
    p = Passage(chunk_id="a:0", doc_id="a", title="", outlet="", date="", text=whole,
                start=0, end=len(whole), score=1.0, sentences=(first, s))
    return Ranked(sentence=s, passage=p, score=1.0, semantic=0.6, lexical=0.5,
                  has_type=True)


@pytest.mark.parametrize(("question", "outlet", "reason"), [
    # an outlet says what its own article says, when it is of the asked country
    ("What did the Russian outlet say the two Koreas signed?", "RT.com", ""),
    ("What did the outlet say the two Koreas signed?", "RT.com", ""),
    ("What did the Japanese outlet say the two Koreas signed?", "RT.com", "an outlet saying"),
    ("What did the Russian outlet say the two Koreas signed?", "", "an outlet saying"),
    # so does its piece, of the outlet named
    ("What does the RT piece say the two Koreas signed?", "RT.com", ""),
    ("What does the Reuters report say the two Koreas signed?", "RT.com", "a report saying"),
])
def test_an_outlet_says_its_own_article(question: str, outlet: str, reason: str) -> None:
    got = unsaid(question, [_chosen_in(outlet, "The two Koreas signed only an armistice.")])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "before", "sentence", "reason"), [
    # the asked speaker says something
    ("What did Ned Price say about North Korea?", "",
     "North Korea may test a bomb soon, US spokesman Ned Price told reporters.", ""),
    ("What did Nobuo Kishi say he would establish?", "",
     "The delegation met Defense Minister Nobuo Kishi, who said he would strive to "
     "establish close communication.", ""),
    ("What did Lee say would come naturally?", "",
     "Lee stressed the importance of creating a good atmosphere and saying that talks "
     "will come naturally.", ""),
    ("What did Park Jin say about a meeting?", "",
     "Park was quoted by Yonhap as saying there would be a time for a meeting.", ""),
    ("What did Lee say about relations?", "Lee was quoted by Yonhap.",
     "He told Kishi that he wants relations to improve.", ""),  # "he" is Lee
    ("What did the defense chief say?", "",
     "The defense chief of South Korea said his country is willing to cooperate.", ""),
    # a hyphenated name is spelt as the text spells it ("Lee Jong - sup" names no one)
    ("What did Lee Jong-sup say the two sides should reach?", "",
     "\u201cWe intend to reach reasonable solutions,\u201d South Korean Defense Minister "
     "Lee Jong-sup said on Sunday.", ""),
    # the parser hangs a closing "..., a Japanese foreign ministry official said." on
    # the quote: the speaker is the phrase before the verb (an official: a diplomat is one)
    ("What did a Japanese diplomat say about North Korea?", "",
     "\u201cWe have a lot of opportunities to cooperate when it comes to addressing the "
     "threat of North Korea\u201d and securing a free and open Indo-Pacific, a Japanese "
     "foreign ministry official said.", ""),
    ("What did a Japanese diplomat say about North Korea?", "",
     "\u201cWe have a lot of opportunities to cooperate when it comes to addressing the "
     "threat of North Korea\u201d and securing a free and open Indo-Pacific, a Japanese "
     "farmer said.", "a diplomat saying"),
    # another person speaks, or nobody does
    ("What did Nobuo Kishi say to Lee?", "Lee was quoted by Yonhap.",
     "He told Kishi that he wants relations to improve.", "Nobuo Kishi saying"),
    # "he" is the named one, though the parser makes another clause the root
    ("What did Lee tell Kishi?",
     "Lee was quoted by Yonhap News Agency and other sources as telling reporters that "
     "while he did not hold talks with Kishi during the forum, the Shangri-La Dialogue was "
     "known as the Shangri-La Dialogue, they were able to chat informally on three "
     "occasions.",
     "He told Kishi that he wants relations to improve.", ""),
    ("What did the US defense secretary say at the forum?", "",
     "Lee and his Japanese and US counterparts met on Saturday, agreeing to cooperate.",
     "a secretary saying"),
    ("What did Kishida say about the comfort women?", "",
     "Kishida's visit, the first in 12 years, returns the trip Yoon made.", "Kishida"),
    # a visit does not speak, though "return" is a verb of answering in a rare sense
    ("What did Kishida say during his visit to Seoul?", "",
     "Kishida's bilateral visit, the first in 12 years, returns the trip Yoon made.",
     "Kishida saying"),
    ("What did Japan's foreign ministry say about the pact?", "",
     "Seoul and Japan also announced the normalization of the pact.", "a ministry saying"),
    ("What did Japan's foreign ministry say about the pact?", "",
     "Japan's foreign ministry said the pact was restored.", ""),
    # a body named by a common noun is heard through its own people, of its own country
    ("What did Japan's Foreign Ministry say in its statement?", "",
     "Defense Minister Nobuo Kishi said he would strive to establish close communication.",
     "a ministry saying it"),
    ("What did Japan's Foreign Ministry say in its statement?", "",
     "South Korea's Defense and Foreign ministries said in a statement that both sides "
     "exchanged opinions.", "a ministry saying it"),
    ("What did Japan's Foreign Ministry say in its statement?", "",
     "Japan's Defense Ministry said in a statement that both sides exchanged opinions.",
     "a ministry saying it"),
    ("What did Japan's Foreign Ministry say in its statement?", "",
     "\u201cWe have a lot of opportunities to cooperate,\u201d a Japanese foreign ministry "
     "official said.", ""),
    ("What did the State Department say about a nuclear test?", "",
     "North Korea may conduct a nuclear test, US State Department spokesman Ned Price told "
     "reporters.", ""),
    ("What did the State Department say about a nuclear test?", "",
     "North Korea may conduct a nuclear test, Kishida told reporters.", "a department saying"),
    # the speaker speaks, of something else
    ("What did Ned Price say about Japan's export controls?", "",
     "North Korea may test a bomb soon, US spokesman Ned Price told reporters.",
     "about export control"),
    ("What did Yoon and Kishida say about Dokdo when they met in Seoul?", "",
     "Kishida said he hoped to discuss regional issues such as North Korea with Yoon.",
     "about dokdo"),
    ("What did Yoon and Kishida say about Dokdo when they met in Seoul?", "",
     "Kishida said Dokdo, known as Takeshima in Japan, was not discussed with Yoon.", ""),
    # a topic word that only qualifies another noun is not the topic
    ("What did Lee say about Beijing's response to the summit?", "",
     "Lee said Yoon aims to reinforce the response capabilities of the military.",
     "about response summit"),
    ("What did Lee say about Beijing's response to the summit?", "",
     "Lee said Beijing's response to the summit would be muted.", ""),
    # a known outlet is a news agency speaking; a minister is none
    ("On what day did the Japanese news agency report that Kishida would seek talks?", "",
     "Kishida will urge for trilateral talks with China, Kyodo reported on Friday.", ""),
    ("On what day did the Japanese news agency report that Kishida would seek talks?", "",
     "Kishida will urge for trilateral talks with China, Hayashi said on Friday.",
     "an agency saying it"),
    # a country speaking is its government; a person is none
    ("What status did the two governments declare for the intelligence pact?", "",
     "Seoul and Japan also announced the normalization of the intelligence pact.", ""),
    ("What status did the two governments declare for the intelligence pact?", "",
     "Lee announced the normalization of the intelligence pact.", "a government saying it"),
    # how a body explained something is what it said (probe59 cj25): the act alone
    # does not answer
    ("How did the South Korean navy explain locking its radar on the Japanese plane?", "",
     "The South Korean navy allegedly locked fire-control radar on a Japanese patrol "
     "plane.", "a navy saying it"),
    ("How did the South Korean navy explain locking its radar on the Japanese plane?", "",
     "The South Korean navy said its radar was aimed at a fishing boat in distress.", ""),
    # "reply" taken for a noun by the small tagger is the verb "did" hangs on
    ("What did Kishi reply when Lee spoke of a positive direction for relations?", "",
     "He told Kishi that he wants to see their countries' relations go in a positive "
     "direction.", "Kishi saying it"),
])
def test_abstain_when_the_asked_speaker_is_not_heard(question: str, before: str,
                                                     sentence: str, reason: str) -> None:
    chosen = _chosen_after(before, sentence) if before else chosen_sentence(sentence)
    assert reason in unsaid(question, [chosen])
    assert bool(unsaid(question, [chosen])) is bool(reason)


@pytest.mark.parametrize(("question", "passage", "reason"), [
    ("What was the WTO's ruling on Seoul's complaint?",
     "Seoul has filed a complaint with the WTO against Japan.", "gives its ruling"),
    ("What was the WTO's ruling on Seoul's complaint?",
     "The WTO ruled against Seoul's complaint in 2023.", ""),  # a word near "ruling"
    ("What was the WTO's ruling on Seoul's complaint?",
     "The WTO's judgment went against Seoul.", ""),
    ("What is the annual budget of South Korea's defense ministry?",
     "The defense minister spoke in Singapore.", "gives its budget"),
    ("What is the aim of the cross-party group?",
     "The group of lawmakers aims to promote friendly ties.", ""),
    # a name is given, not called one; but it must be the name of the asked-for thing
    ("What are the names of the disputed islets?",
     "The islets are known as Takeshima in Japan and Dokdo in South Korea.", ""),
    ("Woo took part in the talks - what is his job title?",
     "Woo Kyoung-suk, Defense Ministry deputy director-general for international policy, "
     "attended.", ""),
    # "which X": the answer is an X, named as one or as a word WordNet puts near it
    ("Which hotel hosted the Shangri-La Dialogue?",
     "Lee spoke at the Shangri-La Dialogue, a forum held in Singapore.", "names a hotel"),
    ("Which hotel hosted the Shangri-La Dialogue?",
     "The Shangri-La Dialogue is held at the Shangri-La Hotel.", ""),
    ("What sanctions did the US impose on North Korea?",
     "North Korea has conducted 18 missile tests this year.", "names a sanction"),
    # an organisation of the kind asked: the parser calls a ministry and a company ORG
    ("Which Japanese company makes the materials?",
     "Tokyo restricted exports of semiconductor materials, seen as retaliation.",
     "names a company"),  # "seen" is near "company" only through its rare senses
    ("Which Japanese company makes the materials?",
     "The materials are made by Stella Chemifa, a Japanese company.", ""),
    ("With which international body did Seoul lodge a complaint?",
     "Seoul has filed a complaint with the World Trade Organization.", ""),
    ("Which forces did the patrol plane belong to?",
     "The navy locked its radar on a Self-Defense Forces patrol plane.", ""),
    ("What name does South Korea use for the islets?",
     "The islets are known as Dokdo in South Korea.", ""),
    # the name of a person must be a person's name
    ("What was the name of the ministry official quoted by Reuters?",
     "We have a lot of opportunities to cooperate, a Japanese foreign ministry official "
     "said.", "official's name"),
    ("What was the name of the ministry official quoted by Reuters?",
     "Kenji Sato, a foreign ministry official, said they would cooperate.", ""),
    ("What was the name of the pilot of the patrol plane?",
     "The navy locked its radar on a patrol plane controlled by the Self-Defense Forces.",
     "names the pilot"),
    # the names of things hang on the thing, not elsewhere in the sentence ("material"
    # is a person only in a rare sense)
    ("What are the names of the semiconductor materials Japan restricted?",
     "Islets known as Takeshima and restrictions on exports of semiconductor materials "
     "strain ties.", "material's name"),
    ("What are the names of the semiconductor materials Japan restricted?",
     "Japan restricted exports of materials such as Fluorinated Polyimide.", ""),
    # a topic is what a talk is about, however it is named
    ("Hagiuda met the delegation - what topic did they take up?",
     "Hagiuda and members of the delegation discussed export controls during their talks.",
     ""),
    ("Hagiuda met the delegation - what topic did they take up?",
     "Hagiuda met members of the delegation at the ministry.", "names a topic"),
    # an abstract kind has instances no detector names: no reason to abstain
    ("Which values did Hayashi and the envoys say the countries share?",
     "They share the same ideas on freedom, democracy and a market economy.", ""),
    ("Which conflict did the lawmakers cite?",
     "He cited Russia's invasion of Ukraine and a wave of missile launches.", ""),
    # a kind whose instances are named things still needs one
    ("What agreements did Yoon and Kishida sign in Seoul?",
     "Yoon welcomed Kishida to Seoul on Sunday.", "names an agreement"),
    ("Which hotel did the delegation stay at?",
     "The delegation is on a five-day trip to Japan.", "names a hotel"),
    # a named thing of a kind WordNet files under some sense of the asked noun
    ("Which government bodies issued the statement?",
     "South Korea's Defense and Foreign ministries said in a statement.", ""),
    ("Which government bodies issued the statement?",
     "Officials said in a statement.", "names a body"),
    # a verb names the thing only as the act its noun derives from, not a broader act
    ("What gift did Kishida bring Yoon on his visit to Seoul?",
     "Kishida's visit returns the trip Yoon made to Tokyo in March.", "names a gift"),
    ("What agreement did Yoon and Kishida reach in Seoul?",
     "Yoon and Kishida agreed to resume shuttle diplomacy.", ""),
    # a country or its capital names its government
    ("Which government administers the islets that Tokyo lays claim to?",
     "The two sides are at odds over islets controlled by Seoul and claimed by Tokyo.", ""),
    ("Which government administers the islets?",
     "The two sides are at odds over the islets.", "names a government"),
])
def test_abstain_when_the_asked_attribute_is_missing(question: str, passage: str,
                                                     reason: str) -> None:
    chosen = chosen_sentence(passage)
    assert reason in unnamed_attribute(question, [chosen])
    assert bool(unnamed_attribute(question, [chosen])) is bool(reason)


@pytest.mark.parametrize(("sentence", "reason"), [
    ("He has invited Yoon to the G7 summit set for later this month in Japan and for "
     "trilateral talks with the U.S. on the sidelines.", "talks took place"),
    ("Kishida will hold trilateral talks with the U.S. next week.", "talks took place"),
    ("Kishida plans to hold trilateral talks with the U.S.", "talks took place"),
    ("They agreed to hold trilateral talks with the U.S.", "talks took place"),
    ("The planned trilateral talks with the U.S. were to cover North Korea.",
     "talks took place"),
    # a gerund after a preposition of topic is what was talked of
    ("Seoul has sounded out Tokyo about holding trilateral talks with the U.S.",
     "talks took place"),
    ("After holding trilateral talks with the U.S., they issued a statement.", ""),
    # held, or not named at all (other checks judge that)
    ("At the trilateral talks with the U.S. they decided to share missile warning data.", ""),
    ("Trilateral talks with the U.S. were held on Sunday and ended with a joint statement.",
     ""),
    ("The leaders decided to share missile warning data.", ""),
])
def test_abstain_when_the_occasion_was_only_planned(sentence: str, reason: str) -> None:
    question = "What was decided at the trilateral talks with the US?"
    chosen = chosen_sentence(sentence)
    assert reason in unheld_occasion(question, [chosen])
    assert bool(unheld_occasion(question, [chosen])) is bool(reason)


HELD_12TH = ("The 12th Security Policy Consultation, held in Seoul, was attended by Director "
             "General Seo Min-jeong and Director General Takehiro Funakoshi.")


PARK_PLANS = ("South Korea's Foreign Minister Park Jin said on Sunday that he will arrange a "
              "mutually convenient time for him to visit Japan.")


@pytest.mark.parametrize(("question", "sentences", "reason"), [
    # the premise "when Park visited" told of only as planned
    ("What did Park and Hayashi agree on when Park visited Tokyo?", [PARK_PLANS],
     "tell of 'visited' only as planned"),
    ("What did Kishida say after he met Yoon?", ["Kishida plans to meet Yoon in May."],
     "tell of 'met' only as planned"),
    ("What did Yoon say when Kishida visited Seoul?",
     ["Kishida will visit Seoul for two days from Sunday."], "only as planned"),
    # told as done, in one of the sentences: the premise holds
    ("What did Park and Hayashi agree on when Park visited Tokyo?",
     [PARK_PLANS, "Park visited Tokyo in July and met Hayashi."], ""),
    ("What did Yoon say when Kishida visited Seoul?",
     ["Kishida's bilateral visit returns the trip Yoon made to Tokyo in March."], ""),
    # no sentence tells of the premise (other checks judge that), or another word's
    # sense only: "meeting" is no word for "visited"
    ("What did Park and Hayashi agree on when Park visited Tokyo?",
     ["Hayashi and the delegation agreed during their meeting to strengthen ties."], ""),
    # the premise is no event taken as past: a plan asked about, or what was said of it
    ("What will Park discuss when he visits Tokyo?", [PARK_PLANS], ""),
    ("Which country was Park about to leave when he spoke of visiting Japan?",
     [PARK_PLANS], ""),
])
def test_abstain_when_the_questions_premise_is_told_only_as_planned(
        question: str, sentences: list[str], reason: str) -> None:
    got = unhappened_premise(question, [chosen_sentence(s) for s in sentences])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # the next one asked about, one held before told of
    ("Where will the next Security Policy Consultation be held?", HELD_12TH,
     "no passage tells of the next Consultation"),
    ("Who will lead Japan's side at the next Security Policy Consultation?", HELD_12TH,
     "no passage tells of the next Consultation"),
    ("Who will attend the upcoming summit?", "Yoon attended the summit in Madrid.",
     "no passage tells of the next summit"),
    # the one ahead told of
    ("Where will the next Security Policy Consultation be held?",
     "The next Security Policy Consultation will be held in Tokyo next year.", ""),
    ("Who will attend the upcoming summit?",
     "He has invited Yoon to the Group of Seven summit set for later this month.", ""),
    # no next one asked about
    ("Where was the 12th Security Policy Consultation held?", HELD_12TH, ""),
])
def test_abstain_when_the_next_occasion_is_asked_and_only_a_past_one_told(
        question: str, sentence: str, reason: str) -> None:
    got = unheld_occasion(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # the result of an event only held possible presupposes what never happened
    ("What was the result of North Korea's seventh nuclear test?",
     "With concerns over the possibility of North Korea conducting a seventh nuclear test, "
     "Park said that Pyongyang has now completed its preparations and that the decision to "
     "conduct the test rests on the political decision of the North.", "test took place"),
    ("What was the result of North Korea's seventh nuclear test?",
     "North Korea may conduct its seventh nuclear test in the coming days.",
     "test took place"),
    ("What was the result of North Korea's seventh nuclear test?",
     "North Korea conducted its seventh nuclear test on Sunday, and it failed.", ""),
    # so does what was done after it
    ("What did Washington do after North Korea's seventh nuclear test?",
     "Washington has vowed a swift and forceful response if such a test takes place.",
     "test took place"),
    ("What did Washington do after North Korea's seventh nuclear test?",
     "Washington imposed sanctions after North Korea conducted its seventh nuclear test.",
     ""),
    ("What was the outcome of the delegation's meeting with Prime Minister Kishida?",
     "The talks could pave the way for the group's meeting with Prime Minister Kishida.",
     "meeting took place"),
    # a meeting is an occasion, though WordNet files it under gatherings
    ("What was the outcome of the NATO summit in Spain?",
     "Yoon will attend the NATO summit in Spain later this month.", "summit took place"),
    ("What was the outcome of the NATO summit in Spain?",
     "Yoon attended the NATO summit in Spain, where leaders agreed on aid.", ""),
    # a group is no event: its aim is asked of what exists
    ("What is the aim of the cross-party group of Japanese lawmakers?",
     "A cross-party group of Japanese lawmakers aiming to help promote friendly ties "
     "between the two nations met with the delegation.", ""),
])
def test_an_attribute_of_an_event_presupposes_that_it_happened(question: str, sentence: str,
                                                              reason: str) -> None:
    got = unheld_occasion(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("weights", "abstains"), [(Weights(), True),
                                                   (Weights(occasion_senses=1), False)])
def test_the_weights_passed_in_decide_which_nouns_are_events(weights: Weights,
                                                             abstains: bool) -> None:
    soon = chosen_sentence("North Korea may conduct its seventh nuclear test soon.")
    got = unheld_occasion("What was the result of North Korea's seventh nuclear test?",
                          [soon], weights)
    assert bool(got) is abstains


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # the act is told, but of another country or person
    ("What did Japan restrict in 2019?", "South Korea restricted imports of Japanese fish.",
     "by someone else"),
    ("What did Kishida propose at the summit?", "Yoon proposed a hotline at the summit.",
     "by someone else"),
    # told of the one asked about, by any of its names
    ("What did Japan restrict in 2019?", "Tokyo restricted exports of chip materials.", ""),
    ("What did Kishida propose at the summit?",
     "Japanese Prime Minister Fumio Kishida proposed a hotline.", ""),
    # no one named for the act in the sentence, or no act told at all: not judged here
    ("What did Japan restrict in 2019?", "Exports of chip materials were restricted.", ""),
    ("What did Japan restrict in 2019?", "Relations soured in 2019.", ""),
    # the question names no one who acts
    ("What was restricted in 2019?", "South Korea restricted imports.", ""),
])
def test_abstain_when_the_act_is_told_only_of_someone_else(question: str, sentence: str,
                                                           reason: str) -> None:
    got = others_act(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "typed", "reason"), [
    ("When did North Korea conduct its seventh nuclear test?", False,
     "no passage about it gives a date"),
    ("When did North Korea conduct its seventh nuclear test?", True, ""),
    ("Who chairs the cross-party group?", False, "no passage about it gives a person's name"),
    ("What did the group discuss?", False, ""),  # nothing typed is asked
    # a degree ranks sentences but has wordings no detector knows ("the best ever")
    ("How much did Yoon say he wants to improve ties?", False, ""),
])
def test_abstain_when_the_evidence_lacks_the_asked_for_type(question: str, typed: bool,
                                                            reason: str) -> None:
    assert untyped_answer(question, [ranked_of("Some sentence.", has_type=typed)]) == reason


@pytest.mark.parametrize(("types", "reason"), [
    ((True,), ""),
    ((False,), "no passage about it gives a person's name"),
    # the best sentence is about the question; a second one, chosen for a word the first
    # lacks ("cooperate"), may name a person, but not the one asked for
    ((False, True), "no passage about it gives a person's name"),
    ((True, False), ""),
])
def test_only_the_best_sentence_gives_the_asked_for_type(types: tuple[bool, ...],
                                                         reason: str) -> None:
    question = "Which US official praised the leaders' vow to cooperate more closely?"
    chosen = [ranked_of(f"Sentence {i}.", has_type=t) for i, t in enumerate(types)]
    assert untyped_answer(question, chosen) == reason


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # the act is in no chosen sentence
    ("Did Japan apologise for the radar incident?",
     "The South Korean navy allegedly locked its fire control radar on a Japanese plane.",
     "whether Japan"),
    ("Did Yoon accept Kishida's invitation to the summit?",
     "He has invited Yoon to the Group of Seven summit set for later this month.",
     "whether Yoon"),
    # the actor is only the subject of a hedge or a plan
    ("Did Kishida attend the NATO summit?",
     "Yoon will attend the NATO summit, while sources said Kishida is considering taking "
     "part in the gathering.", "planned or considered"),
    ("Did Kishida attend the NATO summit?", "Kishida will attend the NATO summit.",
     "planned or considered"),
    # told: yes, or no (another controls them)
    ("Did Kishida attend the NATO summit?", "Kishida attended the NATO summit in Madrid.",
     ""),
    ("Does Japan control the islets it calls Takeshima?",
     "The two sides are at odds over islets controlled by Seoul and claimed by Tokyo.", ""),
    # whether a decision was made: that it is still being considered answers it (no)
    ("Had Kishida decided to go to the NATO summit?",
     "Yoon will attend the NATO summit, while sources said Kishida is considering taking "
     "part in the gathering.", ""),
    ("Had Kishida chosen to attend the NATO summit?",
     "Sources said Kishida is considering taking part in the gathering.", ""),
    # a speaker who says he will do something promises it, in other words
    ("Did Kishi promise to work toward close communication with Yoon?",
     "The delegation met Nobuo Kishi, who said he would strive to establish close "
     "communication with Yoon.", ""),
    ("Did Kishi pledge close communication with Yoon?",
     "Kishi said he would strive to establish close communication.", ""),
    # ... not when he says what someone else will do, nor what he did
    ("Did Kishi promise close communication with Yoon?",
     "Kishi said Pyongyang would test a missile soon.", "whether Kishi"),
    ("Did Kishi promise close communication with Yoon?",
     "Kishi said he had established close communication.", "whether Kishi"),
    # a promise tells of promising, not of the act promised
    ("Did Kishi attend the summit?", "Kishi said he would strive to meet Yoon.",
     "whether Kishi"),
    # what is still to come is answered by a plan; what happened is not
    ("Will Kishida attend the NATO summit?",
     "Sources said Kishida is considering attending the summit.", ""),
    ("Did Kishida attend the NATO summit?",
     "Sources said Kishida is considering attending the summit.", "planned"),
])
def test_abstain_when_a_yes_no_question_asks_what_no_one_says_happened(
        question: str, sentence: str, reason: str) -> None:
    got = unasserted(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # an office of a body the question names: the sentence must name the body
    ("Who is the president of Korea University?",
     "Chung Jin-suk led a delegation sent to Japan by President-elect Yoon Suk-yeol.",
     "names Korea University"),
    ("Who is the president of Korea University?",
     "Kim Dong-one, the president of Korea University, welcomed the students.", ""),
    # a country by any of its names
    ("Who is the president of South Korea?",
     "South Korean President Yoon Suk Yeol welcomed Kishida to Seoul.", ""),
    ("Who is the president of South Korea?",
     "Prime Minister Fumio Kishida met Chinese President Xi Jinping.", "South Korea"),
    # no body named: nothing to check
    ("Who is South Korea's president?", "Prime Minister Fumio Kishida met the delegation.",
     ""),
])
def test_abstain_when_the_office_is_of_a_body_no_sentence_names(question: str, sentence: str,
                                                                reason: str) -> None:
    got = unnamed_body(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # a person or a place of the asked event: the sentence must tell of the event
    ("Which Japanese minister attended Yoon's inauguration?",
     "Park said there would be a time for a meeting between Yoon and Japanese Prime "
     "Minister Fumio Kishida.", "attended"),
    ("Which Japanese minister attended Yoon's inauguration?",
     "Foreign Minister Yoshimasa Hayashi attended Yoon's inauguration.", ""),
    ("Which other countries did Japan colonise besides Korea?",
     "The two nations disagree over islets known as Takeshima in Japan.", "colonise"),
    ("Which other countries did Japan colonise besides Korea?",
     "Japan colonised Taiwan in 1895.", ""),
    # a past event must have taken place, not be only possible or planned
    ("Which Japanese minister did Park Jin meet when he visited Japan?",
     "Park said there would be an appropriate time for a possible meeting between Yoon and "
     "Japanese Prime Minister Fumio Kishida.", "meet"),
    ("Which Japanese minister did Park Jin meet?",
     "Park Jin will meet Foreign Minister Yoshimasa Hayashi next week.", "meet"),
    ("Which Japanese minister will Park Jin meet?",
     "Park Jin will meet Foreign Minister Yoshimasa Hayashi next week.", ""),
    # a verb with its particle is the event ("swear_in"), and is checked like any other
    ("Which Japanese minister was sworn in on Monday?",
     "Japan's foreign minister Yoshimasa Hayashi met the delegation on Monday.", "sworn"),
    ("Which Japanese minister was sworn in on Monday?",
     "Yoshimasa Hayashi was inaugurated as foreign minister on Monday.", ""),
    # a participle describing a noun tells of no event
    ("Who founded Korea University?",
     "Shin-wha Lee is a professor at Seoul-based Korea University.", "founded"),
    # ... but "who said ..." asks who said it, not whether it happened
    ("Who said Kishida was weighing whether to attend the NATO gathering?",
     "Japanese government sources said Kishida is considering taking part in the gathering.",
     ""),
    # ... and what was weighed is the act asked of: talk of the matter is not it
    ("Which Japanese official said Tokyo would consider lifting the export restrictions?",
     "Hagiuda and the delegation discussed export controls, an official told reporters.",
     "lifting"),
    ("Which Japanese official said Tokyo would consider lifting the export restrictions?",
     "An official said Tokyo would consider lifting the export restrictions.", ""),
    # an event that only dates the question is not asked about
    ("Who was Japan's prime minister when Yoon was sworn in?",
     "Prime Minister Fumio Kishida met the delegation.", ""),
    # nor for other kinds of answer
    ("When did Japan colonise Korea?", "The two nations disagree over islets.", ""),
    # a reason is a reason for the event asked about, not for another in its passage
    ("Why did some members of Kishida's ruling party oppose a meeting with the delegation?",
     "Relations have deteriorated sharply due to security concerns.", "why 'oppose'"),
    ("Why did Japan restrict exports to South Korea?",
     "Tokyo restricted exports to South Korea, seen as retaliation for a court ruling.", ""),
    # a question that asks whose report it is: a sentence naming a source tells of it
    ("According to what source did Japan's defence chief vow close communication?",
     "Kishi said he would strive for close communication, according to a statement.", ""),
    # a noun tells of an event as something that happens, not as the people taking part
    # ("party" is one WordNet link from "accompany", as the group one goes with)
    ("Which Japanese minister accompanied Kishida to Seoul?",
     "Meetings with Foreign Minister Yoshimasa Hayashi could pave the way for the group's "
     "meeting with Kishida despite opposition from some members of his ruling party.",
     "accompanied"),
    # ... or as the one who does it: the leader of a delegation tells who led it
    ("Who led the delegation that Yoon sent to Japan?",
     "Chung Jin-suk, Vice Speaker of the National Assembly and leader of a delegation "
     "sent to Japan by Yoon, talks with Hayashi.", ""),
    # a role given as what someone is "described as" is told by a sentence giving it
    ("Which Japanese politician is described as Shinzo Abe's successor?",
     "The delegation plans to meet Shinzo Abe and his successor, Yoshihide Suga.", ""),
    ("Which Japanese politician is described as Shinzo Abe's successor?",
     "The delegation plans to meet Shinzo Abe and former minister Taro Kono.",
     "described"),
    # where an occasion was held is the place that hosted it; a person is no occasion
    ("Which city hosted the Security Policy Consultation in April 2023?",
     "The 12th Security Policy Consultation, held in Seoul, was attended by Seo Min-jeong.",
     ""),
    ("Which city hosted Yoon in April 2023?",
     "Yoon attended the 12th Security Policy Consultation in Seoul.", "hosted"),
    # what prompted an event, or led someone to it, asks why it happened: the event
    # tells it, not the verb of causing
    ("What led Seoul to scrap the pact in 2019?",
     "Seoul scrapped the pact in August 2019 amid a trade spat.", ""),
    ("What led Seoul to scrap the pact in 2019?",
     "Relations soured in 2019 because of a court ruling.", "why"),
    # ... but to lead a group is no causing
    ("Who led Japan's delegation at the talks with China?",
     "Hayashi met Japan's delegation at the talks with China.", "led"),
    ("What prompted the suspension of security cooperation in 2018?",
     "The security cooperation was suspended in 2018 in the aftermath of a radar dispute.",
     ""),
    ("What prompted the suspension of security cooperation in 2018?",
     "Relations soured in 2018 after a court ruling.", "why"),
])
def test_abstain_when_no_sentence_tells_of_the_event_a_person_or_place_is_asked_for(
        question: str, sentence: str, reason: str) -> None:
    got = untold_event(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    ("What did Yoon say in his closing remarks?",
     "Yoon said in opening remarks that cooperation is essential.", "opening remarks"),
    ("What did Lee say at the informal talks?",
     "Lee said at the formal talks that ties should improve.", "formal talks"),
    # the same qualifier, none, or one that is no opposite
    ("What did Yoon say in his opening remarks?",
     "Yoon said in opening remarks that cooperation is essential.", ""),
    ("What did Yoon say in his closing remarks?",
     "Yoon said in his remarks that cooperation is essential.", ""),
    ("What did Yoon say in his closing remarks?",
     "Yoon said in brief remarks that cooperation is essential.", ""),
    # another place in a ranking: "second-largest" is not "largest", "first" not "12th"
    ("Who leads the second-largest faction of the Liberal Democratic Party?",
     "Abe leads the largest faction within the ruling Liberal Democratic Party.",
     "largest faction"),
    ("Where was the first round held?", "The 12th round was held in Seoul.", "12th round"),
    ("Who leads the largest faction of the party?",
     "Abe leads the biggest faction within the party.", ""),
    ("Who leads the largest faction of the party?",
     "Abe leads the largest faction within the party.", ""),
])
def test_abstain_when_the_evidence_qualifies_the_asked_noun_the_opposite_way(
        question: str, sentence: str, reason: str) -> None:
    got = contradicted(question, [chosen_sentence(sentence)])
    assert reason in got and bool(got) is bool(reason)


WAR_DEAD = "The Korean War left nearly 5 million people dead."


@pytest.mark.parametrize(("question", "texts", "reason"), [
    # the number counts another occasion's dead
    ("How many people died in the 2018 radar incident?", [WAR_DEAD], "radar incident"),
    ("How many people died in the Korean War?", [WAR_DEAD], ""),
    # the sentence before names the occasion the number belongs to
    ("How many people died in the radar incident?",
     ["The radar incident happened in 2018.", "Two people died."], ""),
    ("How many people died in the radar incident?",
     ["The summit happened in 2018.", "Two people died."], "radar incident"),
    # no occasion asked about: nothing to tie
    ("How many times did Lee and Kishi chat?", ["They chatted on three occasions."], ""),
    # a span of time is said of what the question asks how long of
    ("How long has Ned Price held his post?", ["A test may come in the coming days, "
                                               "spokesman Ned Price said last week."],
     "how long"),
    ("How long did the delegation's trip to Japan last?",
     ["The delegation is on a five-day trip to Japan."], ""),
    # a span said of someone else's visit (Kishida's, tagged an organisation)
    ("How long did Yoon's March visit to Tokyo last?",
     ["Kishida\u2019s visit, the first to Seoul in 12 years, returns the trip Yoon made."],
     "how long of 'visit'"),
    ("How long did Yoon's visit to Tokyo last?", ["Yoon's visit lasted two days."], ""),
    # a span an ordinal bounds is the gap since the last one, not a length; a span of
    # another clause's verb is that clause's (probe50 ca04)
    ("How long did Kishida's stay in Seoul last?",
     ["Kishida's visit, the first by a Japanese leader to Seoul in 12 years, returns the "
      "trip Yoon made, where they sought to close disputes that have dominated relations "
      "for decades."], "how long of 'stay'"),
    ("How long had it been since a Japanese leader last visited Seoul?",
     ["Kishida's visit, the first by a Japanese leader to Seoul in 12 years, returns the "
      "trip Yoon made."], ""),
    ("How long did Kishida's visit to Seoul last?",
     ["Kishida's two-day visit, the first to Seoul in 12 years, began on Sunday."], ""),
    # the occasion the verb's preposition takes: days spent on a trip
    ("How many days did the group spend on its Japan trip?",
     ["The delegation is on a five-day trip to Japan."], ""),
    ("How many days did the group spend on its Japan trip?",
     ["North Korea may conduct a test in the coming days."], "how long of 'spend'"),
    # the occasion a verb is said of tells how long too, through "rounds of"
    ("Over how many years were the rounds of security talks spread?",
     ["They held a total of 11 security talks over the next two decades."], ""),
    ("Over how many years were the rounds of security talks spread?",
     ["The ceasefire held for two decades."], "how long"),
    # the duration of one: a span over which several were held is not its length
    ("What was the duration of the security dialogue in Seoul?",
     ["They held a total of 11 security talks over the next two decades."],
     "how long of 'dialogue'"),
    ("What was the duration of the security dialogue in Seoul?",
     ["The security talks in Seoul lasted two days."], ""),
    ("When did the radar incident happen?", [WAR_DEAD], ""),
    # a name after "during" is an occasion the tagger may not know as an event
    ("How many missiles did North Korea launch during the Shangri-La Dialogue?",
     ["North Korea has conducted at least 18 missile tests this year."], "Shangri"),
    ("How many missiles did North Korea launch during 2022?",
     ["North Korea has conducted at least 18 missile tests this year."], ""),
])
def test_a_count_must_be_told_of_the_occasion_asked_about(question, texts, reason):  # type: ignore[no-untyped-def]
    p = passage_of_sentences(*texts)
    r = Ranked(sentence=p.sentences[-1], passage=p, score=1.0, semantic=0.8, lexical=0.5,
               has_type=True)
    got = untied_count(question, [r])
    assert (reason in got) and bool(got) is bool(reason)


MISSILES = "North Korea has conducted at least 18 missile tests this year."


@pytest.mark.parametrize(("question", "texts", "reason"), [
    # the number counts tests of another kind than asked
    ("How many nuclear tests has North Korea carried out this year?", [MISSILES],
     "count missile tests, not nuclear tests"),
    ("How many missile tests has North Korea carried out this year?", [MISSILES], ""),
    # no kind asked: any count of the noun answers; nor is "many" a kind
    ("How many tests has North Korea carried out this year?", [MISSILES], ""),
    # a count of the noun with no kind named may count the kind asked
    ("How many nuclear tests has North Korea carried out?",
     ["North Korea has conducted 18 tests this year."], ""),
    # one sentence counting the kind asked is enough
    ("How many missile tests has North Korea carried out?",
     ["Pyongyang has held 2 nuclear tests.", MISSILES], ""),
    ("How many Japanese companies were ordered to pay?",
     ["The court ordered three Korean companies to pay."],
     "count Korean companies, not Japanese companies"),
    # a noun no number counts is for the other checks
    ("How many nuclear tests has North Korea carried out?",
     ["North Korea has vowed to beef up its nuclear arsenal."], ""),
    ("How many people died in the Korean War?",
     ["The Korean War left nearly 5 million people dead."], ""),
])
def test_a_count_of_another_kind_does_not_answer(question, texts, reason):  # type: ignore[no-untyped-def]
    chosen = [chosen_sentence(t) for t in texts]
    got = other_kind_counted(question, chosen)
    assert (reason in got) and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "date", "reason"), [
    # "this year" in a 2022 report is 2022, not the year asked about
    ("How many missile tests did North Korea carry out in 2017?",
     "North Korea has conducted at least 18 missile tests this year.", "2022-06-13",
     "place it in 2022, not 2017"),
    ("How many missile tests did North Korea carry out in 2022?",
     "North Korea has conducted at least 18 missile tests this year.", "2022-06-13", ""),
    ("What happened in 2019?", "Relations soured in 2018.", "", "place it in 2018"),
    ("What happened in 2019?", "Relations soured last year.", "2020-01-05", ""),
    # the sentence names the year asked about, if only as a bound
    ("Who tested a bomb in 2017?", "It may conduct its first test since 2017 soon.",
     "2022-06-13", ""),
    # a sentence that places nothing in time may tell of any
    ("Who attended the talks in April 2023?", "Seo and Funakoshi attended the talks.",
     "2022-01-01", ""),
    # a time told relative to a 2023 report is in 2023 ("later this month", "on Sunday")
    ("Which country hosted the Group of Seven summit in 2022?",
     "He invited Yoon to the summit set for later this month in Japan.", "2023-05-07",
     "place it in 2023, not 2022"),
    ("Who hosted Kishida in 2022?", "Yoon said on Sunday as he welcomed Kishida.",
     "2023-05-07", "place it in 2023, not 2022"),
    ("Who hosted Kishida in 2023?", "Yoon said on Sunday as he welcomed Kishida.",
     "2023-05-07", ""),
    # a year that only bounds the question's span places nothing
    ("How many talks were held before 2018?", "The first talks were held in 1998.", "", ""),
    # nor does a date that names an occasion ("the April 2023 round")
    ("How many talks had they held before the April 2023 round?",
     "Since the first meeting was held in Seoul in 1998, they held 11 talks.", "", ""),
])
def test_evidence_placed_in_another_year_does_not_answer(question: str, sentence: str,
                                                          date: str, reason: str) -> None:
    got = other_time(question, [ranked_of(sentence, date=date)])
    assert (reason in got) and bool(got) is bool(reason)


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # the topic "about" names is in no chosen sentence
    ("What was agreed about trade at the 12th Security Policy Consultation?",
     "The 12th Security Policy Consultation, held in Seoul, was attended by two directors.",
     "no passage about it tells of trade"),
    # ... or it is, or a word WordNet puts next to it ("commerce" for "trade")
    ("What pledge did the envoys make about bilateral relations?",
     "The envoys pledged to improve bilateral relations.", ""),
    ("What was agreed about trade?", "Both sides agreed to expand their commerce.", ""),
    ("What was agreed about trade?", "Both sides agreed to expand trade.", ""),
    # what someone said about a topic is unsaid's to judge; no topic, nothing to judge
    ("What did Ned Price say about trade?", "Price spoke to reporters.", ""),
    ("What was agreed at the consultation?", "The consultation was held in Seoul.", ""),
])
def test_abstain_when_no_sentence_tells_of_the_topic(question: str, sentence: str,
                                                     reason: str) -> None:
    assert untold_topic(question, [chosen_sentence(sentence)]) == reason


_RULE = "What did the WTO rule on Seoul's complaint?"


@pytest.mark.parametrize(("question", "sentence", "reason"), [
    # the named doer is only named, and no word tells of its act
    (_RULE, "Seoul has filed a complaint with the World Trade Organization against Japan.",
     "no passage tells what WTO did ('rule')"),
    # the doer acts, under its full name or as the agent of a passive
    (_RULE, "The World Trade Organization has yet to take up the complaint.", ""),
    (_RULE, "The complaint was rejected by the WTO in March.", ""),
    # the act is told, whoever the sentence says did it (others_act judges the doer)
    (_RULE, "A panel ruled on the complaint in March.", ""),
    ("What did China think of Kishida's proposal for talks?",
     "Kishida will urge trilateral talks with China this year.",
     "no passage tells what China did ('think')"),
    # a pronoun may stand for the doer
    ("What did Hayashi think of the proposal?", "He welcomed the proposal.", ""),
    # telling is the article's own act; a passive's doer is elsewhere; an outlet tells
    ("How does Yonhap describe the ties?", "The two countries have long had strained ties.", ""),
    ("What was Suga described as?", "Abe's successor, Yoshihide Suga, met the group.", ""),
    # a typed question has its own checks
    ("When did the WTO rule on Seoul's complaint?",
     "Seoul has filed a complaint with the World Trade Organization in 2019.", ""),
])
def test_abstain_when_the_named_doer_does_nothing_in_the_evidence(question: str, sentence: str,
                                                                  reason: str) -> None:
    assert unacted(question, [chosen_sentence(sentence)]) == reason
