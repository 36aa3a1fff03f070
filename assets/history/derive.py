#!/usr/bin/env python3
"""derive.py: forms the SE31 series the fit compares the model with
(observed.csv) from the source files beside it; see README.md.

Usage: python3 assets/history/derive.py   (writes assets/history/observed.csv)
Model time convention: a flow or rate of year Y (GRP, emissions, new firms,
unemployment) is compared at model year Y; a stock counted on 1 January of
year Y + 1 (population) is the stock at the end of model year Y."""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTIES = {"17": "Värmlands län", "20": "Dalarnas län", "21": "Gävleborgs län"}

# Each source in Swedish (the column source_sv, which the window shows in Swedish).
SOURCE_SV = {
    "Eurostat tgs00096 (1 Jan of the next year)": "Eurostat tgs00096 (1 januari året därpå)",
    "[S16] SCB, 31 Dec": "[S16] SCB, 31 december",
    "SCB national accounts, GDP at constant 2022 prices (grp.csv)":
        "SCB:s nationalräkenskaper, BNP i fasta 2022 års priser (grp.csv)",
    "SCB national accounts, current / constant prices (grp.csv)":
        "SCB:s nationalräkenskaper, löpande / fasta priser (grp.csv)",
    "SCB regional accounts via Region Dalarna (effektivitet.csv BRP)":
        "SCB:s regionalräkenskaper via Region Dalarna (effektivitet.csv BRP)",
    "effektivitet.csv BRP deflated by Sweden's GDP deflator, 2020 prices":
        "effektivitet.csv BRP deflaterad med Sveriges BNP-deflator, 2020 års priser",
    "RUS/SMHI via Region Dalarna (effektivitet.csv Utsläpp)":
        "RUS/SMHI via Region Dalarna (effektivitet.csv Utsläpp)",
    "Tillväxtanalys via Region Dalarna (new_firms.csv)":
        "Tillväxtanalys via Region Dalarna (new_firms.csv)",
    "Eurostat tgs00010, LFS 15-74": "Eurostat tgs00010, AKU 15–74 år",
    "Kolada via Region Dalarna (education.csv)": "Kolada via Region Dalarna (education.csv)",
}


def rows(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    out = []  # (year, series, value, unit, source)

    # Population on 1 January of Y + 1 = end of year Y.
    for r in rows("population_demography.csv"):
        if r["region_code"] == "SE31" and r["variable"] == "population_1jan":
            y = int(r["year"]) - 1
            if y >= 2009:
                out.append((y, "population", float(r["value"]), "persons",
                            "Eurostat tgs00096 (1 Jan of the next year)"))
    # End of 2019 and 2020 from SCB via Tillväxtverket [S16] (research note §6).
    out.append((2019, "population", 857762.0, "persons", "[S16] SCB, 31 Dec"))
    out.append((2020, "population", 858063.0, "persons", "[S16] SCB, 31 Dec"))

    # Sweden's GDP deflator: sums of the quarters at current and constant 2022 prices.
    cur, con = {}, {}
    for r in rows("grp.csv"):
        v = r["variable"]
        if r["region_code"] != "SE" or not v.startswith("gdp_market_prices_K"):
            continue
        y = int(r["year"])
        if v.endswith("_current"):
            cur[y] = cur.get(y, 0.0) + float(r["value"])
        elif v.endswith("_constant2022"):
            con[y] = con.get(y, 0.0) + float(r["value"])
    defl = {y: cur[y] / con[y] for y in cur if y in con}
    for y in sorted(defl):
        if 2009 <= y <= 2020:
            out.append((y, "sweden_gdp_growth", con[y] / con[y - 1] - 1.0, "1/yr",
                        "SCB national accounts, GDP at constant 2022 prices (grp.csv)"))
            out.append((y, "sweden_gdp_deflator", defl[y] / defl[2020], "2020 = 1",
                        "SCB national accounts, current / constant prices (grp.csv)"))

    # GRP and emissions: sums of the three counties (effektivitet.csv).
    grp, em = {}, {}
    for r in rows("effektivitet.csv"):
        if r["Region"] not in COUNTIES.values():
            continue
        y = int(r["År"])
        grp[y] = grp.get(y, 0.0) + float(r["BRP"])
        em[y] = em.get(y, 0.0) + float(r["Utsläpp"])
    for y in sorted(grp):
        out.append((y, "grp_current", grp[y], "MSEK/yr",
                    "SCB regional accounts via Region Dalarna (effektivitet.csv BRP)"))
        out.append((y, "grp", grp[y] * defl[2020] / defl[y], "MSEK/yr",
                    "effektivitet.csv BRP deflated by Sweden's GDP deflator, 2020 prices"))
        out.append((y, "emissions_total", em[y], "kt CO2e/yr",
                    "RUS/SMHI via Region Dalarna (effektivitet.csv Utsläpp)"))

    # New firms, 2011 on (the 2010 method break); 2010 from the new method's column.
    nf = {}
    for r in rows("new_firms.csv"):
        if r["region_code"] not in COUNTIES:
            continue
        y = int(r["year"])
        if (y >= 2011 and r["variable"] == "new_firms") or \
           (y == 2010 and r["variable"] == "new_firms_2010col_star2"):
            nf[y] = nf.get(y, 0.0) + float(r["value"])
    for y in sorted(nf):
        out.append((y, "firm_starts", nf[y], "firms/yr",
                    "Tillväxtanalys via Region Dalarna (new_firms.csv)"))

    # LFS unemployment 15-74 (annual mean).
    for r in rows("labour_market.csv"):
        if r["region_code"] == "SE31" and r["variable"] == "unemployment_rate_LFS_total":
            out.append((int(r["year"]), "unemployment_lfs", float(r["value"]) / 100.0, "1",
                        "Eurostat tgs00010, LFS 15-74"))

    # Dalarna's post-secondary share 25-64, a check of the tertiary trend.
    for r in rows("education.csv"):
        if r["variable"] == "share_post_secondary_25_64_total":
            out.append((int(r["year"]), "tertiary_share_dalarna", float(r["value"]) / 100.0,
                        "1", "Kolada via Region Dalarna (education.csv)"))

    out.sort(key=lambda t: (t[1], t[0]))
    with open(os.path.join(HERE, "observed.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "series", "value", "unit", "source", "source_sv"])
        for y, s, v, u, src in out:
            w.writerow([y, s, "%.6g" % v if abs(v) < 1000 else "%.1f" % v, u, src,
                        SOURCE_SV[src]])


if __name__ == "__main__":
    main()
