"""Who a question means by an office ("the Japanese premier"): rag.referents.resolve."""

import pytest

from rag.corpus import Sentence
from rag.referents import resolve
from rag.results import Passage

KISHIDA = ("South Korean President Yoon Suk Yeol said on Sunday as he welcomed Japanese "
           "Prime Minister Fumio Kishida to Seoul.")
MOON = ("Under the previous administration of South Korean President Moon Jae In, "
        "bilateral relations deteriorated.")
HAYASHI = ("Chung Jin-suk talks with the Minister of Foreign Affairs Yoshimasa Hayashi "
           "during their meeting on Monday.")
PARK = ("South Korea's Foreign Minister Park Jin said separately on Sunday that he will "
        "arrange a time to visit Japan.")
LEE = ("South Korean Defense Minister Lee Jong Sup spoke at the annual Asia Security "
       "Summit in Singapore.")
KISHI = "Later in the day, the delegation met with Defense Minister Nobuo Kishi."
PRICE = ("North Korea may conduct a nuclear test, US State Department spokesman Ned Price "
         "told reporters last week.")
PROFESSOR = ("The focus is expected to be security cooperation, said Shin-wha Lee, a "
             "professor of international relations at Seoul-based Korea University.")


def _passage(text: str, n: int) -> Passage:
    s = Sentence(f"d{n}", 0, len(text), text, "body")
    return Passage(chunk_id=f"d{n}:0", doc_id=f"d{n}", title="", outlet="", date="",
                   text=text, start=0, end=len(text), score=1.0, sentences=(s,))


@pytest.mark.parametrize(("question", "texts", "expected"), [
    # a broader or the same word for the office, of the same country
    ("What did the Japanese premier say he hoped to discuss?", [KISHIDA, PARK],
     "What did Fumio Kishida say he hoped to discuss?"),
    ("What did Tokyo's top diplomat say about Yoon?", [HAYASHI, PARK],
     "What did Yoshimasa Hayashi say about Yoon?"),
    ("What did the American spokesman warn of?", [PRICE, LEE],
     "What did Ned Price warn of?"),
    # a noun qualifier must be the office's: defense, not foreign; the country decides
    ("What did Seoul's defence chief say?", [LEE, KISHI, PARK],
     "What did Lee Jong Sup say?"),
    ("What did Japan's defence minister promise?", [LEE, KISHI],
     "What did Nobuo Kishi promise?"),
    # a one-word name keeps the description beside it
    ("According to the Korea University academic, what could hinder US goals?",
     [PROFESSOR.replace("Shin-wha Lee", "Lee"), LEE], "According to Lee, the Korea "
     "University academic, what could hinder US goals?"),
    # ... a full name, given name first, stands alone
    ("According to the Korea University academic, what could hinder US goals?",
     [PROFESSOR, LEE], "According to Shin-wha Lee, what could hinder US goals?"),
    # one person spelt two ways: the best-ranked passage's spelling, whatever the
    # process's hash seed (a set's order decided it, so answers changed between runs)
    ("What did Seoul's defence chief say?", [LEE, LEE.replace("Jong Sup", "Jong-sup")],
     "What did Lee Jong Sup say?"),
    ("What did Seoul's defence chief say?", [LEE.replace("Jong Sup", "Jong-sup"), LEE],
     "What did Lee Jong-sup say?"),
    # two people fit: the question stays as it was
    ("What did the South Korean president say?", [KISHIDA, MOON], None),
    # no one fits: the office of a ministry official is no minister's
    ("What did the Japanese foreign ministry official say?", [HAYASHI], None),
    # asks who it is, or calls no one in particular
    ("Who is the Japanese premier?", [KISHIDA], None),
    ("What is the name of the Japanese premier?", [KISHIDA], None),
    ("Which Japanese minister met the delegation?", [KISHI, HAYASHI], None),
    ("Did a Japanese diplomat visit Seoul?", [HAYASHI], None),
    ("Was Shinzo Abe still Japan's prime minister in 2022?", [KISHIDA], None),
    # named already, or part of another word
    ("What did Kishida, the Japanese premier, say?", [KISHIDA], None),
    ("What did Yoon ask the South Korean president-elect to do?", [KISHIDA], None),
    # a person noun with no article is no description ("in relation to")
    ("How does Reuters describe Seoul in relation to Washington?", [KISHIDA], None),
])
def test_a_described_person_is_named_when_one_person_fits(question, texts, expected):
    passages = [_passage(t, i) for i, t in enumerate(texts)]
    assert resolve(question, passages) == (expected or question)
