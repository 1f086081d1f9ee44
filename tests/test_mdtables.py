"""Hand-written Markdown tables become datasets: numbers in machine form, unit in the column name."""

from kwsite.mdtables import datasets, find, scope_headers, with_links

PAGE = """# Trends

## Arbeidsmarkt

| Regio | Groei | Bedrag | Aantal | Toelichting |
|---|---|---|---|---|
| [Groot Amsterdam](x.md) | 3,0% | € 7,0 mln | 1.731 | ICT, **zakelijk** |
| Nederland | 1,8% | | 12 | |

```
| niet | een tabel |
|---|---|
```
"""


def test_columns_of_percentages_amounts_and_numbers_become_numbers():
    [d] = datasets(PAGE, "hoofdstukken/02-trends.md")
    assert d.key == "tekst-02-trends-1" and d.title == "Arbeidsmarkt (tabel 1)"
    assert d.columns == ("Regio", "Groei (%)", "Bedrag (mln euro)", "Aantal", "Toelichting")
    assert d.rows == (("Groot Amsterdam", "3.0", "7.0", "1731", "ICT, zakelijk"), ("Nederland", "1.8", "", "12", ""))
    assert d.column_types() == ["string", "number", "number", "number", "string"]
    assert '"rows": [\n  [\n   "Groot Amsterdam",\n   3.0,\n   7.0,\n   1731,' in d.json()


def test_links_go_right_under_each_table_and_not_in_code():
    assert len(find(PAGE)) == 1
    out = with_links(PAGE, ["LINK"]).split("\n")
    assert out[out.index("| Nederland | 1,8% | | 12 | |") + 2] == "LINK"


def test_header_cells_get_a_scope_once():
    html = '<table><thead><tr><th>A</th><th style="x">B</th><th scope="col">C</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    assert scope_headers(html).count('scope="col"') == 3
