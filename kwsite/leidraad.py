"""Reference content of the national improvement-plan format, paraphrased in Dutch.

Source: S2, *Leidraad werken aan onderwijsverbetering* (onderwijskennis.nl),
handvatten bij aanbeveling 1, after Brouwer, P., Hermanussen, J., Vink, R.,
Doppenberg, J., van den Hout, J., & van Kan, C. (2019). *Samenwerken aan
onderwijskwaliteit. Eindrapportage NRO.* The step names, the reason kinds,
the precondition questions and the bottleneck titles belong to that format
(step titles as S2 prints them); the wording of questions and tips here is ours.
"""

from __future__ import annotations

SOURCE = (
    "Leidraad *Werken aan onderwijsverbetering*, handvatten bij aanbeveling 1 "
    "(onderwijskennis.nl), gebaseerd op Brouwer, P., Hermanussen, J., Vink, R., Doppenberg, J., "
    "van den Hout, J., & van Kan, C. (2019). *Samenwerken aan onderwijskwaliteit. Eindrapportage NRO.* "
    "Den Haag: NRO."
)

STEPS = {
    1: (
        "Verbeterdoel",
        "Waar richt de verbetering zich op?",
        [
            "Op welke onderwijsverbetering (onderwerp of thema) richt het team zich?",
        ],
    ),
    2: (
        "Aanleiding voor verbetering van de onderwijskwaliteit",
        "Beschrijf de aanleiding (redenen) zo concreet mogelijk.",
        [
            "Om welke redenen wil het team verbeteren? Zo concreet mogelijk, met het soort aanleiding.",
        ],
    ),
    3: (
        "Verbeterplan / plan van aanpak",
        "Hoe gaat het team werken aan verbetering van de onderwijskwaliteit?",
        [
            "Is meer onderzoek nodig om de oorzaken van het probleem te begrijpen?",
            "Zo ja: wat is het plan om de oorzaken te achterhalen?",
            "Zo nee: met welke activiteiten wordt het probleem opgelost of verbeterd?",
            "Waarom kan deze aanpak volgens het team tot verbetering leiden (theorie, ervaring)?",
            "Wanneer wordt het plan uitgevoerd en wie is verantwoordelijk?",
            "Welke randvoorwaarden zijn nodig om het plan te laten slagen, en hoe worden die bewaakt of gerealiseerd?",
        ],
    ),
    4: (
        "Doelstelling",
        "Wat is het na te streven doel?",
        [
            "Welke doelen of resultaten streeft het plan na?",
            "Wanneer zijn de doelen bereikt; wanneer is het team tevreden?",
            "Hoe wordt vastgesteld of de doelen bereikt zijn (harde en zachte gegevens)?",
            "Wanneer wordt tussentijds en aan het eind geëvalueerd?",
            "Is het doel SMART geformuleerd (specifiek, meetbaar, acceptabel, realistisch en tijdgebonden)?",
        ],
    ),
    5: (
        "Uitvoeren van verbeterplan en tussentijds evalueren",
        "Evalueer op vastgestelde momenten de uitvoering en ga na of de doelen gehaald gaan worden.",
        [
            "Verloopt de uitvoering zoals gepland en worden de doelen bereikt?",
            "Zo nee: wat gaat anders dan gepland?",
            "Moet het verbeterplan of de aanpak worden bijgesteld?",
            "Zo ja: welke aanpassingen, waarom, en hoe ziet het aangepaste plan eruit?",
        ],
    ),
    6: (
        "Evalueren",
        "Evalueer op een vastgesteld moment of de verbeteringen gerealiseerd en de doelen gehaald zijn.",
        [
            "Zijn de doelen of resultaten behaald, gemeten met de aanpak en criteria van stap 4?",
            "Waarom heeft het plan of de aanpak wel of niet gewerkt?",
            "Als de doelen behaald zijn: hoe borgt het team de resultaten?",
            "Als de doelen niet (helemaal) behaald zijn: waarover is het team niet tevreden? Daarmee begint een "
            "volgende cyclus, weer vanaf stap 1 en 2.",
        ],
    ),
}
"""Step number → (title as S2 prints it, the step's lead question or instruction (S2 L45, 74-75, 79, 112, 137-138,
161-162), the questions of the step in our words). S2 L44-182."""

REASONS = {
    "extern": "Ontwikkeling van buitenaf (bijvoorbeeld in examens of beroepenveld)",
    "resultaten": "Scores of resultaten waarover het team niet tevreden is",
    "missie_visie": "Veranderde missie of visie van de opleiding",
    "leermiddelen": "Ontevredenheid over de leermiddelen",
    "eerder_plan": "Bijstelling na evaluatie van een eerder verbeterplan",
    "ervaringen": "Ervaringen van het team of van studenten",
    "anders": "Anders",
}
"""Reason kind → label. S2 L57-73."""

PRECONDITIONS = {
    "professionalisering": "Welke scholing en ondersteuning zijn nodig, wie biedt die (binnen of buiten de opleiding) en hoe wordt dat betaald?",
    "informatie": "Hoe blijven alle teamleden op de hoogte, ook bij wisselingen in het team?",
    "teamcultuur": "Wat vraagt het van teamleden om nieuwe afspraken na te komen, en past de teamcultuur (feedback geven en krijgen) daarbij?",
    "middelen": "Zijn de nodige materialen en ICT-voorzieningen er?",
    "rooster": "Moet het rooster worden aangepast?",
    "overlegtijd": "Is er genoeg tijd om te overleggen?",
    "deelname": "Kan iedereen aan de overleggen deelnemen?",
}
"""Precondition topic → checklist question. S2 L183-200."""

BOTTLENECKS = [
    (
        "Teamleden hebben te weinig tijd",
        [
            "Kies duidelijke prioriteiten.",
            "Reserveer vaste momenten voor de professionele leergemeenschap (PLG).",
            "Deel de PLG's in met oog voor de werkdagen van de teamleden.",
            "Maak in teamvergaderingen vast ruimte voor de dialoog, bijvoorbeeld door organisatorische zaken schriftelijk af te handelen.",
            "Schep overlegtijd door administratief werk bij andere functionarissen te beleggen.",
            "Werk met een vaste methode, zoals een onderzoekscyclus, zodat de speerpunten in beeld blijven.",
        ],
    ),
    (
        "Teamleden hebben weinig onderzoeksvaardigheden",
        [
            "Bespreek in het team hoe teamleden onderzoeksvaardigheden kunnen opdoen: via een opleiding of door mee te doen aan onderzoek.",
            "Lees literatuur over onderzoek doen.",
            "Volg de cyclus uit aanbeveling 1 en 2.",
            "Werk samen met een onderzoeksinstelling, practoraat of lectoraat.",
            "Verbind onderzoek dat teamleden al doen (bijvoorbeeld voor een master) met de PLG.",
        ],
    ),
    (
        "Een deel van het team zit in de PLG; de rest voelt zich onvoldoende betrokken",
        [
            "Bespreek de voortgang regelmatig in het team, bijvoorbeeld in teamvergaderingen.",
            "Deel niet alleen informatie, maar bespreek ook dilemma's.",
            "Houd het speerpunt op een speelse manier zichtbaar, bijvoorbeeld met een poster met QR-code naar updates.",
            "Vraag per mail om feedback op een concept van het verbeterplan.",
            "Praat ook informeel over het plan; wie niet in de PLG zit, kan naar opbrengsten vragen en belangstelling tonen.",
        ],
    ),
]
"""Bottleneck → tips for teams. S2 L201-266."""
