"""Reference content of the national improvement-plan format, paraphrased in Dutch.

Source: S2, *Leidraad werken aan onderwijsverbetering* (onderwijskennis.nl),
handvatten bij aanbeveling 1, after Brouwer, P., Hermanussen, J., Vink, R.,
Doppenberg, J., van den Hout, J., & van Kan, C. (2019). *Samenwerken aan
onderwijskwaliteit. Eindrapportage NRO.* The step names, the reason kinds,
the precondition questions and the bottleneck titles belong to that format;
the wording here is ours.
"""

from __future__ import annotations

SOURCE = (
    "Leidraad *Werken aan onderwijsverbetering*, handvatten bij aanbeveling 1 "
    "(onderwijskennis.nl), gebaseerd op Brouwer, P., Hermanussen, J., Vink, R., Doppenberg, J., "
    "van den Hout, J., & van Kan, C. (2019). *Samenwerken aan onderwijskwaliteit. Eindrapportage NRO.* "
    "Den Haag: NRO."
)

STEPS = {
    1: ("Verbeterdoel", "Op welk onderwerp of thema richt de verbetering van het team zich?"),
    2: ("Aanleiding", "Waarom wil het team verbeteren? Zo concreet mogelijk, met het soort aanleiding."),
    3: ("Plan van aanpak", "Welke activiteiten, wanneer en door wie; is eerst onderzoek naar oorzaken nodig; "
        "waarom zou deze aanpak werken; welke randvoorwaarden zijn nodig en hoe worden ze bewaakt?"),
    4: ("Doelstelling", "Welk doel of resultaat, wanneer is het team tevreden, hoe wordt het vastgesteld "
        "(harde en zachte gegevens), wanneer wordt tussentijds en aan het eind geëvalueerd, en is het doel SMART?"),
    5: ("Uitvoeren en tussentijds evalueren", "Loopt de uitvoering zoals gepland, wat gaat anders, en moet het plan "
        "worden bijgesteld? Zo ja: hoe en waarom?"),
    6: ("Evalueren en borgen", "Zijn de doelen gehaald, waarom werkte de aanpak wel of niet, hoe worden de "
        "resultaten geborgd, en waarmee begint zo nodig een volgende cyclus (weer bij stap 1 en 2)?"),
}
"""Step number → (title, what the step asks, in our words). S2 L44-182."""

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
    ("Teamleden hebben te weinig tijd", [
        "Kies duidelijke prioriteiten.",
        "Reserveer vaste momenten voor de professionele leergemeenschap (PLG).",
        "Deel de PLG's in met oog voor de werkdagen van de teamleden.",
        "Maak in teamvergaderingen vast ruimte voor de dialoog, bijvoorbeeld door organisatorische zaken schriftelijk af te handelen.",
        "Schep overlegtijd door administratief werk bij andere functionarissen te beleggen.",
        "Werk met een vaste methode, zoals een onderzoekscyclus, zodat de speerpunten in beeld blijven.",
    ]),
    ("Teamleden hebben weinig onderzoeksvaardigheden", [
        "Bespreek in het team hoe teamleden onderzoeksvaardigheden kunnen opdoen: via een opleiding of door mee te doen aan onderzoek.",
        "Lees literatuur over onderzoek doen.",
        "Volg de cyclus uit aanbeveling 1 en 2.",
        "Werk samen met een onderzoeksinstelling, practoraat of lectoraat.",
        "Verbind onderzoek dat teamleden al doen (bijvoorbeeld voor een master) met de PLG.",
    ]),
    ("Een deel van het team zit in de PLG; de rest voelt zich onvoldoende betrokken", [
        "Bespreek de voortgang regelmatig in het team, bijvoorbeeld in teamvergaderingen.",
        "Deel niet alleen informatie, maar bespreek ook dilemma's.",
        "Houd het speerpunt op een speelse manier zichtbaar, bijvoorbeeld met een poster met QR-code naar updates.",
        "Vraag per mail om feedback op een concept van het verbeterplan.",
        "Praat ook informeel over het plan; wie niet in de PLG zit, kan naar opbrengsten vragen en belangstelling tonen.",
    ]),
]
"""Bottleneck → tips for teams. S2 L201-266."""
