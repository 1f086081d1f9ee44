"""Privacy by default: redact() removes every personal name of an owner from the site model."""

from conftest import ROOT
from kwsite.build import load_site
from kwsite.model import Owner
from kwsite.privacy import HIDDEN, hide, person_names, redact


def test_hide_keeps_the_role_or_says_the_name_is_hidden():
    assert hide(Owner(role="projectleider", person="Denise Speckamp")) == Owner(role="projectleider")
    assert hide(Owner(person="J.R.H. Holtz")) == Owner(role=HIDDEN)
    assert hide(Owner(role="MT mbo")) == Owner(role="MT mbo")


def test_redact_removes_the_two_names_of_s0_and_nothing_else():
    site, _ = load_site(ROOT / "examples" / "clusius" / "data")
    assert person_names(site) == {"J.R.H. Holtz", "Denise Speckamp"}  # S0 L68-69, L627-628
    hidden = redact(site)
    assert person_names(hidden) == set()
    roles = [o.role for line in hidden.lines() for o in line.owners]
    assert roles.count("Ambassadeur Kwaliteitsnetwerk") == 1 and roles.count("projectleider") == 1
    assert len(roles) == len([o for line in site.lines() for o in line.owners])
    assert [x.goal for x in hidden.lines()] == [x.goal for x in site.lines()]
